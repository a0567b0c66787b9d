#!/usr/bin/env bash
# Soak test (issue 6): `optiscope-cli race` with 8 runs for 10^8 steps in total, its resident
# memory sampled every second. Passes when RSS grows by less than 10 MB after warm-up.
#   bench/soak_race.sh [TOTAL_STEPS (default 1e8)] [--disk]
# The race writes one CSV row per step: 10^8 rows are ~18 GB. By default every run's CSV goes
# to /dev/null (the CLI still formats and writes every row; its temporary file is a symlink to
# /dev/null, which the final rename moves into place); --disk writes real files to a temp
# directory instead (check `df -h` first).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${OPTISCOPE_BUILD:-$root/build}
total=${1:-100000000}
sink=${2:-null}
optimizers=(sgd:lr=0.0001 adagrad:lr=0.01 rmsprop:lr=0.0001 adam:lr=0.001 adamw:lr=0.001
  nadam:lr=0.001 lion:lr=0.00001 yogi:lr=0.001)
steps=$(python3 -c "print(int(float('$total')) // ${#optimizers[@]})")
warmup_seconds=${OPTISCOPE_SOAK_WARMUP:-10}
limit_kb=10240

[ -x "$build/app/optiscope-cli" ] || cmake --build "$build" --target optiscope-cli --parallel 2
out=$(mktemp -d "${TMPDIR:-/tmp}/optiscope-soak-XXXXXX")
trap 'rm -rf "$out"' EXIT
args=(race --function rosenbrock --steps "$steps" --out "$out/race")
mkdir -p "$out/race"
for i in "${!optimizers[@]}"; do
  spec=${optimizers[$i]}
  args+=(--optimizer "$spec")
  [ "$sink" = "--disk" ] || ln -s /dev/null "$out/race/run-$((i + 1))-${spec%%:*}.csv.partial"
done

echo "soak: ${#optimizers[@]} runs x $steps steps = $((steps * ${#optimizers[@]})) steps"
start=$(date +%s)
"$build/app/optiscope-cli" "${args[@]}" >"$out/cli.log" 2>&1 &
pid=$!
log="$out/rss.csv"
echo "seconds,rss_kb" >"$log"
while kill -0 "$pid" 2>/dev/null; do
  rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
  [ -n "$rss" ] && echo "$(($(date +%s) - start)),$rss" >>"$log"
  sleep 1
done
wait "$pid" || { cat "$out/cli.log"; echo "soak: optiscope-cli failed" >&2; exit 1; }
cat "$out/cli.log"
cat "$out/race/summary.csv"
cp "$log" "${OPTISCOPE_SOAK_LOG:-${TMPDIR:-/tmp}/optiscope-soak-rss.csv}"

python3 - "$log" "$warmup_seconds" "$limit_kb" <<'PY'
import csv, sys
rows = [(int(r["seconds"]), int(r["rss_kb"])) for r in csv.DictReader(open(sys.argv[1]))]
warmup, limit = int(sys.argv[2]), int(sys.argv[3])
after = [rss for t, rss in rows if t >= warmup]
if not after:
    sys.exit(f"soak: the race ended within the {warmup} s warm-up; nothing to judge")
base, peak = after[0], max(after)
print(f"soak: {rows[-1][0]} s, {len(rows)} samples; RSS at {warmup} s {base / 1024:.1f} MB, "
      f"peak after warm-up {peak / 1024:.1f} MB, growth {(peak - base) / 1024:.2f} MB "
      f"(limit {limit / 1024:.0f} MB); first sample {rows[0][1] / 1024:.1f} MB")
sys.exit(0 if peak - base < limit else "soak: FAILED, resident memory grew")
PY
