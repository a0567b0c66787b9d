#pragma once

#include <functional>
#include <ostream>
#include <string>

namespace optiscope {

// Writes a file so that readers never see it half-written: the content goes to a temporary
// file in the same directory, which is renamed over the target only after the writer finished
// and the stream flushed without error. On any failure the target is left untouched and the
// temporary removed. Throws std::runtime_error naming the path and the problem.
void writeFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace optiscope
