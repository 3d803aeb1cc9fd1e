// Layout features, one rule per case, on small markup documents: lists, alignment, tables,
// pagination (keep, page breaks, landscape, appendices), images and bookmarks.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

#include "base/diagnostics.h"
#include "base/files.h"
#include "base/units.h"
#include "output/trace_writer.h"
#include "pipeline/generate.h"
#include "support/frame_queries.h"
#include "support/engine.h"
#include "support/paths.h"

using namespace vanban;
using testing::fonts;
using testing::all_texts;
using testing::find_text;
using testing::width_of;

namespace {

// A document with the given body (and what follows the body: signature, appendices).
std::string document(const std::string& body, const std::string& after = "") {
  return "<document><header><issuer><name>Ủy ban nhân dân</name><name>thị xã Duyên Hải</name></issuer>"
         "<number value='5' notation='KH-UBND'/><place-date place='Duyên Hải' date='2019-08-26'/></header>"
         "<title><type>Kế hoạch</type><subject>Thử</subject></title><body>" +
         body + "</body>" + after + "</document>";
}

pipeline::Generated lay_out(const std::string& markup) {
  pipeline::GenerateOptions options;
  options.files = testing::files_in(testing::sample("layout"));
  return pipeline::generate_from_markup(testing::core(), markup, "test.xml", options);
}

std::string repeat(const std::string& text, int times) {
  std::string out;
  for (int k = 0; k < times; ++k) out += text;
  return out;
}

const std::string long_paragraph =
    "<p>Phong trào thi đua yêu nước được triển khai sâu rộng đến từng cơ quan, đơn vị, xã, phường, thu hút "
    "đông đảo cán bộ, công chức, viên chức, người lao động và các tầng lớp nhân dân tham gia; nhiều mô hình "
    "hay, cách làm sáng tạo được nhân rộng.</p>";

constexpr double left_margin = 30 * points_per_mm;
constexpr double right_edge = a4_width - 15 * points_per_mm;

int page_of(const layout::Frame& frame, const std::string& text) {
  const auto found = find_text(frame, text);
  REQUIRE(found);
  return found->page;
}

std::vector<layout::ImageItem> images_of(const layout::Frame& frame) {
  std::vector<layout::ImageItem> out;
  for (const auto& page : frame.pages) {
    for (const auto& item : page.items) {
      if (const auto* image = std::get_if<layout::ImageItem>(&item)) out.push_back(*image);
    }
  }
  return out;
}

// The x of each vertical table rule on the first page below the header: the column edges.
std::vector<double> column_edges(const layout::Frame& frame) {
  std::vector<double> xs;
  for (const auto& rule : testing::rules_on(frame, 0)) {
    if (rule.x1 == rule.x2 && rule.y1 > mm(40)) xs.push_back(rule.x1);
  }
  std::sort(xs.begin(), xs.end());
  xs.erase(std::unique(xs.begin(), xs.end(), [](double a, double b) { return std::abs(a - b) < 0.01; }), xs.end());
  return xs;
}

}  // namespace

TEST_CASE("list labels follow Decree 30: I. 1. a) with đ and without f, - and +") {
  std::string items;
  for (int k = 0; k < 8; ++k) items += "<item>điểm</item>";
  const auto frame = lay_out(document("<list style='roman'><item>Phần<list style='arabic'><item>Khoản<list style='letter'>" +
                                      items + "</list></item></list></item><item>Phần hai</item></list>"))
                         .frame;
  // The label is the first word of each item's first line, at the paragraph indent.
  std::vector<std::string> labels;
  for (const auto& found : all_texts(frame)) {
    if (found.item.size == 14 && std::abs(found.item.x - (left_margin + cm(1.27))) < 0.01) {
      labels.push_back(found.item.text.substr(0, found.item.text.find(' ')));
    }
  }
  const std::vector<std::string> expected{"I.", "1.", "a)", "b)", "c)", "d)", "đ)", "e)", "g)", "h)", "II."};
  CHECK(labels == expected);
}

TEST_CASE("every list item is a body paragraph: first line indented, the rest at the margin") {
  const auto frame = lay_out(document("<list style='dash'><item>" + repeat("nội dung thi đua ", 20) +
                                      "<list style='plus'><item>" + repeat("khen thưởng ", 20) + "</item></list></item></list>"))
                         .frame;
  const auto dash = find_text(frame, "- ");
  const auto plus = find_text(frame, "+ ");
  REQUIRE(dash);
  REQUIRE(plus);
  CHECK(dash->item.x == Approx(left_margin + cm(1.27)).margin(0.01));
  CHECK(plus->item.x == Approx(left_margin + cm(1.27)).margin(0.01));  // nested, same indent (R2)
  int at_margin = 0;
  for (const auto& found : all_texts(frame)) {
    if (found.item.size == 14 && std::abs(found.item.x - left_margin) < 0.01) ++at_margin;
  }
  CHECK(at_margin >= 2);  // the continuation lines of both items
}

TEST_CASE("alignments: right lines end at the margin, centred lines sit on the axis") {
  const auto frame = lay_out(document("<p align='right'>Căn phải</p><p align='center'>Căn giữa</p><p align='left'>Căn trái</p>")).frame;
  const auto right = find_text(frame, "Căn phải");
  const auto centre = find_text(frame, "Căn giữa");
  const auto left = find_text(frame, "Căn trái");
  REQUIRE(right);
  REQUIRE(centre);
  REQUIRE(left);
  CHECK(right->item.x + width_of(fonts(), right->item) == Approx(right_edge).margin(0.01));
  CHECK(centre->item.x + width_of(fonts(), centre->item) / 2 == Approx((left_margin + right_edge) / 2).margin(0.01));
  CHECK(left->item.x == Approx(left_margin).margin(0.01));
}

