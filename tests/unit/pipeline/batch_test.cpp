// The batch's pure parts: file names safe on every file system, and shards that add up.
#include <catch2/catch.hpp>

#include "pipeline/batch.h"

using namespace vanban;
using pipeline::safe_file_name;

TEST_CASE("file names: no characters a file system refuses, no reserved names, folded to ASCII on request") {
  CHECK(safe_file_name("01/QĐ: Nguyễn \"Út\" <An>?*|.pdf", false) == "01-QĐ- Nguyễn -Út- -An----.pdf");
  CHECK(safe_file_name("Đặng Thị Ánh Hồng.pdf", true) == "Dang Thi Anh Hong.pdf");
  CHECK(safe_file_name("Nguye\xCC\x82\xCC\x83n.pdf", false) == "Nguyễn.pdf");  // NFD in, NFC out
  CHECK(safe_file_name("CON.pdf", false) == "_CON.pdf");
  CHECK(safe_file_name("lpt1", false) == "_lpt1");
  CHECK(safe_file_name(" ..tên  cuối.. ", false) == "tên cuối");
  CHECK(safe_file_name("a\tb\nc.pdf", false) == "a-b-c.pdf");
  // A long name is cut between characters, keeping its extension.
  std::string long_name;
  for (int k = 0; k < 100; ++k) long_name += "Ữ";
  const std::string cut = safe_file_name(long_name + ".pdf", false);
  CHECK(cut.size() <= 154);
  CHECK(cut.substr(cut.size() - 4) == ".pdf");
  CHECK(cut.substr(0, cut.size() - 4).size() % 3 == 0);  // whole three-byte characters only
}

TEST_CASE("shards: K/N slices are contiguous, in order, and together exactly the whole") {
  for (int total = 0; total <= 40; ++total) {
    for (int count = 1; count <= 7; ++count) {
      int expected_begin = 0;
      for (int index = 1; index <= count; ++index) {
        const auto [begin, end] = pipeline::shard_range({index, count}, total);
        INFO(total << " records, shard " << index << "/" << count);
        CHECK(begin == expected_begin);
        CHECK(end >= begin);
        CHECK(end - begin <= total / count + 1);  // balanced
        expected_begin = end;
      }
      CHECK(expected_begin == total);
    }
  }
}
