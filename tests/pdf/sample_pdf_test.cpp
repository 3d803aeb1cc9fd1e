// The rendered sample plan read back as a reader sees it: poppler's pdftotext, pdfinfo and
// pdffonts, mutool and qpdf. These prove what no trace can: the text copies out with every
// diacritic, the fonts are embedded and subset, and the file is valid.
#include <catch2/catch.hpp>

#include <algorithm>

#include <filesystem>
#include <regex>
#include <sstream>

#include "base/files.h"
#include "support/paths.h"
#include "support/run.h"

using namespace vanban;
using testing::quote;
using testing::collapse_spaces;
using testing::run;

namespace {

// The seed's lines as a reader should find them: the scan's leftovers removed, its
// Markdown-like italics unmarked, nested "- +" bullets as "+".
std::vector<std::string> seed_lines() {
  std::vector<std::string> lines;
  std::istringstream in(read_file(testing::source_dir() + "/tests/data/ke-hoach-54-seed.txt"));
  for (std::string line; std::getline(in, line);) {
    line = std::regex_replace(line, std::regex(R"(\*102\*|\*cau\*)"), "");
    line = std::regex_replace(line, std::regex(R"(\*)"), "");
    line = collapse_spaces(line);
    if (line.empty() || line == "Đã in thành công") continue;
    if (line.rfind("- + ", 0) == 0) line = line.substr(2);
    if (line.size() > 2 && line.compare(line.size() - 2, 2, "./") == 0) line += ".";  // the scan lost "./."'s last dot
    lines.push_back(line);
  }
  return lines;
}

struct RenderedSample {
  std::filesystem::path dir = testing::scratch("sample-pdf");
  std::string pdf = (dir / "ke-hoach-54.pdf").string();
  testing::Run render = run(quote(testing::vanban_cli()) + " render " + quote(testing::sample("ke-hoach-54.xml")) +
                            " -o " + quote(pdf));
};

const RenderedSample& rendered() {
  static const RenderedSample sample;
  return sample;
}

}  // namespace

TEST_CASE("the sample renders with exit code 0, warning only that its Nơi nhận ends in 'Lưu.'") {
  CHECK(rendered().render.exit_code == 0);
  // The real plan ends Nơi nhận with "- Lưu." where Decree 30 wants "- Lưu: VT, …": vanban
  // prints it as written and says so, once.
  const std::string& err = rendered().render.err;
  CHECK(std::count(err.begin(), err.end(), '\n') == 1);
  CHECK_THAT(err, Catch::Contains("ke-hoach-54.xml:90:5: warning:") && Catch::Contains("[check.recipient]"));
  REQUIRE(std::filesystem::exists(rendered().pdf));
}

TEST_CASE("every line of the seed is in the PDF text, in order, with its diacritics") {
  const auto extracted = run("pdftotext -raw -enc UTF-8 " + quote(rendered().pdf) + " -");
  REQUIRE(extracted.exit_code == 0);
  CHECK(extracted.err.empty());  // no "Invalid 'begincidrange'" ToUnicode warning
  // Page numbers are lines of digits alone; they interrupt paragraphs that cross pages.
  std::string text;
  std::istringstream in(extracted.out);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.find_first_not_of("0123456789\f") == std::string::npos) continue;
    text += line + "\n";
  }
  text = collapse_spaces(text);
  std::size_t from = 0;
  int found = 0;
  for (const auto& line : seed_lines()) {
    const auto at = text.find(line, from);
    INFO("seed line: " << line);
    CHECK(at != std::string::npos);
    if (at == std::string::npos) continue;
    from = at + line.size();
    ++found;
  }
  CHECK(found >= 60);
}

TEST_CASE("the seed's text strings hold code bytes that must be escaped and still copy out") {
  // The text is written as literal strings of 2-byte codes (docs/dependencies.md,
  // "Compressing streams"): the seed draws enough characters for codes whose bytes are "(",
  // ")", "\\", a carriage return and a line feed, so the test above read text through them.
  const auto uncompressed = run("qpdf --qdf --normalize-content=n --object-streams=disable " + quote(rendered().pdf) + " -");
  REQUIRE(uncompressed.exit_code == 0);
  for (const char* escape : {"\\(", "\\)", "\\\\", "\\r", "\\n"}) {
    INFO("escape: " << escape);
    CHECK(uncompressed.out.find(escape) != std::string::npos);
  }
}

