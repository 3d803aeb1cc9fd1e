// The sample plan laid out, checked against the rules R1–R32 of docs/conventions.md,
// "What the tests measure on the paper".
#include <catch2/catch.hpp>

#include <cmath>

#include "base/files.h"
#include "base/units.h"
#include "output/trace_writer.h"
#include "pipeline/generate.h"
#include "support/frame_queries.h"
#include "support/engine.h"
#include "support/paths.h"

using namespace vanban;
using testing::centre_of;
using testing::find_text;
using testing::width_of;

namespace {

struct Sample {
  text::FontFamily fonts = testing::fonts();
  pipeline::Generated generated;
  Sample() {
    pipeline::GenerateOptions options;
    generated = pipeline::generate(testing::core(), read_file(testing::sample("ke-hoach-54.xml")), "ke-hoach-54.xml", options);
  }
};

const Sample& sample() {
  static const Sample s;
  return s;
}

constexpr double left_margin = 30 * points_per_mm;
constexpr double right_edge = a4_width - 15 * points_per_mm;

}  // namespace

TEST_CASE("R1 every page is A4 portrait") {
  for (const auto& page : sample().generated.frame.pages) {
    CHECK(page.width == Approx(595.276).margin(0.01));
    CHECK(page.height == Approx(841.89).margin(0.01));
  }
}

TEST_CASE("R2-4 all text stays inside the margins, only page numbers sit in the top margin") {
  const auto& s = sample();
  for (const auto& found : testing::all_texts(s.generated.frame)) {
    const auto& t = found.item;
    INFO("page " << found.page + 1 << ": " << t.text);
    CHECK(t.x >= left_margin - 0.01);
    CHECK(t.x + width_of(s.fonts, t) <= right_edge + 0.5);
    CHECK(t.y + s.fonts.face(t.face).descent() * t.size <= a4_height - mm(20) + 0.01);
    const bool is_page_number = t.text.find_first_not_of("0123456789") == std::string::npos;
    if (!is_page_number) CHECK(t.y - s.fonts.face(t.face).ascent() * t.size >= mm(20) - 0.01);
  }
}

TEST_CASE("R7 page numbers: none on page 1, k on page k, 13-14 pt, centred in the top margin") {
  const auto& frame = sample().generated.frame;
  REQUIRE(frame.pages.size() >= 2);
  for (std::size_t k = 0; k < frame.pages.size(); ++k) {
    int numbers = 0;
    for (const auto& item : frame.pages[k].items) {
      const auto* t = std::get_if<layout::TextItem>(&item);
      if (!t || t->y >= mm(20)) continue;
      ++numbers;
      CHECK(t->text == std::to_string(k + 1));
      CHECK(t->size >= 13);
      CHECK(t->size <= 14);
      CHECK(t->face == text::FaceStyle::regular);
      CHECK(centre_of(sample().fonts, *t) == Approx((left_margin + right_edge) / 2).margin(mm(2)));
    }
    CHECK(numbers == (k == 0 ? 0 : 1));
  }
}