TEST_CASE("table columns: fixed widths exact, proportional by weight, content as wide as its text") {
  const auto frame = lay_out(document(
      "<table><column width='20mm'/><column width='*'/><column width='2*'/><column width='auto'/>"
      "<row><cell>a</cell><cell>b</cell><cell>c</cell><cell>Nguyễn Văn An</cell></row></table>")).frame;
  const auto xs = column_edges(frame);
  REQUIRE(xs.size() == 5);
  CHECK(xs[0] == Approx(left_margin).margin(0.01));
  CHECK(xs[1] - xs[0] == Approx(mm(20)).margin(0.01));
  CHECK(xs[3] - xs[2] == Approx(2 * (xs[2] - xs[1])).margin(0.01));
  const double name = fonts().face(text::FaceStyle::regular).text_width("Nguyễn Văn An", 13);
  CHECK(xs[4] - xs[3] == Approx(name + 2 * 5.4).margin(0.01));
  CHECK(xs[4] == Approx(right_edge).margin(0.01));
}

TEST_CASE("a cell spanning content columns widens them to hold its text on one line") {
  const std::string title = "Danh sách đại biểu khách mời";
  const auto frame = lay_out(document("<table><column/><column/><column width='*'/><row><cell span='2'>" + title +
                                      "</cell><cell>c</cell></row><row><cell>a</cell><cell>bb</cell><cell>c</cell></row></table>")).frame;
  const auto xs = column_edges(frame);
  REQUIRE(xs.size() == 4);
  const double text = fonts().face(text::FaceStyle::regular).text_width(title, 13);
  CHECK(xs[2] - xs[0] == Approx(text + 2 * 5.4).margin(0.01));
  CHECK(xs[2] - xs[1] > xs[1] - xs[0]);  // shared in proportion to what each column wants ("bb" > "a")
  const auto found = find_text(frame, title);
  REQUIRE(found);  // one line
}

TEST_CASE("a table split by pages repeats its header and closes and reopens its borders") {
  std::string rows;
  for (int k = 0; k < 80; ++k) rows += "<row><cell/><cell>Người " + std::to_string(k + 1) + "</cell></row>";
  const auto frame = lay_out(document("<table><column width='15mm' number='true'/><column width='*'/>"
                                      "<row header='true'><cell>STT</cell><cell>Họ và tên</cell></row>" + rows + "</table>")).frame;
  REQUIRE(frame.pages.size() >= 3);
  int headers = 0;
  for (const auto& found : all_texts(frame)) headers += found.item.text == "Họ và tên";
  CHECK(headers == static_cast<int>(frame.pages.size()));
  for (std::size_t p = 0; p < frame.pages.size(); ++p) {
    // The lowest horizontal rule on the page closes the table there.
    double lowest_rule = 0, lowest_text = 0;
    for (const auto& item : frame.pages[p].items) {
      if (const auto* r = std::get_if<layout::RuleItem>(&item); r && r->y1 == r->y2) lowest_rule = std::max(lowest_rule, r->y1);
      if (const auto* t = std::get_if<layout::TextItem>(&item); t && t->text.starts_with("Người")) lowest_text = std::max(lowest_text, t->y);
    }
    INFO("page " << p + 1);
    CHECK(lowest_rule > lowest_text);
  }
  // STT runs on across pages.
  const auto last = find_text(frame, "80");
  REQUIRE(last);
  CHECK(last->page == static_cast<int>(frame.pages.size()) - 1);
}

TEST_CASE("a row taller than a page is split, not lost, a kept row is never split") {
  const std::string tall = repeat("Dòng nội dung rất dài của một ô trong bảng. ", 160);
  const auto frame = lay_out(document("<table><column width='*'/><column width='30mm'/>"
                                      "<row><cell>" + tall + "Hết ô.</cell><cell>x</cell></row>"
                                      "<row keep='true'><cell>" + repeat("Hàng giữ trọn. ", 40) + "</cell><cell>y</cell></row></table>")).frame;
  // The tall cell starts on page 1 and ends two pages later, every line kept.
  int tall_lines = 0, last_tall_page = 0;  // "Dòng" opens each of the 160 sentences
  for (const auto& found : all_texts(frame)) {
    for (auto at = found.item.text.find("Dòng"); at != std::string::npos; at = found.item.text.find("Dòng", at + 1)) {
      ++tall_lines;
    }
    if (found.item.text.find("Hết ô.") != std::string::npos) last_tall_page = found.page;
  }
  CHECK(last_tall_page >= 2);
  CHECK(tall_lines == 160);
  std::set<int> kept_pages;
  for (const auto& found : all_texts(frame)) {
    if (found.item.text.find("trọn") != std::string::npos) kept_pages.insert(found.page);
  }
  CHECK(kept_pages.size() == 1);
  // No text reaches the bottom margin.
  for (const auto& found : all_texts(frame)) CHECK(found.item.y <= a4_height - mm(20) + 0.01);
}

TEST_CASE("a keep block moves whole to the next page, a heading never ends a page") {
  std::string filler;
  for (int k = 0; k < 9; ++k) filler += long_paragraph;
  const auto frame = lay_out(document(filler + "<keep><p>Đầu khối giữ.</p>" + repeat("<p>Dòng trong khối.</p>", 8) +
                                      "<p>Cuối khối giữ.</p></keep>")).frame;
  CHECK(page_of(frame, "Đầu khối giữ.") == page_of(frame, "Cuối khối giữ."));
  CHECK(page_of(frame, "Đầu khối giữ.") == 1);  // did not fit at the end of page 1
}

