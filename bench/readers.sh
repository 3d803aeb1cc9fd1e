#!/usr/bin/env bash
# Benchmark (issue "Nothing silently lost", linear cost): the readers at scale.
#  - in process (vanban_bench_readers): a million empty XML elements through the data reader,
#    300,000 JSON records through the records reader;
#  - whole process: `vanban check` of a delegate list of 250,000 delegates (a million
#    elements: each delegate and its name, role and note), and `vanban batch` reading 300,000
#    JSON records to print the first (--shard 1/300000).
# Median of RUNS runs (default 5). Appends a row to each table of bench/results-readers.md.
#
#   bench/readers.sh [BUILD_DIR] [RUNS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build}
runs=${2:-5}
vanban="$build/vanban"
inprocess="$build/bench/vanban_bench_readers"
[ -x "$vanban" ] && [ -x "$inprocess" ] || { echo "build first (scripts/test.sh)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "no GNU time (/usr/bin/time): scripts/install-deps.sh installs it" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$root/bench/lib.sh"

# A delegate list of 250,000 delegates in 5 groups, names from a fixed sequence.
awk 'BEGIN {
  split("Nguyễn Trần Lê Phạm Huỳnh Võ Đặng Bùi Đỗ Hồ Ngô Dương Thạch Kim Sơn Lâm Trương Đoàn", fam, " ")
  split("Văn Thị Minh Thanh Ngọc Hoàng Quốc Hữu Đức Thúy", mid, " ")
  split("An Bình Cường Dũng Đạt Hà Hải Hằng Hùng Lan Linh Nam Phương Thảo Trang Tuấn Út Yến Ánh Ẩn Hưởng Nguyệt", giv, " ")
  print "<document template=\"danh-sach\">"
  print "<issuer><line>Ủy ban nhân dân</line><line>thị xã Duyên Hải</line></issuer>"
  print "<subject>Đại biểu dự Đại hội Thi đua yêu nước</subject>"
  seed = 20200622; n = 0
  for (g = 1; g <= 5; g++) {
    printf "<group number=\"%d\" title=\"Nhóm %d\">\n", g, g
    for (i = 1; i <= 50000; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648
      n++
      printf "<delegate><name>%s %s %s %d</name><role>Chuyên viên</role><note>%d</note></delegate>\n", \
        fam[seed % 18 + 1], mid[int(seed / 18) % 10 + 1], giv[int(seed / 180) % 22 + 1], n, n
    }
    print "</group>"
  }
  print "<signer><name>Lê Vũ Phương</name></signer>"
  print "</document>"
}' > "$work/delegates.xml"
# 300,000 certificate records as JSON.
awk 'BEGIN {
  print "["
  for (i = 1; i <= 300000; i++) {
    printf "%s{\"recipient\": {\"honorific\": \"Ông\", \"name\": \"Nguyễn Văn An %d\", \"role\": \"Chủ tịch Hội Cựu chiến binh\"}, \"golden-book\": %d}\n", (i > 1 ? "," : ""), i, 100 + i
  }
  print "]"
}' > "$work/records.json"
cp "$root/tests/data/batch/common.xml" "$work/common.xml"

row=$("$inprocess" "$runs")
check_ms=$(time_runs : "$vanban" check "$work/delegates.xml" --max-input-mb 64 --max-table-rows 300000)
check_mb=$(peak_mb)
batch_ms=$(time_runs 'rm -rf "$work/out"' "$vanban" batch "$work/records.json" -t giay-khen --data "$work/common.xml" \
  --out-dir "$work/out" --shard 1/300000 --quiet)
batch_mb=$(peak_mb)

results="$root/bench/results-readers.md"
date=$(date +%F)
commit=$(git -C "$root" rev-parse --short HEAD)
add_row "$results" '^\| date .* elements' "| $date | $commit | ${row#| }"
add_row "$results" '^\| date .* delegates' "| $date | $commit | $runs | $(stat -c %s "$work/delegates.xml" | awk '{ printf "%.1f", $1 / 1048576 }') | $check_ms | $check_mb | $(stat -c %s "$work/records.json" | awk '{ printf "%.1f", $1 / 1048576 }') | $batch_ms | $batch_mb | $(machine) |"
echo "in process: $row"
echo "check, 250,000 delegates: $check_ms ms ($check_mb MB); batch reading 300,000 JSON records: $batch_ms ms ($batch_mb MB)"
