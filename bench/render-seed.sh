#!/usr/bin/env bash
# Benchmark: the whole process rendering the seed plan, median of N runs (default 10), and
# the output size; then the in-process benchmark (median time of each stage over 200
# renders). Appends a row to bench/results.md and to bench/results-inprocess.md, and prints
# the figures.
#
#   bench/render-seed.sh [BUILD_DIR] [RUNS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build}
runs=${2:-10}
vanban="$build/vanban"
[ -x "$vanban" ] || { echo "no $vanban: build first (scripts/test.sh)" >&2; exit 2; }

work=$(mktemp -d)
# shellcheck source=lib.sh
source "$root/bench/lib.sh"
trap 'rm -rf "$work"' EXIT
"$vanban" render "$root/samples/ke-hoach-54.xml" -o "$work/warm.pdf"  # warm the page cache

times=()
for ((i = 0; i < runs; i++)); do
  start=$(date +%s%N)
  "$vanban" render "$root/samples/ke-hoach-54.xml" -o "$work/out.pdf"
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
n=${#sorted[@]}
if (( n % 2 )); then median=${sorted[$((n / 2))]}; else median=$(( (sorted[n / 2 - 1] + sorted[n / 2]) / 2 )); fi
min=${sorted[0]}
max=${sorted[$((n - 1))]}
size=$(stat -c %s "$work/out.pdf")
pages=$(pdfinfo "$work/out.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
stats=$("$vanban" render "$root/samples/ke-hoach-54.xml" -o "$work/stats.pdf" --stats 2>&1)

ms() { awk -v us="$1" 'BEGIN { printf "%.1f", us / 1000 }'; }
row="| $(date -u +%Y-%m-%d) | $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo -) | $runs | $(ms "$median") | $(ms "$min") | $(ms "$max") | $size | ${pages:-?} | $(nproc) × $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo) |"

results="$root/bench/results.md"
if [ ! -f "$results" ]; then
  cat > "$results" <<'HEAD'
# Benchmark results

Written by the scripts in `bench/`; each row is one run of the script named in its section.
Times are wall-clock for the whole process (start, read, template, layout, PDF, write).

## Seed plan, whole process: `bench/render-seed.sh`

Target (issue 2): under 50 ms median, PDF at most 60 KB.

| date | commit | runs | median ms | min ms | max ms | PDF bytes | pages | machine |
|---|---|---|---|---|---|---|---|---|
HEAD
fi
add_row "$results" '^[|] date [|] commit [|] runs [|] median ms' "$row"

inprocess="$root/bench/results-inprocess.md"
engine_header='| date | commit | runs | data | checks and template | markup and layout | pdf | total | PDF bytes |'
if ! grep -qF "$engine_header" "$inprocess" 2>/dev/null; then
  cat >> "$inprocess" <<HEAD

## Through the engine

\`vanban_bench_inprocess 200\` renders the seed through one \`vanban::Engine\` (fonts and template
loaded once, as a batch or \`vanban serve\` has them), 200 times; median milliseconds per stage,
as the engine's own figures (\`RenderStats\`) give them.

$engine_header
|---|---|---|---|---|---|---|---|---|
HEAD
fi
figures=$("$build/bench/vanban_bench_inprocess" 200 | tail -1)
add_row "$inprocess" '^[|] date .*checks and template' "| $(date -u +%Y-%m-%d) | $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo -) $figures"
echo "in process (median ms): | runs | data | checks and template | markup and layout | pdf | total | PDF bytes |"
echo "                        $figures"
echo "median $(ms "$median") ms (min $(ms "$min"), max $(ms "$max")) over $runs runs; $size bytes, ${pages:-?} pages"
echo "$stats"
