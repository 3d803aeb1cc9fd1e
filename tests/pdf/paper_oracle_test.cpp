// Two promises checked on every sample from the PDF alone, as a reader's tools see it:
// everything in the data is on the paper (every word of every value is in pdftotext's text),
// and no line leaves the paper (every word pdftotext finds lies inside the page, left of the
// right margin and above the bottom margin). Then the same for documents built to push the
// closing and the header past what fits: a Nơi nhận of 47 recipients, a long ký hiệu and a
// long place name.
#include <catch2/catch.hpp>

#include <pugixml.hpp>

#include <filesystem>
#include <regex>
#include <set>

#include "base/files.h"
#include "support/paths.h"
#include "support/run.h"
#include "text/unicode.h"

using namespace vanban;
using testing::quote;
using testing::run;

namespace {

struct Word {
  int page = 0;
  double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
  double page_width = 0, page_height = 0;
  std::string text;
};

// The words of a PDF with their boxes, from `pdftotext -bbox` (top-left origin, in points).
std::vector<Word> pdf_words(const std::string& pdf) {
  const auto result = run("pdftotext -bbox " + quote(pdf) + " -");
  REQUIRE(result.exit_code == 0);
  pugi::xml_document html;
  REQUIRE(html.load_string(result.out.c_str()));
  std::vector<Word> words;
  int page_number = 0;
  for (const auto& page : html.select_nodes("//page")) {
    ++page_number;
    for (const auto& node : page.node().children("word")) {
      Word word;
      word.page = page_number;
      word.page_width = page.node().attribute("width").as_double();
      word.page_height = page.node().attribute("height").as_double();
      word.x_min = node.attribute("xMin").as_double();
      word.y_min = node.attribute("yMin").as_double();
      word.x_max = node.attribute("xMax").as_double();
      word.y_max = node.attribute("yMax").as_double();
      word.text = node.child_value();
      words.push_back(std::move(word));
    }
  }
  return words;
}

// A word as compared: upper case (templates print some values in capitals), no punctuation
// at its ends (the template adds a ";" or a "." to some).
std::string comparable(const std::string& word) {
  std::string upper = text::to_upper_vi(word);
  const std::string punctuation = ".,;:!?()[]\"'“”‘’-–—/…";
  std::size_t from = 0, to = upper.size();
  while (from < to && punctuation.find(upper[from]) != std::string::npos) ++from;
  while (to > from && punctuation.find(upper[to - 1]) != std::string::npos) --to;
  return upper.substr(from, to - from);
}

// The PDF's text as one string of comparable words with no spaces: a data word must be in it.
// (A word's neighbours may be on another line or page, so words are found one by one.)
std::string joined_text(const std::vector<Word>& words) {
  std::string out;
  for (const auto& word : words) out += text::to_upper_vi(word.text);
  return out;
}

// Every word of the text nodes of an XML file, except ISO dates (printed in words).
std::vector<std::string> data_words(const std::string& path) {
  pugi::xml_document data;
  REQUIRE(data.load_file(path.c_str()));
  std::vector<std::string> words;
  const std::regex iso_date(R"(\d{4}-\d{2}-\d{2})");
  for (const auto& node : data.select_nodes("//text()")) {
    std::string value = node.node().value();
    if (std::regex_match(value, iso_date)) continue;
    std::istringstream in(value);
    for (std::string word; in >> word;) {
      const std::string c = comparable(word);
      if (!c.empty()) words.push_back(c);
    }
  }
  return words;
}

struct Margins {
  double right = 15 * 72 / 25.4, bottom = 20 * 72 / 25.4;  // Decree 30's smallest (Phụ lục I, I.5)
};

// Every word inside its page, left of the right margin and above the bottom margin. (Page
// numbers stand in the top margin, as the decree places them.)
void check_on_paper(const std::vector<Word>& words, const Margins& margins = {}) {
  for (const auto& word : words) {
    INFO("page " << word.page << ": \"" << word.text << "\" at " << word.x_min << "," << word.y_min << " to "
                 << word.x_max << "," << word.y_max);
    CHECK(word.x_min >= 0);
    CHECK(word.y_min >= 0);
    CHECK(word.x_max <= word.page_width - margins.right + 0.5);
    CHECK(word.y_max <= word.page_height - margins.bottom + 0.5);
  }
}

std::string render(const std::string& input, const std::string& scratch_name, bool from_markup = false) {
  const auto pdf = (testing::scratch(scratch_name) / "out.pdf").string();
  const auto result = run(quote(testing::vanban_cli()) + " render " + (from_markup ? "--from-markup " : "") +
                          quote(input) + " -o " + quote(pdf));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  return pdf;
}

std::string replace_once(std::string text, const std::regex& pattern, const std::string& with) {
  std::smatch m;
  REQUIRE(std::regex_search(text, m, pattern));
  return text.substr(0, m.position(0)) + with + text.substr(m.position(0) + m.length(0));
}

}  // namespace

