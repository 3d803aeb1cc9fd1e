// The layout samples read back from their PDFs: what a reader sees of a table across pages,
// of bookmarks and of images.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <sstream>

#include "base/files.h"
#include "layout/frame.h"
#include "output/pdf_writer.h"
#include "support/engine.h"
#include "support/paths.h"
#include "support/run.h"

using namespace vanban;
using testing::quote;
using testing::run;

namespace {

std::filesystem::path render_markup(const std::string& sample, const std::string& scratch_name) {
  const auto dir = testing::scratch(scratch_name);
  const auto pdf = dir / "out.pdf";
  const auto result =
      run(quote(testing::vanban_cli()) + " render --from-markup " + quote(testing::sample(sample)) + " -o " + quote(pdf.string()));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  return pdf;
}

int page_count(const std::filesystem::path& pdf) {
  const auto info = run("pdfinfo " + quote(pdf.string()));
  std::smatch m;
  REQUIRE(std::regex_search(info.out, m, std::regex("Pages:\\s+(\\d+)")));
  return std::stoi(m[1]);
}

}  // namespace

TEST_CASE("a 300-row table over pages: header on every page, rows in order, none lost or doubled") {
  // The names as the sample lists them, in order.
  std::vector<std::string> expected;
  const std::string markup = read_file(testing::sample("layout/table.xml"));
  const std::regex row("<row><cell/><cell>([^<]+)</cell>");
  for (auto it = std::sregex_iterator(markup.begin(), markup.end(), row); it != std::sregex_iterator(); ++it) {
    expected.push_back((*it)[1]);
  }
  REQUIRE(expected.size() == 300);

  const auto pdf = render_markup("layout/table.xml", "table-pdf");
  const int pages = page_count(pdf);
  REQUIRE(pages >= 5);
  std::vector<int> numbers;
  std::vector<std::string> names;  // the text after each STT: its row's name comes first
  const std::regex line_re("^\\s*(\\d+)\\s+(\\S.*)$");
  for (int page = 1; page <= pages; ++page) {
    const auto text = run("pdftotext -layout -f " + std::to_string(page) + " -l " + std::to_string(page) + " " +
                          quote(pdf.string()) + " -");
    REQUIRE(text.exit_code == 0);
    std::istringstream in(text.out);
    bool header_seen = false;
    int rows_on_page = 0;
    for (std::string line; std::getline(in, line);) {
      if (line.find("STT") != std::string::npos && line.find("Họ và tên") != std::string::npos) header_seen = true;
      std::smatch m;
      if (std::regex_search(line, m, line_re)) {
        INFO("page " << page << ": " << line);
        CHECK(header_seen);  // the header comes before the first row of every page
        numbers.push_back(std::stoi(m[1]));
        names.push_back(m[2]);
        ++rows_on_page;
      }
    }
    INFO("page " << page);
    CHECK(header_seen);
    CHECK(rows_on_page > 0);
  }
  REQUIRE(numbers.size() == 300);
  for (std::size_t k = 0; k < numbers.size(); ++k) {
    INFO("row " << k + 1 << ": " << names[k]);
    CHECK(numbers[k] == static_cast<int>(k + 1));
    CHECK(names[k].rfind(expected[k] + " ", 0) == 0);
  }
}

TEST_CASE("headings become bookmarks with their Vietnamese titles, nested by level") {
  const auto dir = testing::scratch("bookmarks");
  const auto pdf = dir / "plan.pdf";
  REQUIRE(run(quote(testing::vanban_cli()) + " render " + quote(testing::sample("ke-hoach-54.xml")) + " -o " +
              quote(pdf.string())).exit_code == 0);
  const auto outline = run("mutool show " + quote(pdf.string()) + " outline");
  REQUIRE(outline.exit_code == 0);
  std::vector<std::string> titles;
  std::vector<int> depths;
  std::istringstream in(outline.out);
  for (std::string line; std::getline(in, line);) {
    const auto quote_at = line.find('"');
    if (quote_at == std::string::npos) continue;
    depths.push_back(static_cast<int>(std::count(line.begin(), line.begin() + static_cast<long>(quote_at), '\t')));
    titles.push_back(line.substr(quote_at + 1, line.find('"', quote_at + 1) - quote_at - 1));
  }
  REQUIRE(titles.size() == 8);
  CHECK(titles[0] == "I. MỤC ĐÍCH, YÊU CẦU");
  CHECK(titles[3] == "1. Đối với Hội nghị điển hình tiên tiến ở các cơ quan, đơn vị và các xã, phường");
  CHECK(titles[7] == "V. TỔ CHỨC THỰC HIỆN");
  CHECK(depths[3] == depths[0] + 1);  // "1." sits under "III."
  CHECK(depths[6] == depths[0]);
}

