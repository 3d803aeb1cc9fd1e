#include <catch2/catch.hpp>

#include "layout/paragraph.h"
#include "support/frame_queries.h"
#include "support/paths.h"
#include "text/font.h"

using namespace vanban;
using testing::fonts;
using layout::Align;
using layout::ParagraphSpec;

namespace {

ParagraphSpec spec(const std::string& text, double width, Align align = Align::justify) {
  ParagraphSpec s;
  s.runs = {{text, text::FaceStyle::regular, false, {}}};
  s.size = 14;
  s.width = width;
  s.align = align;
  return s;
}

const std::string long_text =
    "Đánh giá đúng kết quả và tác dụng của phong trào thi đua yêu nước trong 5 năm qua; chỉ ra những mặt tồn "
    "tại, hạn chế cần khắc phục, đồng thời trên cơ sở đó đề ra phương hướng, mục tiêu nhiệm vụ, biện pháp tổ "
    "chức, chỉ đạo phong trào thi đua và công tác khen thưởng trong những năm tiếp theo theo Kế hoạch số "
    "65/KH-UBND ngày 20/8/2019.";

double line_end(const layout::ParagraphLine& line) {
  const auto& last = line.runs.back();
  // A justified word's run may carry its trailing space as text: measure without it.
  std::string text = last.text;
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return last.x + fonts().face(last.face).text_width(text, 14);
}

}  // namespace

TEST_CASE("justified lines all end at the measure, the last line does not stretch") {
  const double width = 467.72;
  auto s = spec(long_text, width);
  s.first_indent = 36;
  const auto lines = layout::layout_paragraph(s, fonts());
  REQUIRE(lines.size() >= 4);
  CHECK(lines[0].runs.front().x == Approx(36));  // first-line indent
  for (std::size_t i = 1; i < lines.size(); ++i) CHECK(lines[i].runs.front().x == Approx(0));
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    CHECK(line_end(lines[i]) == Approx(width).margin(0.5));  // R3 (docs/conventions.md)
    CHECK_FALSE(lines[i].overfull);
  }
  CHECK(line_end(lines.back()) < width - 20);
}

TEST_CASE("no line starts or ends inside a protected token") {
  // Narrow measures force breaks near the tokens at many positions.
  for (double width = 120; width <= 300; width += 7) {
    const auto lines = layout::layout_paragraph(spec(long_text + " Số: 05/QĐ-UBND giai đoạn 2015 - 2020.", width), fonts());
    for (const auto& line : lines) {
      std::string text;
      for (const auto& run : line.runs) text += run.text;
      while (!text.empty() && text.back() == ' ') text.pop_back();
      INFO("width " << width << ": " << text);
      CHECK_FALSE(text.ends_with("Số:"));      // never "Số:" alone at a line end
      CHECK_FALSE(text.ends_with("2015"));     // "2015 -" stays together
      CHECK_FALSE(text.starts_with("- 2020"));  // no line starts with the dash
      CHECK_FALSE(text.starts_with("KH-UBND"));
      CHECK_FALSE(text.starts_with("UBND"));
      CHECK_FALSE(text.starts_with("8/2019"));
      CHECK_FALSE(text.ends_with("/"));  // no break after a slash, nor after a hyphen inside a word
      CHECK_FALSE((text.ends_with("-") && !text.ends_with(" -")));
    }
  }
}

TEST_CASE("a label is never separated from the first word") {
  auto s = spec("Đánh giá đúng kết quả", 60);
  s.label = "1.";
  const auto lines = layout::layout_paragraph(s, fonts());
  REQUIRE_FALSE(lines.empty());
  std::string first;
  for (const auto& run : lines[0].runs) first += run.text;
  CHECK(first.rfind("1. Đánh", 0) == 0);
}

TEST_CASE("centred balanced lines are about equally long and centred") {
  auto s = spec("Tổ chức Hội nghị điển hình tiên tiến và Đại hội Thi đua yêu nước thị xã Duyên Hải lần thứ I, tiến tới "
                "Đại hội Thi đua yêu nước tỉnh lần thứ V",
                467.72, Align::center);
  s.runs[0].face = text::FaceStyle::bold;
  s.balanced = true;
  const auto lines = layout::layout_paragraph(s, fonts());
  REQUIRE(lines.size() == 2);
  CHECK(std::abs(lines[0].natural_width - lines[1].natural_width) < 60);
  for (const auto& line : lines) CHECK(line.runs.front().x + line.natural_width / 2 == Approx(467.72 / 2).margin(0.01));
}