TEST_CASE("an explicit page break, a landscape section, and an appendix numbered from 1") {
  const auto frame = lay_out(document("<p>Trang một.</p><page-break/><p>Trang hai.</p><page-break orientation='landscape'/>"
                                      "<p>Trang ngang.</p>",
                                      "<signature><authority>Chủ tịch</authority><name>Lê Vũ Phương</name></signature>"
                                      "<appendix><p>Phụ lục trang một.</p>" + repeat(long_paragraph, 14) + "</appendix>")).frame;
  CHECK(page_of(frame, "Trang hai.") == 1);
  const int landscape = page_of(frame, "Trang ngang.");
  CHECK(landscape == 2);
  CHECK(frame.pages[2].width == Approx(a4_height));
  // The signature closes the body on the landscape page; the appendix is portrait again.
  CHECK(page_of(frame, "Lê Vũ Phương") == 2);
  const int appendix = page_of(frame, "Phụ lục trang một.");
  CHECK(appendix == 3);
  CHECK(frame.pages[3].width == Approx(a4_width));
  REQUIRE(frame.pages.size() == 5);
  CHECK_FALSE(frame.pages[3].number_shown);
  CHECK(frame.pages[4].number == 2);
  CHECK(frame.pages[4].number_shown);
  // Page numbers as drawn: 2 and 3 on the body's pages, 2 on the appendix's second page.
  CHECK(find_text(frame, "3"));
  const auto numbers = all_texts(frame);
  int drawn_on_last = 0;
  for (const auto& found : numbers) drawn_on_last += found.page == 4 && found.item.text == "2";
  CHECK(drawn_on_last == 1);
}

TEST_CASE("R27-28 the signature between position and name, the seal over its left third") {
  const auto generated = lay_out(document("<p>Nội dung.</p>",
                                          "<signature><authority>Chủ tịch</authority><signature-image src='images/chu-ky.png'/>"
                                          "<seal src='images/con-dau.png'/><name>Lê Vũ Phương</name></signature>"));
  const auto& frame = generated.frame;
  const auto images = images_of(frame);
  REQUIRE(images.size() == 2);
  const auto& signature = images[0];
  const auto& seal = images[1];
  CHECK(signature.name.ends_with("chu-ky.png"));
  const auto position = find_text(frame, "CHỦ TỊCH");
  const auto name = find_text(frame, "Lê Vũ Phương");
  REQUIRE(position);
  REQUIRE(name);
  const double axis = position->item.x + width_of(fonts(), position->item) / 2;
  CHECK(std::abs(signature.x + signature.width / 2 - axis) <= mm(3));
  CHECK(signature.y >= position->item.y);
  CHECK(signature.y + signature.height <= name->item.y - fonts().face(text::FaceStyle::bold).ascent() * 14);
  const double overlap = seal.x + seal.width - signature.x;
  CHECK(overlap >= 0.20 * signature.width);
  CHECK(overlap <= 0.45 * signature.width);
  CHECK(seal.x + seal.width / 2 < signature.x + signature.width / 2);
  CHECK(seal.width == Approx(mm(36)).margin(0.01));
}