TEST_CASE("R9-11 Quốc hiệu, Tiêu ngữ and the rule under it") {
  const auto& s = sample();
  const auto national = find_text(s.generated.frame, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  const auto motto = find_text(s.generated.frame, "Độc lập - Tự do - Hạnh phúc");
  REQUIRE(national);
  REQUIRE(motto);
  CHECK(national->page == 0);
  CHECK(national->item.face == text::FaceStyle::bold);
  CHECK(national->item.size >= 12);
  CHECK(national->item.size <= 13);
  CHECK(centre_of(s.fonts, national->item) > (left_margin + right_edge) / 2);
  CHECK(motto->item.face == text::FaceStyle::bold);
  CHECK(motto->item.size >= 13);
  CHECK(motto->item.size <= 14);
  CHECK(centre_of(s.fonts, motto->item) == Approx(centre_of(s.fonts, national->item)).margin(mm(1)));
  const double gap = motto->item.y - national->item.y;
  CHECK(gap > 0);
  CHECK(gap <= 1.2 * s.fonts.face(text::FaceStyle::bold).line_height() * motto->item.size);
  // A rule exactly as long as the motto, centred on it, just below it.
  const auto rule = testing::rule_under(s.generated.frame, s.fonts, *motto);
  REQUIRE(rule);
  CHECK(rule->x2 - rule->x1 == Approx(width_of(s.fonts, motto->item)).margin(mm(2)));
  CHECK((rule->x1 + rule->x2) / 2 == Approx(centre_of(s.fonts, motto->item)).margin(mm(1)));
}

TEST_CASE("R12-16 issuer, its rule, the Số line and the date line") {
  const auto& s = sample();
  const auto issuer = find_text(s.generated.frame, "THỊ XÃ DUYÊN HẢI");
  const auto number = find_text(s.generated.frame, "Số: 54/KH-UBND");
  const auto date = find_text(s.generated.frame, "Duyên Hải, ngày 26 tháng 8 năm 2019");
  REQUIRE(issuer);
  REQUIRE(number);
  REQUIRE(date);
  CHECK(issuer->item.face == text::FaceStyle::bold);
  CHECK(centre_of(s.fonts, issuer->item) < (left_margin + right_edge) / 2);
  // A rule of 1/3–1/2 of the issuer line, centred on it.
  const auto rule = testing::rule_under(s.generated.frame, s.fonts, *issuer);
  REQUIRE(rule);
  const double ratio = (rule->x2 - rule->x1) / width_of(s.fonts, issuer->item);
  CHECK(ratio >= 1.0 / 3);
  CHECK(ratio <= 0.5);
  CHECK((rule->x1 + rule->x2) / 2 == Approx(centre_of(s.fonts, issuer->item)).margin(mm(1)));
  CHECK(number->item.size == 13);
  CHECK(number->item.face == text::FaceStyle::regular);
  CHECK(centre_of(s.fonts, number->item) == Approx(centre_of(s.fonts, issuer->item)).margin(mm(1)));
  CHECK(date->item.face == text::FaceStyle::italic);
  CHECK(date->item.size >= 13);
  CHECK(date->item.size <= 14);
  CHECK(date->item.y == Approx(number->item.y).margin(2));
  const auto national = find_text(s.generated.frame, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  CHECK(centre_of(s.fonts, date->item) == Approx(centre_of(s.fonts, national->item)).margin(mm(1.5)));
}

TEST_CASE("R17 the type name and trích yếu: bold, centred, a short rule under") {
  const auto& s = sample();
  const auto type = find_text(s.generated.frame, "KẾ HOẠCH");
  REQUIRE(type);
  CHECK(type->item.face == text::FaceStyle::bold);
  CHECK(type->item.size == 14);
  CHECK(centre_of(s.fonts, type->item) == Approx((left_margin + right_edge) / 2).margin(mm(2)));
  // The trích yếu's last line, then a rule of 1/3–1/2 of the widest subject line, centred.
  const auto first = find_text(s.generated.frame, "Tổ chức Hội nghị điển hình tiên tiến và Đại hội Thi đua yêu nước thị xã");
  const auto last = find_text(s.generated.frame, "Duyên Hải lần thứ I, tiến tới Đại hội Thi đua yêu nước tỉnh lần thứ V");
  REQUIRE(first);
  REQUIRE(last);
  CHECK(first->item.face == text::FaceStyle::bold);
  CHECK(centre_of(s.fonts, last->item) == Approx((left_margin + right_edge) / 2).margin(mm(2)));
  const auto rule = testing::rule_under(s.generated.frame, s.fonts, *last);
  REQUIRE(rule);
  const double widest = std::max(width_of(s.fonts, first->item), width_of(s.fonts, last->item));
  CHECK((rule->x2 - rule->x1) / widest >= 1.0 / 3);
  CHECK((rule->x2 - rule->x1) / widest <= 0.5);
  CHECK((rule->x1 + rule->x2) / 2 == Approx((left_margin + right_edge) / 2).margin(mm(1)));
}

TEST_CASE("R20 body paragraphs: 14 pt, first lines indented 1.27 cm") {
  const auto& s = sample();
  const auto texts = testing::all_texts(s.generated.frame);
  int indented = 0;
  // Justified lines are drawn a word at a time: look for the first words of three paragraphs
  // and the "1." labels of numbered items.
  for (const auto& found : texts) {
    const auto& t = found.item;
    if (t.text == "Thực " || t.text == "Trên " || t.text == "1. ") {
      CHECK(t.size == 14);
      CHECK(t.x - left_margin == Approx(cm(1.27)).margin(mm(0.3)));
      ++indented;
    }
  }
  CHECK(indented >= 3);
}

TEST_CASE("R29-30 Nơi nhận level with the signature block, the signature never alone on a page") {
  const auto& s = sample();
  const auto label = find_text(s.generated.frame, "Nơi nhận:");
  const auto authority = find_text(s.generated.frame, "TM. ỦY BAN NHÂN DÂN");
  const auto position = find_text(s.generated.frame, "CHỦ TỊCH");
  const auto name = find_text(s.generated.frame, "Lê Vũ Phương");
  REQUIRE(label);
  REQUIRE(authority);
  REQUIRE(position);
  REQUIRE(name);
  CHECK(label->item.size == 12);
  CHECK(label->item.face == text::FaceStyle::bold_italic);
  CHECK(label->item.x == Approx(left_margin).margin(mm(1)));
  CHECK(label->item.y == Approx(authority->item.y).margin(3));
  CHECK(authority->item.face == text::FaceStyle::bold);
  CHECK(name->item.face == text::FaceStyle::bold);
  CHECK(centre_of(s.fonts, name->item) == Approx(centre_of(s.fonts, authority->item)).margin(mm(1.5)));
  CHECK(name->page == authority->page);
  // Recipients: 11 pt, each starts with "-" at the left margin; the last is the Lưu line.
  int items = 0;
  for (const auto& found : testing::all_texts(s.generated.frame)) {
    if (found.item.size != 11) continue;
    ++items;
    CHECK(found.item.text.rfind("- ", 0) == 0);
    CHECK(found.item.x == Approx(left_margin).margin(mm(1)));
  }
  CHECK(items == 6);
  // On the signature's page, body text (14 pt regular) stands before it.
  int body_lines_before = 0;
  for (const auto& found : testing::all_texts(s.generated.frame)) {
    if (found.page == authority->page && found.item.size == 14 && found.item.face == text::FaceStyle::regular &&
        found.item.y < authority->item.y) {
      ++body_lines_before;
    }
  }
  CHECK(body_lines_before >= 1);
}

TEST_CASE("margins outside Decree 30's ranges are refused") {
  pipeline::GenerateOptions options;
  options.settings.margin_left = mm(25);
  try {
    pipeline::generate(testing::core(), read_file(testing::sample("ke-hoach-54.xml")), "ke-hoach-54.xml", options);
    FAIL("accepted a 25 mm left margin");
  } catch (const Error& e) {
    CHECK(e.diagnostic().code == "settings.margin");
  }
}

TEST_CASE("a long issuer name or authority line wraps inside its column") {
  std::string xml = read_file(testing::sample("ke-hoach-54.xml"));
  xml.replace(xml.find("<line>Ủy ban nhân dân</line>"), std::string("<line>Ủy ban nhân dân</line>").size(),
              "<line>Sở Giáo dục và Đào tạo thành phố Hồ Chí Minh</line>");
  xml.replace(xml.find("<on-behalf-of>Ủy ban nhân dân</on-behalf-of>"),
              std::string("<on-behalf-of>Ủy ban nhân dân</on-behalf-of>").size(),
              "<on-behalf-of>Ủy ban nhân dân thành phố Hồ Chí Minh và các quận huyện</on-behalf-of>");
  pipeline::GenerateOptions options;
  const auto generated = pipeline::generate(testing::core(), xml, "long.xml", options);
  const text::FontFamily fonts = testing::fonts();
  const double column = (right_edge - left_margin) * 0.4;
  int issuer_lines = 0, authority_lines = 0;
  for (const auto& found : testing::all_texts(generated.frame)) {
    const auto& t = found.item;
    if (found.page == 0 && t.face == text::FaceStyle::bold && t.size == 13 && t.y < mm(50) &&
        centre_of(fonts, t) < left_margin + column) {
      ++issuer_lines;  // the left column's bold lines: the issuer
      INFO(t.text);
      CHECK(t.x >= left_margin - 0.01);
      CHECK(t.x + width_of(fonts, t) <= left_margin + column + 0.01);
    }
    if (t.face == text::FaceStyle::bold && t.size == 14 && t.x > left_margin + column - 1 &&
        t.text.find("HỒ CHÍ MINH") != std::string::npos) {
      ++authority_lines;
      CHECK(t.x + width_of(fonts, t) <= right_edge + 0.01);
    }
  }
  CHECK(issuer_lines >= 3);  // the long name took two lines, plus THỊ XÃ DUYÊN HẢI
  CHECK(authority_lines >= 1);
}

TEST_CASE("the seed plan fits 4 pages with no overfull line, evener than first fit's 5") {
  const auto& total = sample().generated;
  CHECK(total.frame.pages.size() == 4);
  CHECK(total.stats.overfull_lines == 0);
  CHECK(total.stats.loose_lines == 0);
  CHECK(total.stats.tightened);

  pipeline::GenerateOptions options;
  options.settings.line_breaker = layout::LineBreaker::first_fit;
  const auto first = pipeline::generate(testing::core(), read_file(testing::sample("ke-hoach-54.xml")), "ke-hoach-54.xml", options);
  CHECK(first.frame.pages.size() == 5);
  CHECK(first.stats.lines > total.stats.lines);
  CHECK(first.stats.max_space_ratio > total.stats.max_space_ratio);
  CHECK(std::abs(first.stats.mean_space_ratio - 1) > std::abs(total.stats.mean_space_ratio - 1));
}

TEST_CASE("the page-saving pass is not kept when it saves no page") {
  pipeline::GenerateOptions options;
  std::string xml = read_file(testing::sample("ke-hoach-54.xml"));
  // Cut the body to its first two sections: two pages, and tightening cannot make it one.
  const auto cut_from = xml.find("<section", xml.find("</section>", xml.find("</section>") + 1));
  const auto cut_to = xml.rfind("</body>");
  xml.erase(cut_from, cut_to - cut_from);
  const auto short_plan = pipeline::generate(testing::core(), xml, "short.xml", options);
  CHECK(short_plan.frame.pages.size() == 2);
  CHECK_FALSE(short_plan.stats.tightened);
  options.settings.save_last_page = false;
  const auto untouched = pipeline::generate(testing::core(), xml, "short.xml", options);
  CHECK(output::write_trace(short_plan.frame) == output::write_trace(untouched.frame));
  CHECK(short_plan.stats.lines == untouched.stats.lines);
}
