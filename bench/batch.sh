#!/usr/bin/env bash
# Benchmark (issue 6): `vanban batch` on N generated Giấy khen with full diacritics (default
# 1,000), whole process, median of RUNS runs (default 5): one merged print file, and one file
# per record, both with -j JOBS (default 2); and, as the baseline, a bare libharu program
# writing the same texts with no layout into one merged file (bench/bare_libharu.cpp).
# Peak memory is the largest resident set of the separate-file runs (GNU time). Appends a
# row to bench/results-batch.md. Outputs go to a temporary folder under $TMPDIR.
#
#   bench/batch.sh [BUILD_DIR] [RECORDS] [RUNS] [JOBS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build}
records=${2:-1000}
runs=${3:-5}
jobs=${4:-2}
vanban="$build/vanban"
bare="$build/bench/vanban_bench_bare"
[ -x "$vanban" ] || { echo "no $vanban: build first (scripts/test.sh)" >&2; exit 2; }
[ -x "$bare" ] || { echo "no $bare: build first (scripts/test.sh)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "no GNU time (/usr/bin/time): scripts/install-deps.sh installs it" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

source "$root/bench/lib.sh"
generate_certificates "$records" "$work"

common_args=(batch -t giay-khen "$work/records.csv" --data "$work/common.xml" -j "$jobs" --quiet)
clean='rm -rf "$work/out" "$work/all.pdf" "$work/bare.pdf"'
merged_ms=$(time_runs "$clean" "$vanban" "${common_args[@]}" --merge "$work/all.pdf")
merged_bytes=$(stat -c %s "$work/all.pdf")
bare_ms=$(time_runs "$clean" "$bare" "$work/records.tsv" "$work/bare.pdf" "$root/fonts")
ratio=$(awk -v a="$merged_ms" -v b="$bare_ms" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
separate_ms=$(time_runs "$clean" "$vanban" "${common_args[@]}" --out-dir "$work/out")
peak=$(peak_mb)
files=$(find "$work/out" -name '*.pdf' | wc -l)
separate_bytes=$(find "$work/out" -name '*.pdf' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
per_file=$(( separate_bytes / (files > 0 ? files : 1) ))

results="$root/bench/results-batch.md"
row="| $(date -u +%Y-%m-%d) | $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo -) | $records | $runs | $jobs | $merged_ms | $(( merged_bytes / 1024 )) | $bare_ms | $ratio | $separate_ms | $files | $per_file | $peak | $(machine) |"
add_row "$results" '^[|] date .*bare ms' "$row"
echo "$row"