TEST_CASE("page size, page count and document information") {
  const auto info = run("pdfinfo -enc UTF-8 " + quote(rendered().pdf));
  REQUIRE(info.exit_code == 0);
  CHECK(info.out.find("Page size:       595.276 x 841.89 pts (A4)") != std::string::npos);
  CHECK(info.out.find("PDF version:     1.7") != std::string::npos);
  CHECK(info.out.find("Title:           Tổ chức Hội nghị điển hình tiên tiến") != std::string::npos);
  CHECK(info.out.find("Author:          ỦY BAN NHÂN DÂN THỊ XÃ DUYÊN HẢI") != std::string::npos);
  CHECK(info.out.find("Subject:         Kế hoạch số 54/KH-UBND") != std::string::npos);
  CHECK(info.err.empty());
}

TEST_CASE("four faces, each embedded, subset and with a Unicode map") {
  const auto fonts = run("pdffonts " + quote(rendered().pdf));
  REQUIRE(fonts.exit_code == 0);
  std::istringstream in(fonts.out);
  int faces = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.find("CID TrueType") == std::string::npos) continue;
    ++faces;
    INFO(line);
    CHECK(std::regex_search(line, std::regex(R"(Identity-H\s+yes\s+yes\s+yes)")));
    CHECK(line.find("LiberationSerif") != std::string::npos);
  }
  CHECK(faces == 4);
  // Truly subset: the embedded font programs are a few KB, not libharu's ~70 KB a face.
  const auto dir = rendered().dir / "extracted";
  std::filesystem::create_directories(dir);
  const auto extract = run("cd " + quote(dir.string()) + " && mutool extract " + quote(rendered().pdf));
  REQUIRE(extract.exit_code == 0);
  int programs = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".ttf") continue;
    ++programs;
    INFO(entry.path().filename().string() << ": " << entry.file_size() << " bytes");
    CHECK(entry.file_size() < 25000);
  }
  CHECK(programs == 4);
}

TEST_CASE("the PDF is valid, at most 60 KB, and the same bytes every time") {
  const auto check = run("qpdf --check " + quote(rendered().pdf));
  CHECK(check.exit_code == 0);
  CHECK(check.out.find("No syntax or stream encoding errors found") != std::string::npos);
  CHECK(std::filesystem::file_size(rendered().pdf) <= 60 * 1024);
  const std::string again = (rendered().dir / "again.pdf").string();
  REQUIRE(run(quote(testing::vanban_cli()) + " render " + quote(testing::sample("ke-hoach-54.xml")) + " -o " + quote(again))
              .exit_code == 0);
  CHECK(read_file(again) == read_file(rendered().pdf));
}

TEST_CASE("the text also copies out through the ToUnicode maps, which are conformant") {
  // mutool reads text through the ToUnicode maps (poppler falls back to the codes when a
  // map is broken, so it alone cannot prove them).
  const auto text = run("mutool draw -F txt -o - " + quote(rendered().pdf) + " 2>/dev/null");
  REQUIRE(text.exit_code == 0);
  const std::string flat = collapse_spaces(text.out);
  for (const char* line : {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                           "Duyên Hải, ngày 26 tháng 8 năm 2019", "Ủy ban nhân dân các xã, phường nghiêm túc thực hiện./.",
                           "Lê Vũ Phương"}) {
    INFO(line);
    CHECK(flat.find(line) != std::string::npos);
  }
  // Uncompressed, with unreferenced objects kept, every ToUnicode map is bfchar entries;
  // libharu's own used begincidrange, an operator a ToUnicode map may not hold
  // (docs/dependencies.md, "The ToUnicode map"), and no copy of it lingers in the file.
  const std::string qdf = (rendered().dir / "qdf.pdf").string();
  REQUIRE(run("qpdf --qdf --preserve-unreferenced --object-streams=disable " + quote(rendered().pdf) + " " + quote(qdf))
              .exit_code == 0);
  const std::string raw = read_file(qdf);
  CHECK(raw.find("beginbfchar") != std::string::npos);
  CHECK(raw.find("begincidrange") == std::string::npos);
}
