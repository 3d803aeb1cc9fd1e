// The line breaker on synthetic boxes, glue and penalties, no fonts (after SILE's break_spec
// idea): each case has a known best answer worked out by hand in its comment.
#include <catch2/catch.hpp>

#include "layout/line_breaker.h"

using vanban::layout::BreakItem;
using vanban::layout::break_first_fit;
using vanban::layout::break_total_fit;
using vanban::layout::infinite_penalty;
using vanban::layout::LineBreak;

namespace {

// Words of the given widths, separated by spaces of width 1 (stretch 1, shrink 0.5), ending
// with the usual finishing glue and forced break.
std::vector<BreakItem> words(std::initializer_list<double> widths) {
  std::vector<BreakItem> items;
  bool first = true;
  for (double w : widths) {
    if (!first) items.push_back(BreakItem::glue(1, 1, 0.5));
    items.push_back(BreakItem::box(w));
    first = false;
  }
  items.push_back(BreakItem::glue(0, 1e9, 0));
  items.push_back(BreakItem::make_penalty(0, -infinite_penalty));
  return items;
}

auto constant(double width) {
  return [width](std::size_t) { return width; };
}

std::vector<std::size_t> positions(const std::vector<LineBreak>& breaks) {
  std::vector<std::size_t> out;
  for (const auto& b : breaks) out.push_back(b.position);
  return out;
}

}  // namespace

TEST_CASE("first fit fills each line at natural width, total fit may shrink to save a line") {
  // Words 6 6 6 3 3 in a measure of 13. First fit: [6 6] exactly, [6 3] (3 too loose, ratio 3),
  // [3]. Total fit: [6 6] and [6 3 3], whose 14 shrinks to 13 at ratio -1 (badness 100):
  // [6 3] at ratio 3 is beyond tolerance 200 (ratio 1.26), so two lines is the only
  // feasible answer.
  const auto items = words({6, 6, 6, 3, 3});
  const auto greedy = break_first_fit(items, constant(13));
  REQUIRE(greedy.size() == 3);
  CHECK(greedy[0].position == 3);  // the glue after the second word
  CHECK(greedy[1].ratio == Approx(3.0));

  const auto best = break_total_fit(items, constant(13));
  REQUIRE(best.size() == 2);
  CHECK(best[0].position == 3);
  CHECK(best[0].ratio == Approx(0.0));
  CHECK(best[1].position == items.size() - 1);
  CHECK(best[1].ratio == Approx(-1.0));
}

TEST_CASE("adjacent demerits keep a loose line away from a tight one") {
  // Measure 12, words 5 5 5 5 1. Two lines, [5 5] at ratio 1 (loose) then [5 5 1] at
  // ratio -1 (tight), cost (10+100)² each plus 10000 adjacent demerits = 34200. Three lines,
  // [5 5] [5 5] [1], cost 12100 + 12100 + 100 = 24300 and win. Without adjacent demerits
  // the two-line answer (24200) wins by 100.
  const auto items = words({5, 5, 5, 5, 1});
  CHECK(break_first_fit(items, constant(12)).size() == 3);
  CHECK(break_total_fit(items, constant(12)).size() == 3);
  vanban::layout::BreakParams params;
  params.adjacent_demerits = 0;
  const auto best = break_total_fit(items, constant(12), params);
  REQUIRE(best.size() == 2);
  CHECK(best[0].ratio == Approx(1.0));
  CHECK(best[1].ratio == Approx(-1.0));
}

TEST_CASE("a forced break ends a line wherever it stands") {
  auto items = words({2, 2, 2, 2});
  // Force a break after the second word: replace its glue by a forced penalty + glue.
  items.insert(items.begin() + 3, BreakItem::make_penalty(0, -infinite_penalty));
  const auto best = break_total_fit(items, constant(100));
  REQUIRE(best.size() == 2);
  CHECK(best[0].position == 3);
}

TEST_CASE("a forbidden break (infinite penalty) keeps two words together") {
  // Measure 5: words 2 2 2. Without the penalty the best is [2 2] [2]; forbidding the break
  // after the second word forces [2] [2 2].
  auto items = words({2, 2, 2});
  items.insert(items.begin() + 3, BreakItem::make_penalty(0, infinite_penalty));
  const auto greedy = positions(break_first_fit(items, constant(5)));
  REQUIRE(greedy.size() == 2);
  CHECK(greedy[0] == 1);
  const auto best = positions(break_total_fit(items, constant(5)));
  REQUIRE(best.size() == 2);
  CHECK(best[0] == 1);
}

TEST_CASE("the first line may have its own width (first-line indent)") {
  // First line 6, others 10; words 2 3 3 3. Only [2 3] fits the first line exactly (6);
  // [2] alone has no glue to stretch and [2 3 3] is too wide. The rest, [3 3], is the last
  // line, which the finishing glue fills.
  const auto items = words({2, 3, 3, 3});
  auto widths = [](std::size_t line) { return line == 0 ? 6.0 : 10.0; };
  const auto best = break_total_fit(items, widths);
  REQUIRE(best.size() == 2);
  CHECK(best[0].position == 3);
  CHECK(best[0].ratio == Approx(0.0));
}

TEST_CASE("a word wider than the line does not hang the breaker") {
  const auto items = words({30, 2, 2});
  const auto greedy = break_first_fit(items, constant(10));
  REQUIRE_FALSE(greedy.empty());
  CHECK(greedy.back().position == items.size() - 1);
  const auto best = break_total_fit(items, constant(10));
  REQUIRE_FALSE(best.empty());
  CHECK(best.back().position == items.size() - 1);
}

TEST_CASE("looseness asks total fit for one more line when one is feasible") {
  // Measure 11, six words of 3: [3 3 3] [3 3 3] fit exactly. With tolerance 10000 (ratio up
  // to 4.6) three lines of [3 3] at ratio 4 are feasible, and looseness 1 asks for them.
  const auto items = words({3, 3, 3, 3, 3, 3});
  vanban::layout::BreakParams params;
  params.tolerance = 10000;
  CHECK(break_total_fit(items, constant(11), params).size() == 2);
  params.looseness = 1;
  CHECK(break_total_fit(items, constant(11), params).size() == 3);
}
