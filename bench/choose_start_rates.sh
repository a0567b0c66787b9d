#!/usr/bin/env bash
# How the GUI's starting learning rates for 2D surfaces were chosen (ui/landscape/start_rates.cpp):
# every optimizer races with learning rates 1e-4 ... 1 (1-2-5 steps) for 500 steps (a few
# seconds at the GUI's default speed) from each function's default start, on rosenbrock,
# himmelblau, quadratic (condition 10), booth and matyas. A rate qualifies if it diverges
# nowhere and no step jumps more than 5 % of the function's view box (a path to follow, not
# a scatter of jumps); of those, the chosen one gets lowest (median over the functions) in
# log10 f after 500 steps (f* = 0 for all five).
#   bench/choose_start_rates.sh [path/to/optiscope-cli]
set -euo pipefail
cli=${1:-$(cd "$(dirname "$0")/.." && pwd)/build/app/optiscope-cli}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
rates=(0.0001 0.0002 0.0005 0.001 0.002 0.005 0.01 0.02 0.05 0.1 0.2 0.5 1)
functions=(rosenbrock himmelblau quadratic:condition=10 booth matyas)
widths=(4 10 10 20 20)  # the view boxes' widths (optiscope-cli functions)
optimizers=$("$cli" optimizers | sed -n 's/^\([a-z]*\):.*/\1/p' | grep -v '^chain$')
for optimizer in $optimizers; do
  args=()
  for lr in "${rates[@]}"; do args+=(--optimizer "$optimizer:lr=$lr"); done
  for i in "${!functions[@]}"; do
    dir=$out/$optimizer/$i
    "$cli" race --function "${functions[$i]}" "${args[@]}" --steps 500 --out "$dir" >/dev/null 2>&1
    # The largest jump of each run, as a share of the view box's width.
    for csv in "$dir"/run-*.csv; do
      awk -F, -v width="${widths[$i]}" 'NR > 2 { d = sqrt(($2 - x) ^ 2 + ($3 - y) ^ 2); if (d > m) m = d }
        NR > 1 { x = $2; y = $3 } END { print m / width }' "$csv" >"${csv%.csv}.jump"
    done
  done
  for dir in "$out/$optimizer"/*; do
    for csv in "$dir"/run-*.csv; do
      run=${csv##*/run-}; run=${run%%-*}
      echo "$run $(cat "${csv%.csv}.jump")"
    done >"$dir/jumps"
  done
  # summary.csv: run,optimizer,final_loss,best_loss,steps_to_tolerance,diverged_at
  awk -F'[, ]' -v name="$optimizer" '
    FILENAME ~ /jumps$/ { jump[FILENAME, $1] = $2; next }
    FNR == 1 { next }
    { lr = $2; sub(/.*lr=/, "", lr)
      jumps = FILENAME; sub(/summary.csv$/, "jumps", jumps)
      if ($6 != "" || jump[jumps, $1] > 0.05) bad[lr] = 1
      v = $3 + 0; if (v < 1e-30) v = 1e-30
      score[lr] = score[lr] " " log(v) / log(10); seen[lr] = 1 }
    END {
      for (lr in seen) {
        if (lr in bad) continue
        n = split(substr(score[lr], 2), s, " ")
        for (i = 2; i <= n; i++) for (j = i; j > 1 && s[j - 1] > s[j]; j--) { t = s[j]; s[j] = s[j - 1]; s[j - 1] = t }
        median = (n % 2) ? s[(n + 1) / 2] : (s[n / 2] + s[n / 2 + 1]) / 2
        if (best == "" || median < bestMedian) { best = lr; bestMedian = median }
      }
      printf "%-10s lr=%-7s median log10 f after 500 steps %7.2f\n", name, best, bestMedian
    }' "$out/$optimizer"/*/jumps "$out/$optimizer"/*/summary.csv
done
