#pragma once

#include <QString>

namespace optiscope::ui {

// The learning rate a new run of `optimizer` starts with on the Landscape page, as a spec
// ("lion:lr=0.05"), or the bare name where torch's default serves. Torch's defaults suit
// networks, not 2D test functions: Lion at 1e-4 barely moves across a view box, Adam at 1e-3
// crawls. These rates were chosen with bench/choose_start_rates.sh (optiscope-cli races
// over five functions: no divergence, no step beyond 5 % of the view box, then the lowest
// median loss after 500 steps). The CLI keeps torch's defaults.
QString landscapeStartSpec(const QString& optimizer);

}  // namespace optiscope::ui
