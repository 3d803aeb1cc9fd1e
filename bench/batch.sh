#!/usr/bin/env bash
# Benchmark (issue 6): `vanban batch` on N generated Giấy khen with full diacritics (default
# 1,000), whole process, median of RUNS runs (default 5): one merged print file, and one file
# per record, both with -j JOBS (default 2). Appends a row to bench/results-batch.md.
#
#   bench/batch.sh [BUILD_DIR] [RECORDS] [RUNS] [JOBS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build}
records=${2:-1000}
runs=${3:-5}
jobs=${4:-2}
vanban="$build/vanban"
[ -x "$vanban" ] || { echo "no $vanban: build first (scripts/test.sh)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The records: names drawn from common family, middle and given names (a fixed sequence,
# so every run prints the same certificates), a position, a golden-book number.
awk -v n="$records" 'BEGIN {
  split("Nguyễn Trần Lê Phạm Huỳnh Võ Đặng Bùi Đỗ Hồ Ngô Dương Thạch Kim Sơn Lâm Trương Đoàn", fam, " ")
  split("Văn Thị Minh Thanh Ngọc Hoàng Quốc Hữu Thị_Kim Thị_Ngọc Đức Thúy", mid, " ")
  split("An Bình Cường Dũng Đạt Hà Hải Hằng Hùng Lan Linh Nam Phương Thảo Trang Tuấn Út Yến Ánh Ẩn Hưởng Nguyệt", giv, " ")
  split("Chủ tịch Hội Cựu chiến binh phường 1|Giáo viên Trường Tiểu học Long Toàn A|Chuyên viên, Phòng Nội vụ|Nông dân sản xuất giỏi, xã Dân Thành|Bí thư Đoàn Thanh niên xã Hiệp Thạnh|Trưởng ấp Giồng Giếng, xã Long Hữu", role, "|")
  print "stt,recipient/honorific,recipient/name,recipient/role,golden-book"
  seed = 20200622
  for (i = 1; i <= n; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648; f = fam[seed % 18 + 1]
    seed = (seed * 1103515245 + 12345) % 2147483648; m = mid[seed % 12 + 1]; gsub("_", " ", m)
    seed = (seed * 1103515245 + 12345) % 2147483648; g = giv[seed % 22 + 1]
    seed = (seed * 1103515245 + 12345) % 2147483648; r = role[seed % 6 + 1]
    printf "%d,%s,%s %s %s,\"%s\",%d\n", i, (m ~ /Thị/ ? "Bà" : "Ông"), f, m, g, r, 100 + i
  }
}' > "$work/records.csv"
cp "$root/tests/data/batch/common.xml" "$work/common.xml"

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
time_runs() {  # prints the median wall time in ms of running "$@" RUNS times
  for ((i = 0; i < runs; i++)); do
    rm -rf "$work/out" "$work/all.pdf"
    start=$(date +%s%N)
    "$@" > /dev/null 2>&1 || true
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
  done | median
}

common_args=(batch -t giay-khen "$work/records.csv" --data "$work/common.xml" -j "$jobs" --quiet)
merged_ms=$(time_runs "$vanban" "${common_args[@]}" --merge "$work/all.pdf")
merged_bytes=$(stat -c %s "$work/all.pdf")
separate_ms=$(time_runs "$vanban" "${common_args[@]}" --out-dir "$work/out")
files=$(find "$work/out" -name '*.pdf' | wc -l)
separate_bytes=$(du -cb "$work"/out/*.pdf | awk 'END { print $1 }')
per_file=$(( separate_bytes / (files > 0 ? files : 1) ))

results="$root/bench/results-batch.md"
if [ ! -f "$results" ]; then
  cat > "$results" <<'HEAD'
# Batch printing: `bench/batch.sh`

Giấy khen from generated records (Vietnamese names with every kind of diacritic), whole
process, median of the runs; `-j` workers. Targets (issue 6), for 1,000 records on 2 cores:
merged at most 0.30 s and 700 KB; separate files at most 2.0 s and 16 KB a file on average.

| date | commit | records | runs | -j | merged ms | merged KB | separate ms | files | KB a file | machine |
|---|---|---|---|---|---|---|---|---|---|---|
HEAD
fi
row="| $(date -u +%Y-%m-%d) | $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo -) | $records | $runs | $jobs | $merged_ms | $(( merged_bytes / 1024 )) | $separate_ms | $files | $(( per_file / 1024 )) | $(nproc) × $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo) |"
echo "$row" >> "$results"
echo "$row"