TEST_CASE("every sample: every word of its data is on the paper, and no word is outside the page's margins") {
  std::vector<std::pair<std::string, bool>> samples;  // path, is markup
  for (const auto& entry : std::filesystem::directory_iterator(testing::sample(""))) {
    if (entry.path().extension() == ".xml") samples.emplace_back(entry.path().string(), false);
  }
  for (const auto& entry : std::filesystem::directory_iterator(testing::sample("layout"))) {
    if (entry.path().extension() == ".xml") samples.emplace_back(entry.path().string(), true);
  }
  std::sort(samples.begin(), samples.end());
  REQUIRE(samples.size() >= 12);
  for (const auto& [path, markup] : samples) {
    INFO(path);
    const auto words = pdf_words(render(path, "oracle-" + std::filesystem::path(path).stem().string(), markup));
    const std::string text = joined_text(words);
    std::size_t missing = 0;
    for (const auto& word : data_words(path)) {
      if (text.find(word) == std::string::npos) {
        UNSCOPED_INFO("not on the paper: " << word);
        ++missing;
      }
    }
    CHECK(missing == 0);
    check_on_paper(words);
  }
}

TEST_CASE("a Nơi nhận of 47 recipients goes on under the signature and onto the next page, every one on paper") {
  std::string recipients = "<recipients>\n";
  std::vector<std::string> names;
  for (int k = 1; k <= 46; ++k) {
    // Every fifth is long enough to take two lines of the left column.
    const std::string name = k % 5 == 0 ? "Ủy ban nhân dân xã Long Hữu, huyện Duyên Hải, tỉnh Trà Vinh số " + std::to_string(k)
                                        : "Phòng Nội vụ số " + std::to_string(k);
    names.push_back(name);
    recipients += "<recipient>" + name + ";</recipient>\n";
  }
  recipients += "<recipient>Lưu: VT, NV.</recipient>\n</recipients>";
  std::string data = read_file(testing::sample("ke-hoach-54.xml"));
  data = replace_once(data, std::regex(R"(<recipients>[\s\S]*</recipients>)"), recipients);
  const auto input = testing::scratch("oracle-recipients") / "in.xml";
  write_file_atomically(input.string(), data);

  const auto words = pdf_words(render(input.string(), "oracle-recipients-pdf"));
  check_on_paper(words);
  const std::string text = joined_text(words);
  for (const auto& name : names) {
    std::string squeezed;
    for (char c : text::to_upper_vi(name)) {
      if (c != ' ') squeezed += c;
    }
    INFO(name);
    CHECK(text.find(squeezed + ";") != std::string::npos);
  }
  CHECK(text.find(text::to_upper_vi("-Lưu:VT,NV.")) != std::string::npos);
  // The list outruns the signature's page: its last entry is on a later page than its label.
  int label_page = 0, last_page = 0;
  for (const auto& word : words) {
    if (word.text == "nhận:" && label_page == 0) label_page = word.page;
    if (word.text == "NV.") last_page = word.page;
  }
  CHECK(label_page > 0);
  CHECK(last_page > label_page);
}

TEST_CASE("a long Số line and a long place stay in their header columns, whole") {
  std::string data = read_file(testing::sample("ke-hoach-54.xml"));
  data = replace_once(data, std::regex(R"(<number>[^<]*</number>)"), "<number>12345</number>");
  data = replace_once(data, std::regex(R"(<notation>[^<]*</notation>)"), "<notation>KH-STNMT-QLĐĐ-BĐKH</notation>");
  data = replace_once(data, std::regex(R"(<place>[^<]*</place>)"),
                      "<place>Thị trấn Cầu Ngang, huyện Cầu Ngang, tỉnh Trà Vinh</place>");
  const auto input = testing::scratch("oracle-header") / "in.xml";
  write_file_atomically(input.string(), data);

  const auto words = pdf_words(render(input.string(), "oracle-header-pdf"));
  check_on_paper(words);
  const std::string text = joined_text(words);
  CHECK(text.find(text::to_upper_vi("Số:12345/KH-STNMT-QLĐĐ-BĐKH")) != std::string::npos);
  CHECK(text.find(text::to_upper_vi("ThịtrấnCầuNgang,huyệnCầuNgang,tỉnhTràVinh,ngày26tháng8năm2019")) !=
        std::string::npos);
  // The Số line keeps to the left column (its right end short of the page's middle third) and
  // the date line to the right one.
  for (const auto& word : words) {
    if (word.page != 1) continue;
    if (word.text.find("BĐKH") != std::string::npos) CHECK(word.x_max < word.page_width / 2);
    if (word.text == "Ngang,") CHECK(word.x_min > word.page_width / 2 - 30);
  }
}
