#!/usr/bin/env bash
# Benchmark (issue 17): `vanban batch` on a commendation list as a clerk keeps it, whole
# process, median of RUNS runs (default 5): the rows of samples/batch/giay-khen-danh-sach.csv
# (title rows above the header, Vietnamese headers, day-first dates, a row with no name and
# one in TCVN3) repeated to RECORDS rows (default 500), printed into one merged file with the
# header found, the columns matched and the bad rows reported. Target: under a second for 500
# rows. Appends a row to bench/results-clerk.md.
#
#   bench/clerk-sheet.sh [BUILD_DIR] [RECORDS] [RUNS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build}
records=${2:-500}
runs=${3:-5}
vanban="$build/vanban"
[ -x "$vanban" ] || { echo "no $vanban: build first (scripts/test.sh)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "no GNU time (/usr/bin/time): scripts/install-deps.sh installs it" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$root/bench/lib.sh"

# The sample's four lines above its records, then its records over and over, renumbered.
sample="$root/samples/batch/giay-khen-danh-sach.csv"
head -n 4 "$sample" > "$work/list.csv"
tail -n +5 "$sample" | awk -v n="$records" '{ line[NR] = $0 } END {
  for (i = 1; i <= n; i++) { l = line[(i - 1) % NR + 1]; sub(/^[0-9]+/, i, l); print l } }' >> "$work/list.csv"

args=(batch -t giay-khen "$work/list.csv" --data "$root/samples/batch/giay-khen-chung.xml" --merge "$work/all.pdf" --quiet)
ms=$(time_runs 'rm -f "$work/all.pdf"' "$vanban" "${args[@]}")
peak=$(peak_mb)
printed=$("$vanban" "${args[@]}" --report "$work/report.csv" 2>/dev/null; grep -c ',printed,' "$work/report.csv" || true)

results="$root/bench/results-clerk.md"
row="| $(date -u +%Y-%m-%d) | $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo -) | $records | $printed | $runs | $ms | $peak | $(machine) |"
add_row "$results" '^[|] date .*rows' "$row"
echo "$row"