TEST_CASE("images are checked before layout: a missing, truncated or unknown file is an error at its place") {
  const auto dir = std::filesystem::temp_directory_path() / "vanban-images-test";
  std::filesystem::create_directories(dir);
  const std::string png = read_file(testing::sample("layout/images/chu-ky.png"));
  const std::string jpeg = read_file(testing::sample("layout/images/anh-the.jpg"));
  write_file_atomically((dir / "truncated.png").string(), png.substr(0, png.size() / 2));
  write_file_atomically((dir / "truncated.jpg").string(), jpeg.substr(0, jpeg.size() - 100));
  write_file_atomically((dir / "text.png").string(), "not an image\n");
  pipeline::GenerateOptions options;
  options.files = testing::files_in(dir.string());
  for (const auto& [source, code] : {std::pair{"missing.png", "image.not-found"}, std::pair{"truncated.png", "image.bad-png"},
                                     std::pair{"truncated.jpg", "image.bad-jpeg"}, std::pair{"text.png", "image.unsupported"}}) {
    INFO(source);
    try {
      pipeline::generate_from_markup(testing::core(), document("<p>x</p>\n<image src='" + std::string(source) + "'/>"), "doc.xml", options);
      FAIL("accepted " << source);
    } catch (const Error& e) {
      CHECK(e.diagnostic().code == code);
      CHECK(e.diagnostic().where.line == 2);
    }
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("an image the engine decoded once is still held to each document's pixel limit") {
  const std::string markup = document("<p>x</p>\n<image src='images/con-dau.png' width='25mm'/>");
  pipeline::GenerateOptions options;
  options.files = testing::files_in(testing::sample("layout"));
  // Decoded and kept under the default limit...
  CHECK_NOTHROW(pipeline::generate_from_markup(testing::core(), markup, "doc.xml", options));
  // ...and refused, at its place, for a document whose limit it passes.
  options.limits.max_image_pixels = 100;
  try {
    pipeline::generate_from_markup(testing::core(), markup, "doc.xml", options);
    FAIL("an image over the document's limit was taken from the engine's store");
  } catch (const Error& e) {
    CHECK(e.diagnostic().code == "image.too-large");
    CHECK(e.diagnostic().where.line == 2);
  }
}

TEST_CASE("headings are bookmarked with their label, page and level") {
  std::string filler;
  for (int k = 0; k < 6; ++k) filler += long_paragraph;
  const auto frame = lay_out(document("<heading label='I.'>MỤC ĐÍCH</heading>" + filler +
                                      "<heading label='1.' level='1'>Yêu cầu</heading>" + filler)).frame;
  REQUIRE(frame.outline.size() == 2);
  CHECK(frame.outline[0].title == "I. MỤC ĐÍCH");
  CHECK(frame.outline[0].level == 0);
  CHECK(frame.outline[1].title == "1. Yêu cầu");
  CHECK(frame.outline[1].level == 1);
  const auto heading = find_text(frame, "1. Yêu cầu");
  REQUIRE(heading);
  CHECK(frame.outline[1].page == static_cast<std::size_t>(heading->page));
  CHECK(frame.outline[1].y < heading->item.y);
}

// ---- boxes, borders, colours, shaded cells ------------------------------------------------

namespace {

const Color red{255, 0, 0};

// The stroked paths of a page in the given colour.
std::vector<testing::Bounds> stroked(const layout::Frame& frame, int page, Color colour) {
  std::vector<testing::Bounds> out;
  for (const auto& path : testing::paths_on(frame, page)) {
    if (path.stroke && *path.stroke == colour) out.push_back(testing::bounds_of(path));
  }
  return out;
}

}  // namespace

TEST_CASE("R32 the urgency stamp: a red 30 x 8 mm rectangle with its text centred in it") {
  const auto frame = lay_out(document("<box width='30mm' height='8mm' padding='0pt' color='red' align='left'>"
                                      "<span color='red'><b>HỎA TỐC</b></span></box>")).frame;
  const auto frames = stroked(frame, 0, red);
  REQUIRE(frames.size() == 1);
  const auto& box = frames[0];
  CHECK(box.width() == Approx(mm(30)).margin(0.01));
  CHECK(box.height() == Approx(mm(8)).margin(0.01));
  CHECK(box.left == Approx(left_margin).margin(0.01));
  const auto stamp = find_text(frame, "HỎA TỐC");
  REQUIRE(stamp);
  CHECK(stamp->item.color == red);
  CHECK(stamp->item.face == text::FaceStyle::bold);
  CHECK(testing::centre_of(fonts(), stamp->item) == Approx(box.left + box.width() / 2).margin(0.01));
  CHECK(stamp->item.y > box.top);
  CHECK(stamp->item.y < box.bottom);
}

TEST_CASE("a box is as wide as its text, a double border is two rectangles, one inside the other") {
  const auto frame = lay_out(document("<box border='double'>Lưu hành nội bộ</box>")).frame;
  const auto frames = stroked(frame, 0, Color{});
  REQUIRE(frames.size() == 2);
  const auto& outer = frames[0].width() > frames[1].width() ? frames[0] : frames[1];
  const auto& inner = frames[0].width() > frames[1].width() ? frames[1] : frames[0];
  CHECK(inner.left > outer.left);
  CHECK(inner.right < outer.right);
  CHECK(inner.top > outer.top);
  CHECK(inner.bottom < outer.bottom);
  const auto text = find_text(frame, "Lưu hành nội bộ");
  REQUIRE(text);
  // Width: the text, 4 pt of padding each side, and the double rule's depth (3 × 0.75 pt).
  CHECK(outer.width() == Approx(width_of(fonts(), text->item) + 2 * (4 + 2.25)).margin(0.01));
  CHECK(testing::centre_of(fonts(), text->item) == Approx((left_margin + right_edge) / 2).margin(0.01));
}

TEST_CASE("a box taller than a page is an error at its place") {
  try {
    lay_out(document("<p>x</p>\n<box height='300mm'>x</box>"));
    FAIL("accepted a box taller than a page");
  } catch (const Error& e) {
    CHECK(e.diagnostic().code == "layout.box-too-tall");
    CHECK(e.diagnostic().where.line == 2);
  }
}

TEST_CASE("a page border is drawn first on every page, and the text keeps clear of it") {
  std::string filler;
  for (int k = 0; k < 14; ++k) filler += long_paragraph;
  const auto frame =
      lay_out("<document><page-border style='ornamental' color='dark-red' inset='10mm'/>" +
              document(filler).substr(std::string("<document>").size())).frame;
  REQUIRE(frame.pages.size() >= 2);
  const Color dark_red{192, 0, 0};
  for (std::size_t p = 0; p < frame.pages.size(); ++p) {
    INFO("page " << p + 1);
    const auto& items = frame.pages[p].items;
    REQUIRE(std::holds_alternative<layout::PathItem>(items.front()));
    const auto outer = testing::bounds_of(std::get<layout::PathItem>(items.front()));
    CHECK(outer.left == Approx(mm(10)).margin(0.01));
    CHECK(outer.top == Approx(mm(10)).margin(0.01));
    CHECK(outer.right == Approx(a4_width - mm(10)).margin(0.01));
    CHECK(outer.bottom == Approx(a4_height - mm(10)).margin(0.01));
    CHECK(std::get<layout::PathItem>(items.front()).stroke == dark_red);
    // The ornament: corner squares and flowers, a lozenge repeated along each pair of
    // opposite sides and a dotted line (round caps, a dot each period) between them, two
    // lines to a path; everything is background.
    const auto paths = testing::paths_on(frame, static_cast<int>(p));
    std::size_t segments = 0, dotted = 0, chains = 0, corners = 0;
    for (const auto& path : paths) {
      segments += path.segments.size() * static_cast<std::size_t>(path.repeat ? path.repeat->copies() : 1);
      if (path.dash && path.dash->round_caps && path.dash->on == 0 && path.dash->off > 10) {
        dotted += std::count_if(path.segments.begin(), path.segments.end(),
                                [](const auto& s) { return s.kind == layout::PathSegment::Kind::move; });
      }
      if (path.repeat && path.repeat->across == 2 && path.repeat->down == 2) {
        ++corners;  // drawn in all four corners: its copies reach the outer rule's corners
        const auto grid = testing::bounds_of(path);
        CHECK(grid.left >= mm(10) - 0.01);
        CHECK(grid.right <= a4_width - mm(10) + 0.01);
        CHECK(grid.right >= a4_width - mm(10) - 17);
        CHECK(grid.bottom >= a4_height - mm(10) - 17);
      }
      if (path.repeat && path.repeat->copies() > 10) {
        ++chains;
        // The chain runs between the corner squares, the last copy ending before the far one.
        const auto chain = testing::bounds_of(path);
        if (path.repeat->across > 2) {
          CHECK(chain.left >= mm(10) + 17 - 0.01);
          CHECK(chain.right <= a4_width - mm(10) - 17 + 0.01);
        } else {
          CHECK(chain.top >= mm(10) + 17 - 0.01);
          CHECK(chain.bottom <= a4_height - mm(10) - 17 + 0.01);
        }
      }
    }
    CHECK(segments > 500);
    CHECK(dotted == 4);
    CHECK(chains == 2);
    CHECK(corners == 3);  // the square, the flower and the ring
    CHECK(frame.pages[p].background_items == paths.size());
  }
  // The band is 17 pt wide; text stays at least 3 mm inside it, even at the 15 mm right margin.
  const double inner_right = a4_width - mm(10) - 17 - 2;
  for (const auto& found : all_texts(frame)) {
    CHECK(found.item.x + width_of(fonts(), found.item) <= inner_right - mm(3) + 0.01);
  }
}

TEST_CASE("shaded cells are filled behind their text, middle and bottom cells sit lower in a tall row") {
  const auto frame = lay_out(document(
      "<table><column width='60mm'/><column width='40mm'/><column width='*'/>"
      "<row><cell>" + repeat("thành tích xuất sắc ", 8) + "</cell><cell valign='middle' fill='#D9D9D9'>Giữa</cell>"
      "<cell valign='bottom'>Dưới</cell></row></table>")).frame;
  const auto middle = find_text(frame, "Giữa");
  const auto bottom = find_text(frame, "Dưới");
  REQUIRE(middle);
  REQUIRE(bottom);
  // The first column's lines: the row's height in lines.
  std::vector<double> baselines;
  for (const auto& found : all_texts(frame)) {
    if (std::abs(found.item.x - (left_margin + 5.4)) < 0.01 && found.item.size == 13) baselines.push_back(found.item.y);
  }
  REQUIRE(baselines.size() >= 3);
  const double lines = static_cast<double>(baselines.size());
  const double top = *std::min_element(baselines.begin(), baselines.end());
  const double line = fonts().face(text::FaceStyle::regular).line_height() * 13;
  CHECK(middle->item.y - top == Approx((lines - 1) / 2 * line).margin(0.01));
  CHECK(bottom->item.y - top == Approx((lines - 1) * line).margin(0.01));
  // The shading: one fill per band of the row, behind the cell's text.
  const auto& items = frame.pages[0].items;
  std::size_t shades = 0, first_shade = items.size(), text_at = items.size();
  for (std::size_t k = 0; k < items.size(); ++k) {
    const auto* path = std::get_if<layout::PathItem>(&items[k]);
    if (path && path->fill == Color{0xD9, 0xD9, 0xD9} && !path->stroke) {
      ++shades;
      first_shade = std::min(first_shade, k);
      CHECK(testing::bounds_of(*path).width() == Approx(mm(40)).margin(0.01));
    }
    const auto* text = std::get_if<layout::TextItem>(&items[k]);
    if (text && text->text == "Giữa") text_at = k;
  }
  CHECK(shades == baselines.size());
  CHECK(first_shade < text_at);
}

TEST_CASE("colours: a paragraph's colour reaches its label and text, a span overrides it, the trace marks changes") {
  const auto generated = lay_out(document("<p label='1.' color='#C00000'>Đỏ sẫm <span color='blue'>xanh</span> đỏ</p><p>Đen</p>"));
  const auto label = find_text(generated.frame, "1. Đỏ sẫm ");
  const auto blue = find_text(generated.frame, "xanh ");
  const auto black = find_text(generated.frame, "Đen");
  REQUIRE(label);
  REQUIRE(blue);
  REQUIRE(black);
  CHECK(label->item.color == Color{192, 0, 0});
  CHECK(blue->item.color == Color{0, 0, 255});
  CHECK(black->item.color == Color{});
  const std::string trace = output::write_trace(generated.frame);
  CHECK(trace.find("color C00000\ntext ") != std::string::npos);
  CHECK(trace.find("color 0000FF\ntext ") != std::string::npos);
  CHECK(trace.find("color 000000\ntext ") != std::string::npos);
}

TEST_CASE("a JPEG is placed at its pixel size, at 96 dpi") {
  const auto frame = lay_out(document("<image src='images/anh-the.jpg' align='left'/>")).frame;
  const auto images = images_of(frame);
  REQUIRE(images.size() == 1);
  CHECK(images[0].width == Approx(150 * 0.75).margin(0.01));  // 150 px at 96 dpi
  CHECK(images[0].height == Approx(200 * 0.75).margin(0.01));
  CHECK(images[0].x == Approx(left_margin).margin(0.01));
}

namespace {

// A certificate-like document: the given <page>, a header without issuer, body and closing.
std::string certificate(const std::string& page, const std::string& body, const std::string& after = "") {
  return "<document>" + page + "<header/><body>" + body + "</body>" + after + "</document>";
}

double measure(const std::string& text, text::FaceStyle face, double size) {
  return fonts().face(face).text_width(text, size);
}

}  // namespace

TEST_CASE("a paragraph's size and space-before, shrink to max-lines, down to min-size, then wrap") {
  const std::string name = "Nguyễn Thị Ngọc Phương Thảo Huyền Trang Lê Hoàng Anh Thư Trần Ngọc Bảo";
  const auto frame = lay_out(document("<p align='center' size='26pt' max-lines='1' min-size='12pt'>" + name +
                                      "</p><p align='center' size='26pt' max-lines='1' min-size='20pt'>" + name + " " +
                                      name + "</p><p size='20pt' space-before='30pt'>Tặng</p>"))
                         .frame;
  const auto texts = all_texts(frame);
  // The first shrinks until it fits one line: a quarter point at a time, so within 0.25 pt
  // of the largest size that fits.
  const auto first = std::find_if(texts.begin(), texts.end(), [](const auto& t) { return t.item.text.rfind("Nguyễn", 0) == 0; });
  REQUIRE(first != texts.end());
  const double size = first->item.size;
  CHECK(size < 26);
  CHECK(size >= 12);
  CHECK(measure(name, text::FaceStyle::regular, size) <= 165 * points_per_mm);
  CHECK(measure(name, text::FaceStyle::regular, size + 0.25) > 165 * points_per_mm - 1);
  // The second cannot fit one line even at its floor: it stays at 20 pt and wraps.
  std::set<double> baselines;
  for (const auto& t : texts) {
    if (t.item.size == 20 && t.item.text != "Tặng") baselines.insert(t.item.y);
  }
  CHECK(baselines.size() >= 2);
  const auto gift = find_text(frame, "Tặng");
  REQUIRE(gift);
  CHECK(gift->item.size == 20);
  CHECK(gift->item.y - *baselines.rbegin() > 30 + 20 * 0.8);  // 30 pt of space, then the ascent
}

TEST_CASE("shrink to max-lines without min-size stops at 13 pt, the smallest size Decree 30 allows, then wraps") {
  const std::string name = "Nguyễn Thị Ngọc Phương Thảo Huyền Trang Lê Hoàng Anh Thư Trần Ngọc Bảo";
  const auto frame = lay_out(document("<p size='20pt' max-lines='1'>" + name + " " + name + " " + name + "</p>")).frame;
  std::set<double> sizes, baselines;
  for (const auto& t : all_texts(frame)) {
    if (name.find(t.item.text) == std::string::npos) continue;  // the header and closing
    sizes.insert(t.item.size);
    baselines.insert(t.item.y);
  }
  CHECK(sizes == std::set<double>{13});
  CHECK(baselines.size() >= 2);
}

TEST_CASE("a certificate's page: landscape A4, its own margins, a centred Quốc hiệu, centred vertically") {
  const auto frame =
      lay_out(certificate("<page size='A4' orientation='landscape' valign='center' margin-left='30mm' margin-right='30mm'/>",
                          "<p align='center' size='40pt'>GIẤY KHEN</p>",
                          "<side-note><line>Số sổ vàng: 27</line></side-note><signature space='24mm'>"
                          "<place-date place='Duyên Hải' date='2020-06-22'/><position>Chủ tịch</position>"
                          "<name>Lê Vũ Phương</name></signature>"))
          .frame;
  REQUIRE(frame.pages.size() == 1);
  CHECK(frame.pages[0].width == Approx(a4_height));
  CHECK(frame.pages[0].height == Approx(a4_width));
  const auto national = find_text(frame, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  REQUIRE(national);
  const double centre = national->item.x + width_of(fonts(), national->item) / 2;
  CHECK(centre == Approx(a4_height / 2).margin(0.1));
  // Vertically centred: as much room above the Quốc hiệu as below the signer's name.
  const auto name = find_text(frame, "Lê Vũ Phương");
  REQUIRE(name);
  const double above = national->item.y - 12 * 0.891 - 20 * points_per_mm;  // ascent of 12 pt bold, top margin
  const double below = a4_width - 20 * points_per_mm - (name->item.y + 14 * 0.216);
  CHECK(above == Approx(below).margin(2));
  // The side note sits level with the date line that heads the signature, at the margin.
  const auto note = find_text(frame, "Số sổ vàng: 27");
  const auto date = find_text(frame, "Duyên Hải, ngày 22 tháng 6 năm 2020");
  REQUIRE(note);
  REQUIRE(date);
  CHECK(note->item.y == Approx(date->item.y));
  CHECK(note->item.x == Approx(30 * points_per_mm));
  CHECK(date->item.face == text::FaceStyle::italic);
  // 24 mm to sign in, between the position and the name.
  const auto position = find_text(frame, "CHỦ TỊCH");
  REQUIRE(position);
  CHECK(name->item.y - position->item.y > 24 * points_per_mm);
}

TEST_CASE("max-pages: a certificate that would spill onto a second sheet is an error, not two pages") {
  const std::string text = "<p>" + repeat("Đã có thành tích xuất sắc trong phong trào thi đua. ", 200) + "</p>";
  try {
    lay_out(certificate("<page orientation='landscape' max-pages='1'/>", text));
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.diagnostic().code == "layout.too-many-pages");
    CHECK(e.diagnostic().where.line == 1);
  }
  CHECK(lay_out(certificate("<page orientation='landscape'/>", text)).frame.pages.size() > 1);
}

TEST_CASE("an attached document opens its appendix with its own header (no Số, no date) and title with a note") {
  const auto frame = lay_out(document(
      "<p>Điều 1. Tặng Giấy khen.</p>",
      "<signature><position>Chủ tịch</position><name>Lê Vũ Phương</name></signature>"
      "<appendix><header><issuer><name>Ủy ban nhân dân</name></issuer></header>"
      "<title><type>Danh sách</type><subject>Tập thể, cá nhân được tặng Giấy khen</subject>"
      "<note>(Kèm theo Quyết định số 1250/QĐ-UBND)</note></title><p>Nguyễn Văn An</p></appendix>"));
  REQUIRE(frame.frame.pages.size() == 2);
  const auto texts = all_texts(frame.frame);
  const auto on_page_two = [&](const std::string& text) {
    return std::find_if(texts.begin(), texts.end(), [&](const auto& t) { return t.page == 1 && t.item.text == text; });
  };
  const auto issuer = on_page_two("ỦY BAN NHÂN DÂN");
  const auto national = on_page_two("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  const auto list = on_page_two("DANH SÁCH");
  REQUIRE(issuer != texts.end());
  REQUIRE(national != texts.end());
  REQUIRE(list != texts.end());
  // As on page 1: the issuer and the Quốc hiệu at the top margin, the title below them.
  const auto first_issuer = find_text(frame.frame, "ỦY BAN NHÂN DÂN");
  REQUIRE(first_issuer);
  CHECK(issuer->item.y == Approx(first_issuer->item.y));
  CHECK(list->item.y > national->item.y);
  CHECK(std::none_of(texts.begin(), texts.end(), [](const auto& t) { return t.page == 1 && t.item.text.rfind("Số:", 0) == 0; }));
  // The note is italic, between the subject and the rule under it.
  const auto note = std::find_if(texts.begin(), texts.end(), [](const auto& t) { return t.item.text.find("(Kèm") == 0; });
  REQUIRE(note != texts.end());
  CHECK(note->item.face == text::FaceStyle::italic);
  const auto rules = testing::rules_on(frame.frame, 1);
  CHECK(std::any_of(rules.begin(), rules.end(), [&](const auto& r) { return r.y1 > note->item.y; }));
  // The appendix's first page carries no page number (Phụ lục I, III.1.đ).
  CHECK(std::none_of(texts.begin(), texts.end(), [](const auto& t) { return t.page == 1 && t.item.text == "1"; }));
}

TEST_CASE("markup: min-size without max-lines, an unknown paper size and a header with a date but no issuer are errors") {
  const auto code_of = [](const std::string& markup) {
    try {
      lay_out(markup);
    } catch (const Error& e) {
      return e.diagnostic().code;
    }
    return std::string("no error");
  };
  CHECK(code_of(document("<p min-size='12pt'>Tặng</p>")) == "markup.bad-attribute");
  CHECK(code_of(certificate("<page size='B5'/>", "<p>Tặng</p>")) == "markup.bad-attribute");
  CHECK(code_of("<document><header><place-date place='Duyên Hải' date='2020-06-22'/></header></document>") ==
        "markup.missing-element");
}

TEST_CASE("print-on: a design laid out on A4 prints on A3 and A5 in proportion, centred, still one sheet") {
  const std::string body = "<p align='center' size='40pt'>GIẤY KHEN</p>";
  const auto a4 = lay_out(certificate("<page size='A4' orientation='landscape' valign='center'/>", body)).frame;
  for (const auto& [paper, width, height] : {std::tuple{"A3", 420.0, 297.0}, std::tuple{"A5", 210.0, 148.0}}) {
    INFO(paper);
    const auto printed = lay_out(certificate("<page size='A4' print-on='" + std::string(paper) +
                                             "' orientation='landscape' valign='center'/>", body)).frame;
    REQUIRE(printed.pages.size() == 1);
    CHECK(printed.pages[0].width == Approx(width * points_per_mm));
    CHECK(printed.pages[0].height == Approx(height * points_per_mm));
    const auto small = find_text(a4, "GIẤY KHEN");
    const auto big = find_text(printed, "GIẤY KHEN");
    REQUIRE(small);
    REQUIRE(big);
    const double factor = std::min(width / 297, height / 210);
    CHECK(big->item.size == Approx(40 * factor));
    // Where it was on A4, scaled, with the design centred on the paper.
    const double offset = (width - 297 * factor) * points_per_mm / 2;
    const double centre = small->item.x + width_of(fonts(), small->item) / 2;
    CHECK(big->item.x + width_of(fonts(), big->item) / 2 == Approx(centre * factor + offset).margin(0.01));
  }
}

TEST_CASE("print-on: an ornamental border scales whole, its repeated shapes' steps and its dots' spacing too") {
  const std::string border = "<page-border style='ornamental' color='dark-red'/>";
  const std::string body = "<p align='center'>TẶNG</p>";
  const auto a4 = lay_out(certificate("<page size='A4' orientation='landscape'/>" + border, body)).frame;
  const auto a3 = lay_out(certificate("<page size='A4' print-on='A3' orientation='landscape'/>" + border, body)).frame;
  const auto small = testing::paths_on(a4, 0), big = testing::paths_on(a3, 0);
  REQUIRE(small.size() == big.size());
  const double factor = 420.0 / 297;
  std::size_t repeated = 0, dotted = 0;
  for (std::size_t k = 0; k < small.size(); ++k) {
    INFO("path " << k);
    // Every path, with all its copies, covers the A4 area scaled (both are centred).
    const auto a = testing::bounds_of(small[k]), b = testing::bounds_of(big[k]);
    CHECK(b.right - b.left == Approx((a.right - a.left) * factor).margin(0.01));
    CHECK(b.bottom - b.top == Approx((a.bottom - a.top) * factor).margin(0.01));
    if (small[k].repeat) {
      ++repeated;
      REQUIRE(big[k].repeat);
      CHECK(big[k].repeat->dx == Approx(small[k].repeat->dx * factor));
      CHECK(big[k].repeat->dy == Approx(small[k].repeat->dy * factor));
    }
    if (small[k].dash) {
      ++dotted;
      REQUIRE(big[k].dash);
      CHECK(big[k].dash->off == Approx(small[k].dash->off * factor));
    }
  }
  CHECK(repeated == 5);  // two chains and three corner pieces
  CHECK(dotted == 2);
}

TEST_CASE("a certificate's emblem stands centred above the Quốc hiệu, 20 mm tall unless sized") {
  const auto frame = lay_out("<document><page orientation='landscape'/><header><emblem src='images/con-dau.png'/></header>"
                             "<body><p align='center'>TẶNG</p></body></document>")
                         .frame;
  REQUIRE(frame.pages.size() == 1);
  std::vector<layout::ImageItem> images;
  for (const auto& item : frame.pages[0].items) {
    if (const auto* image = std::get_if<layout::ImageItem>(&item)) images.push_back(*image);
  }
  REQUIRE(images.size() == 1);
  CHECK(images[0].height == Approx(20 * points_per_mm));
  CHECK(images[0].y == Approx(20 * points_per_mm));  // at the top margin
  const auto national = find_text(frame, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  REQUIRE(national);
  CHECK(national->item.y > images[0].y + images[0].height);
  const double text_centre = national->item.x + width_of(fonts(), national->item) / 2;
  CHECK(images[0].x + images[0].width / 2 == Approx(text_centre).margin(0.1));
}

TEST_CASE("an issuer's line too long for its column breaks before the administrative unit's word") {
  const auto generated = lay_out(
      "<document><header><issuer><parent>Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu</parent>"
      "<name>Sở Nội vụ</name></issuer><number value='5' notation='KH-SNV'/>"
      "<place-date place='Vũng Tàu' date='2019-08-26'/></header><body><p>Thử.</p></body></document>");
  const auto& frame = generated.frame;
  const auto body = find_text(frame, "ỦY BAN NHÂN DÂN");
  const auto unit = find_text(frame, "TỈNH BÀ RỊA - VŨNG TÀU");
  REQUIRE(body);
  REQUIRE(unit);
  CHECK(unit->item.y > body->item.y);
  // Both on the issuer's axis, whole.
  const double axis = body->item.x + width_of(fonts(), body->item) / 2;
  CHECK(std::abs(unit->item.x + width_of(fonts(), unit->item) / 2 - axis) <= 0.5);
  CHECK_FALSE(find_text(frame, "ỦY BAN NHÂN DÂN TỈNH"));
}

TEST_CASE("a Party header: ĐẢNG CỘNG SẢN VIỆT NAM and no Quốc hiệu, the asterisk, Số without a colon") {
  const auto generated = lay_out(
      "<document profile='party'><header><issuer><parent>Đảng bộ thị xã Duyên Hải</parent><name>Đảng ủy phường 1</name>"
      "</issuer><number value='7' notation='KH/ĐU'/><place-date place='Phường 1' date='2019-09-05'/></header>"
      "<body><p>Thử.</p></body></document>");
  const auto& frame = generated.frame;
  CHECK(find_text(frame, "ĐẢNG CỘNG SẢN VIỆT NAM"));
  CHECK_FALSE(find_text(frame, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
  CHECK(find_text(frame, "*"));
  CHECK(find_text(frame, "Số 07-KH/ĐU"));
  CHECK(find_text(frame, "Phường 1, ngày 05 tháng 9 năm 2019"));
}

TEST_CASE("a date is split between lines only where keeping it whole would leave a line too loose") {
  // The same date after 0 to 39 words: wherever it falls at a line's end, total fit moves the
  // break elsewhere in the paragraph when it can.
  int split = 0, cases = 0;
  for (int before = 0; before < 40; ++before) {
    std::string words;
    for (int k = 0; k < before; ++k) words += k % 3 == 0 ? "phong trào " : k % 3 == 1 ? "thi đua " : "yêu nước ";
    const auto generated = lay_out(document("<p>" + words + "báo cáo trước ngày 05 tháng 6 năm 2020 để tổng hợp, "
                                            "trình Ủy ban nhân dân thị xã xem xét, quyết định khen thưởng các tập thể "
                                            "và cá nhân có thành tích xuất sắc.</p>"));
    // The printed lines: the words of each baseline, left to right.
    std::map<std::pair<int, long>, std::vector<std::pair<double, std::string>>> lines;
    for (const auto& found : all_texts(generated.frame)) {
      lines[{found.page, std::lround(found.item.y * 10)}].push_back({found.item.x, found.item.text});
    }
    bool whole = false;
    for (auto& [at, words_of_line] : lines) {
      std::sort(words_of_line.begin(), words_of_line.end());
      std::string line;
      for (const auto& [x, text] : words_of_line) line += text;
      whole = whole || line.find("ngày 05 tháng 6 năm 2020") != std::string::npos;
    }
    split += whole ? 0 : 1;
    ++cases;
  }
  INFO(split << " of " << cases << " paragraphs split the date");
  CHECK(split * 10 <= cases);  // at most one in ten, where nothing else fits the tolerance
}

TEST_CASE("a circulation note too long for the top margin is refused, never drawn over the Quốc hiệu") {
  std::string note;
  for (int k = 0; k < 12; ++k) note += "Lưu hành nội bộ trong các cơ quan ";
  const std::string markup = "<document><header><issuer><name>Ủy ban nhân dân</name></issuer>"
                             "<number value='5' notation='TB-UBND'/><place-date place='Duyên Hải' date='2020-06-18'/>"
                             "<circulation>" + note + "</circulation></header><body><p>Thử.</p></body></document>";
  try {
    lay_out(markup);
    FAIL("a note of many lines was laid out in the top margin");
  } catch (const Error& e) {
    CHECK(e.diagnostics().front().code == "layout.circulation-too-long");
  }
  // A short one is drawn, in the top margin.
  const auto short_note = lay_out(std::string(markup).replace(markup.find(note), note.size(), "Lưu hành nội bộ"));
  const auto drawn = find_text(short_note.frame, "LƯU HÀNH NỘI BỘ");
  REQUIRE(drawn);
  CHECK(drawn->item.y < 20 * points_per_mm);
}

TEST_CASE("three signers with images: each seal stays inside the left margin") {
  const std::string signer = "<signature><authority>Chủ tịch</authority><signature-image src='images/chu-ky.png'/>"
                             "<seal src='images/con-dau.png'/><name>Lê Vũ Phương</name></signature>";
  const auto generated = lay_out(document("<p>Thử.</p>", signer + signer + signer));
  int seals = 0;
  for (const auto& page : generated.frame.pages) {
    for (const auto& item : page.items) {
      if (const auto* image = std::get_if<layout::ImageItem>(&item); image && image->name.ends_with("con-dau.png")) {
        ++seals;
        CHECK(image->x >= left_margin - 0.01);
      }
    }
  }
  CHECK(seals == 3);
}

TEST_CASE("page 1's first block too tall to end above the contact lines is refused, never printed under them") {
  const std::string markup = "<document><header><issuer><name>Ủy ban nhân dân</name></issuer>"
                             "<number value='5' notation='UBND-NV'/><place-date place='Duyên Hải' date='2020-05-20'/>"
                             "<subject>V/v thử</subject></header><body><box height='225mm'>Khung</box></body>"
                             "<contact><line>Địa chỉ: Số 01, đường Nguyễn Đáng</line></contact></document>";
  try {
    lay_out(markup);
    FAIL("the box was printed over the contact lines");
  } catch (const Error& e) {
    CHECK(e.diagnostics().front().code == "layout.outside-page");
    CHECK_THAT(e.diagnostics().front().message, Catch::Contains("contact lines"));
  }
  // A box that leaves the room is printed, the contact lines under it.
  const auto fits = lay_out(std::string(markup).replace(markup.find("225mm"), 5, "150mm"));
  CHECK(find_text(fits.frame, "Địa chỉ: Số 01, đường Nguyễn Đáng"));
}
