# Shared by the benchmarks (sourced): generated certificate records, timing, result tables.

# generate_certificates N DIR: writes DIR/records.csv (for vanban), DIR/records.tsv (for the
# bare libharu baseline) and DIR/common.xml. The records: names drawn from common family,
# middle and given names (a fixed sequence, so every run prints the same certificates), a
# position, a golden-book number.
generate_certificates() {
  local n=$1 dir=$2
  awk -v n="$n" -v tsv="$dir/records.tsv" 'BEGIN {
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
    printf "%s\t%s %s %s\t%s\t%d\n", (m ~ /Thị/ ? "Bà" : "Ông"), f, m, g, r, 100 + i > tsv
  }
}' > "$dir/records.csv"
  cp "$root/tests/data/batch/common.xml" "$dir/common.xml"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

# time_runs CLEAN COMMAND…: prints the median wall time in ms of RUNS runs of COMMAND, each
# after running CLEAN (a command that removes the last run's outputs); each run's peak
# resident set (KB, GNU time) is appended to $work/rss-all, emptied first.
time_runs() {
  local clean=$1
  shift
  : > "$work/rss-all"
  for ((i = 0; i < runs; i++)); do
    eval "$clean"
    sync  # the last run's files written out first: no run pays for another's writeback
    start=$(date +%s%N)
    /usr/bin/time -f %M -o "$work/rss" "$@" > /dev/null 2>&1 || true
    end=$(date +%s%N)
    tail -n 1 "$work/rss" >> "$work/rss-all"
    echo $(( (end - start) / 1000000 ))
  done | median
}
peak_mb() { sort -n "$work/rss-all" | tail -n 1 | awk '{ printf "%d", $1 / 1024 }'; }

# machine: the row's machine column.
machine() { echo "$(nproc) × $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"; }

# add_row FILE HEADER_PATTERN ROW: puts ROW at the end of the first table of FILE whose
# header line matches HEADER_PATTERN.
add_row() {
  awk -v pattern="$2" -v row="$3" '
    $0 ~ pattern { in_table = 1 }
    in_table && /^$/ { print row; in_table = 0; done = 1 }
    { print }
    END { if (in_table && !done) print row }
  ' "$1" > "$1.new" && mv "$1.new" "$1"
}