TEST_CASE("images: the signature and seal are embedded with compressed alpha masks") {
  const auto pdf = render_markup("layout/images.xml", "images-pdf");
  const auto list = run("pdfimages -list " + quote(pdf.string()));
  REQUIRE(list.exit_code == 0);
  int images = 0, masks = 0;
  std::istringstream in(list.out);
  for (std::string line; std::getline(in, line);) {
    std::istringstream fields(line);
    std::string page, number, type;
    fields >> page >> number >> type;
    if (type == "image") ++images;
    if (type == "smask") ++masks;
  }
  CHECK(images == 3);  // the image block, the signature, the seal (drawn again: one object)
  CHECK(masks == 3);
  // libharu 2.3 leaves alpha masks uncompressed; ours go out with Flate.
  const std::string bytes = read_file(pdf.string());
  int compressed_masks = 0;
  for (auto at = bytes.find("/ColorSpace /DeviceGray"); at != std::string::npos; at = bytes.find("/ColorSpace /DeviceGray", at + 1)) {
    const auto dictionary_end = bytes.find(">>", at);
    if (bytes.substr(at, dictionary_end - at).find("/Filter [ /FlateDecode ]") != std::string::npos) ++compressed_masks;
  }
  CHECK(compressed_masks == 2);  // the seal's and the signature's, each embedded once
  CHECK(bytes.size() < 45000);
  CHECK(run("qpdf --check " + quote(pdf.string())).exit_code == 0);
}

TEST_CASE("a landscape section and a restarted appendix, as a reader sees them") {
  const auto pdf = render_markup("layout/pagination.xml", "pagination-pdf");
  const int pages = page_count(pdf);
  REQUIRE(pages == 5);
  const auto sizes = run("pdfinfo -f 1 -l 5 " + quote(pdf.string()));
  CHECK(sizes.out.find("Page    3 size:  841.89 x 595.276") != std::string::npos);
  CHECK(sizes.out.find("Page    4 size:  841.89 x 595.276") != std::string::npos);
  CHECK(sizes.out.find("Page    5 size:  595.276 x 841.89") != std::string::npos);
  const auto appendix = run("pdftotext -f 5 -l 5 " + quote(pdf.string()) + " -");
  CHECK(appendix.out.find("Phụ lục") != std::string::npos);
  CHECK(appendix.out.find("\n1\n") == std::string::npos);  // the appendix's first page has no number
}

TEST_CASE("shapes as a reader sees them: the red stamp, the notes, and the JPEG kept as JPEG") {
  const auto pdf = render_markup("layout/shapes.xml", "shapes-pdf");
  const auto text = run("pdftotext -layout " + quote(pdf.string()) + " -");
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("HỎA TỐC") != std::string::npos);
  CHECK(text.out.find("LƯU HÀNH NỘI BỘ") != std::string::npos);
  CHECK(text.out.find("đã thay đổi") != std::string::npos);
  // mutool's trace shows each path and text run with its colour.
  const auto trace = run("mutool draw -F trace -o - " + quote(pdf.string()) + " 1");
  REQUIRE(trace.exit_code == 0);
  const std::regex red_rectangle(
      "<stroke_path linewidth=\"\\.75\"[^>]*colorspace=\"DeviceRGB\" color=\"1 0 0\"[^>]*>\\s*"
      "<moveto x=\"([0-9.]+)\" y=\"([0-9.]+)\"/>\\s*<lineto x=\"([0-9.]+)\" y=\"[0-9.]+\"/>\\s*"
      "<lineto x=\"[0-9.]+\" y=\"([0-9.]+)\"/>");
  std::smatch m;
  REQUIRE(std::regex_search(trace.out, m, red_rectangle));
  CHECK(std::stod(m[3]) - std::stod(m[1]) == Approx(30 * 72 / 25.4).margin(0.01));  // 30 mm
  CHECK(std::stod(m[2]) - std::stod(m[4]) == Approx(8 * 72 / 25.4).margin(0.01));   // 8 mm
  CHECK(std::regex_search(trace.out, std::regex("<fill_text colorspace=\"DeviceRGB\" color=\"1 0 0\"[^>]*>\\s*<span[^>]*>\\s*"
                                                "<g unicode=\"H\"")));
  const auto list = run("pdfimages -list " + quote(pdf.string()));
  CHECK(std::regex_search(list.out, std::regex("image\\s+150\\s+200\\s+rgb\\s+3\\s+8\\s+jpeg")));
  CHECK(run("qpdf --check " + quote(pdf.string())).exit_code == 0);
}

TEST_CASE("a print file of more pages than a page tree node holds (32,767) is written whole") {
  layout::Frame frame;
  frame.fonts = testing::fonts().faces;
  for (int k = 0; k < 33000; ++k) {
    layout::Page page{595.28, 841.89, k + 1, true, {}};
    if (k == 32999) page.items.push_back(layout::TextItem{72, 100, text::FaceStyle::regular, 14, "Trang cuối", {}});
    frame.pages.push_back(std::move(page));
  }
  const auto pdf = testing::scratch("many-pages") / "many.pdf";
  write_file_atomically(pdf.string(), output::write_pdf(frame));
  const auto info = run("pdfinfo " + quote(pdf.string()));
  CHECK_THAT(info.out, Catch::Contains("Pages:           33000"));
  CHECK(run("qpdf --check " + quote(pdf.string())).exit_code == 0);
  CHECK_THAT(run("pdftotext -f 33000 -l 33000 " + quote(pdf.string()) + " -").out, Catch::Contains("Trang cuối"));
}
