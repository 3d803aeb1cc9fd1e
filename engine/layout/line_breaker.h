// Line breaking over boxes, glue and penalties (Knuth & Plass, "Breaking Paragraphs into
// Lines", Software—Practice and Experience 11, 1981; the names follow TeX's).
//
// The breaker knows nothing of text: a paragraph is a list of items, and the result is the
// list of item indexes at which lines end. Layout turns words into items (paragraph.cpp).
#pragma once

#include <cstddef>
#include <functional>
#include <limits>
#include <vector>

namespace vanban::layout {

constexpr double infinite_penalty = 10000;  // TeX: a penalty ≥ 10000 forbids a break

struct BreakItem {
  enum class Type { box, glue, penalty };
  Type type = Type::box;
  double width = 0;
  double stretch = 0;  // glue only
  double shrink = 0;   // glue only
  double penalty = 0;  // penalty only; ≤ -10000 forces a break, ≥ 10000 forbids one
  bool flagged = false;

  static BreakItem box(double width) { return {Type::box, width, 0, 0, 0, false}; }
  static BreakItem glue(double width, double stretch, double shrink) {
    return {Type::glue, width, stretch, shrink, 0, false};
  }
  static BreakItem make_penalty(double width, double value, bool is_flagged = false) {
    return {Type::penalty, width, 0, 0, value, is_flagged};
  }
};

// The parameters of total-fit breaking, as TeX names them (The TeXbook, ch. 14).
struct BreakParams {
  double tolerance = 200;            // largest badness accepted (TeX \tolerance = 200)
  double line_penalty = 10;          // added to every line's badness (\linepenalty)
  double adjacent_demerits = 10000;  // for neighbouring lines of far-apart fitness (\adjdemerits)
  double flagged_demerits = 3000;    // for two flagged breaks in a row (\doublehyphendemerits)
  int looseness = 0;                 // try for this many more (or fewer) lines (\looseness)
};

// Which algorithm breaks justified paragraphs: total fit is the default; first fit is what
// word processors do, kept for comparison (vanban render --line-breaker first-fit).
enum class LineBreaker { total_fit, first_fit };

// Returns the available width of line number `line` (0-based).
using LineWidths = std::function<double(std::size_t line)>;

// A chosen break: the item index where the line ends and its adjustment ratio (negative when
// the line's glue shrinks, positive when it stretches).
struct LineBreak {
  std::size_t position = 0;
  double ratio = 0;
};

// Breaks by first fit: each line takes as many items as fit, like a word processor.
std::vector<LineBreak> break_first_fit(const std::vector<BreakItem>& items, const LineWidths& widths);

// Breaks by total fit: the break sequence with the least total demerits over the whole
// paragraph (Knuth & Plass 1981). Falls back to first fit when no feasible sequence exists
// within the tolerance. The items must end with a forced break.
std::vector<LineBreak> break_total_fit(const std::vector<BreakItem>& items, const LineWidths& widths,
                                       const BreakParams& params = {});

}  // namespace vanban::layout
