#!/usr/bin/env bash
# Benchmark (issue 6): does `vanban batch` scale? 10,000 and then 100,000 separate generated
# Giấy khen, whole process, median of RUNS runs (default 5) with -j JOBS (default 2), and
# the largest resident set of each size's runs (GNU time). Targets: the 100,000 run takes at
# most 10.5 times the 10,000 run, and peak memory stays at most 100 MB. Each run writes to
# a new folder, all removed at the end, so that no run waits on the deletion of the last
# one's files. Appends a row to bench/results-batch-scale.md. Outputs go to a temporary
# folder under $TMPDIR (about 1.6 GB a 100,000 run).
#
#   bench/batch-scale.sh [BUILD_DIR] [RUNS] [JOBS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build}
runs=${2:-5}
jobs=${3:-2}
vanban="$build/vanban"
[ -x "$vanban" ] || { echo "no $vanban: build first (scripts/test.sh)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "no GNU time (/usr/bin/time): scripts/install-deps.sh installs it" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$root/bench/lib.sh"
generate_certificates 100000 "$work"
head -n 10001 "$work/records.csv" > "$work/records-10000.csv"

# Each run's folder is moved aside before the next (time_runs syncs it out first), and all are
# removed at the end with $work.
aside='[ -d "$work/out" ] && mv "$work/out" "$work/done-$(date +%s%N)"; true'
options=(--data "$work/common.xml" -j "$jobs" --quiet --out-dir "$work/out")
small_ms=$(time_runs "$aside" "$vanban" batch -t giay-khen "$work/records-10000.csv" "${options[@]}")
small_peak=$(peak_mb)
large_ms=$(time_runs "$aside" "$vanban" batch -t giay-khen "$work/records.csv" "${options[@]}")
large_peak=$(peak_mb)
files=$(find "$work/out" -name '*.pdf' | wc -l)
bytes=$(find "$work/out" -name '*.pdf' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
growth=$(awk -v a="$large_ms" -v b="$small_ms" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
filesystem=$(df -T "$work" | awk 'NR == 2 { print $2 }')

results="$root/bench/results-batch-scale.md"
if [ ! -f "$results" ]; then
  cat > "$results" <<'HEAD'
# Batch printing at scale: `bench/batch-scale.sh`

10,000 and 100,000 separate Giấy khen from generated records, whole process, median of the
runs, `-j` workers; peak MB is the largest resident set of that size's runs. Targets
(issue 6): the 100,000 run at most 10.5 times the 10,000 run; peak memory at most 100 MB.

| date | commit | runs | -j | 10,000 ms | 100,000 ms | 100,000 / 10,000 | peak MB 10,000 | peak MB 100,000 | files | bytes a file | output on | machine |
|---|---|---|---|---|---|---|---|---|---|---|---|---|

HEAD
fi
row="| $(date -u +%Y-%m-%d) | $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo -) | $runs | $jobs | $small_ms | $large_ms | $growth | $small_peak | $large_peak | $files | $(( bytes / (files > 0 ? files : 1) )) | $filesystem | $(machine) |"
add_row "$results" '^[|] date .*100,000 ms' "$row"
echo "$row"