TEST_CASE("emphasis inside a word keeps its own face") {
  ParagraphSpec s = spec("", 400);
  s.runs = {{"tổng kết (", text::FaceStyle::regular, false, {}}, {"Đây là", text::FaceStyle::italic, false, {}},
            {").", text::FaceStyle::regular, false, {}}};
  const auto lines = layout::layout_paragraph(s, fonts());
  REQUIRE(lines.size() == 1);
  std::vector<text::FaceStyle> faces;
  for (const auto& run : lines[0].runs) faces.push_back(run.face);
  CHECK(faces == std::vector<text::FaceStyle>{text::FaceStyle::regular, text::FaceStyle::italic, text::FaceStyle::regular});
}

TEST_CASE("a word longer than the line is cut between letters, never overflowing") {
  std::string word;
  for (int k = 0; k < 200; ++k) word += "Nguyễn";  // 1,200 letters, no space
  auto s = spec("Họ tên: " + word + " hết.", 300);
  s.first_indent = 36;
  const auto lines = layout::layout_paragraph(s, fonts());
  REQUIRE(lines.size() > 10);
  std::string joined;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    INFO("line " << k);
    CHECK_FALSE(lines[k].overfull);
    CHECK(line_end(lines[k]) <= 300 + 0.01);
    for (const auto& run : lines[k].runs) joined += run.text;
  }
  // Nothing lost or doubled, and no letter parted from its marks (NFC "ễ" stays one piece);
  // spaces at line ends are not drawn, so compare without them.
  auto without_spaces = [](std::string text) {
    std::erase(text, ' ');
    return text;
  };
  CHECK(without_spaces(joined) == without_spaces("Họ tên: " + word + " hết."));
}

namespace {

bool same_lines(const std::vector<layout::ParagraphLine>& a, const std::vector<layout::ParagraphLine>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (a[k].runs.size() != b[k].runs.size() || a[k].ratio != b[k].ratio) return false;
    for (std::size_t r = 0; r < a[k].runs.size(); ++r) {
      if (a[k].runs[r].text != b[k].runs[r].text || a[k].runs[r].x != b[k].runs[r].x ||
          a[k].runs[r].face != b[k].runs[r].face) {
        return false;
      }
    }
  }
  return true;
}

}  // namespace

TEST_CASE("the paragraph cache gives the lines layout_paragraph gives, whatever changed between calls") {
  // The same text again, then with only the breaking changed (one line looser, as the
  // page-saving pass asks), then at another size, another width and another face: each must
  // be the lines of a fresh layout, not a remembered one of another spec.
  layout::ParagraphCache cache(fonts());
  std::vector<ParagraphSpec> specs;
  specs.push_back(spec(long_text, 300));
  specs.push_back(specs.back());
  specs.back().break_params.looseness = -1;
  specs.push_back(spec(long_text, 300));
  specs.back().size = 13;
  specs.push_back(spec(long_text, 250));
  specs.push_back(spec(long_text, 300));
  specs.back().runs.front().face = text::FaceStyle::bold;
  specs.push_back(spec(long_text, 300, Align::center));
  specs.push_back(spec(long_text, 300));
  specs.back().label = "1.";
  std::size_t distinct_line_counts = 0;
  std::size_t last_count = 0;
  for (int round = 0; round < 2; ++round) {
    for (const auto& s : specs) {
      const auto fresh = layout::layout_paragraph(s, fonts());
      CHECK(same_lines(cache.lay_out(s), fresh));
      if (round == 0 && fresh.size() != last_count) ++distinct_line_counts;
      last_count = fresh.size();
    }
  }
  // The specs do lay out differently, so a cache that answered one for another would fail.
  CHECK(distinct_line_counts >= 3);
}

TEST_CASE("asked for a line fewer the cache gives a fresh layout's lines whether the paragraph can lose one or not") {
  // The cache keeps the first pass's lines for a paragraph its bound says cannot lose a line;
  // a bound that ruled out one that can would give a line too many here.
  std::size_t tightened = 0, kept = 0;
  for (std::size_t length = 40; length <= long_text.size(); length += 37) {
    std::string text = long_text.substr(0, length);
    while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();  // whole characters
    if (!text.empty()) text.pop_back();
    for (double width = 160; width <= 460; width += 9) {
      layout::ParagraphCache cache(fonts());
      ParagraphSpec natural = spec(text, width);
      natural.first_indent = 28;
      ParagraphSpec tight = natural;
      tight.break_params.looseness = -1;
      const auto natural_lines = cache.lay_out(natural);
      const auto fresh = layout::layout_paragraph(tight, fonts());
      CHECK(same_lines(cache.lay_out(tight), fresh));
      (fresh.size() < natural_lines.size() ? tightened : kept) += 1;
    }
  }
  // Both kinds occur, so both ways through the cache were taken.
  CHECK(tightened > 0);
  CHECK(kept > 0);
}
