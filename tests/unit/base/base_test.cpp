#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "base/diagnostics.h"
#include "base/files.h"
#include "base/spelling.h"

using namespace vanban;
namespace fs = std::filesystem;

TEST_CASE("offsets become 1-based lines and character columns") {
  const std::string text = "ab\nĐộc lập\nx";
  CHECK(locate_offset("f.xml", text, 0).line == 1);
  const auto where = locate_offset("f.xml", text, text.find("lập"));
  CHECK(where.line == 2);
  CHECK(where.column == 5);  // Đ ộ c space: four characters, though seven bytes
  CHECK(locate_offset("f.xml", text, text.size() + 10).line == 3);
}

TEST_CASE("diagnostics print as file:line:col: severity: message [code]") {
  Diagnostic d{Severity::error, "data.xml-syntax", "malformed XML", {"plan.xml", 3, 7}, {}};
  CHECK(format_diagnostic(d) == "plan.xml:3:7: error: malformed XML [data.xml-syntax]");
  d.where.line = 0;
  CHECK(format_diagnostic(d) == "plan.xml: error: malformed XML [data.xml-syntax]");
  d.hints = {"close every element you open", "see docs/data.md"};
  CHECK(format_diagnostic(d) == "plan.xml: error: malformed XML [data.xml-syntax]\n"
                                "  hint: close every element you open\n  hint: see docs/data.md");
}

TEST_CASE("an Error carries every diagnostic it was given, what() is the first") {
  const Error error({Diagnostic{Severity::error, "a.one", "first", {"f.xml", 1, 2}, {}},
                     Diagnostic{Severity::error, "a.two", "second", {"f.xml", 3, 4}, {}}});
  REQUIRE(error.diagnostics().size() == 2);
  CHECK(error.diagnostic().code == "a.one");
  CHECK(error.diagnostics()[1].where.line == 3);
  CHECK(std::string(error.what()) == "f.xml:1:2: error: first [a.one]");
}

TEST_CASE("outputs are replaced whole or not at all") {
  const fs::path dir = fs::temp_directory_path() / "vanban-files-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string target = (dir / "out.pdf").string();
  write_file_atomically(target, "first");
  write_file_atomically(target, "second");
  CHECK(read_file(target) == "second");
  // Only the output itself is left: no temporary files.
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  // A folder that does not exist: an error naming the file, and nothing created.
  const std::string missing = (dir / "no-such-folder" / "out.pdf").string();
  try {
    write_file_atomically(missing, "x");
    FAIL("wrote into a missing folder");
  } catch (const Error& e) {
    CHECK(e.diagnostic().code == "io.write");
    CHECK(e.diagnostic().where.file == missing);
  }
  CHECK_FALSE(fs::exists(missing));
  fs::remove_all(dir);
}

TEST_CASE("reading a missing file names it") {
  try {
    read_file("/nonexistent/plan.xml");
    FAIL("read a missing file");
  } catch (const Error& e) {
    CHECK(e.diagnostic().code == "io.read");
    CHECK(e.diagnostic().where.file == "/nonexistent/plan.xml");
  }
}

TEST_CASE("a bounded read returns the whole file, and stops one byte past the limit") {
  const fs::path dir = fs::temp_directory_path() / "vanban-read-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = (dir / "data.bin").string();
  std::string content(200000, '\0');
  for (std::size_t i = 0; i < content.size(); ++i) content[i] = static_cast<char>(i * 7 % 251);
  std::ofstream(path, std::ios::binary) << content;
  CHECK(read_file(path, content.size()) == content);  // exactly at the limit
  CHECK(read_file(path, 1 << 20) == content);
  std::ofstream(dir / "empty").close();
  CHECK(read_file((dir / "empty").string(), 10).empty());
  try {
    read_file(path, content.size() - 1);
    FAIL("read past the limit");
  } catch (const Error& e) {
    CHECK(e.diagnostic().code == "limit.input-size");
  }
  // A device has no size: what it gives is read in steps up to the limit, not to its end.
  try {
    read_file("/dev/zero", 300000);
    FAIL("read /dev/zero whole");
  } catch (const Error& e) {
    CHECK(e.diagnostic().code == "limit.input-size");
    CHECK(e.diagnostic().message.find("gives more than") != std::string::npos);
  }
  fs::remove_all(dir);
}

TEST_CASE("offset_of_location undoes locate_offset, counting characters not bytes") {
  const std::string text = "<d>\n  <p>Việt Nam ☃</p>\n</d>";
  for (std::size_t offset = 0; offset <= text.size(); ++offset) {
    if (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) continue;  // inside a letter
    INFO(offset);
    CHECK(offset_of_location(text, locate_offset("t", text, offset)) == offset);
  }
}

TEST_CASE("did you mean: the nearest name within a slip of the keyboard") {
  CHECK(edit_distance("nmae", "name") == 1);  // a swap of neighbours is one edit
  CHECK(edit_distance("signer", "Signer") == 0);
  CHECK(edit_distance("recipient", "recipent") == 1);
  const std::vector<std::string> names{"name", "role", "honorific"};
  CHECK(nearest_name("nam", names) == "name");
  CHECK(nearest_name("honourific", names) == "honorific");
  CHECK_FALSE(nearest_name("date", names));   // two edits from "name": too far for four letters
  CHECK_FALSE(nearest_name("name", names));   // itself is no suggestion
}
