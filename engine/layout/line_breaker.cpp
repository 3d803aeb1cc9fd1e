#include "layout/line_breaker.h"

#include <algorithm>
#include <cmath>

namespace vanban::layout {

namespace {

struct Totals {
  double width = 0, stretch = 0, shrink = 0;
};

// Running sums of widths, stretch and shrink of the boxes and glue before each item.
std::vector<Totals> prefix_totals(const std::vector<BreakItem>& items) {
  std::vector<Totals> sums(items.size() + 1);
  for (std::size_t i = 0; i < items.size(); ++i) {
    sums[i + 1] = sums[i];
    if (items[i].type != BreakItem::Type::penalty) sums[i + 1].width += items[i].width;
    if (items[i].type == BreakItem::Type::glue) {
      sums[i + 1].stretch += items[i].stretch;
      sums[i + 1].shrink += items[i].shrink;
    }
  }
  return sums;
}

bool is_forced(const BreakItem& item) {
  return item.type == BreakItem::Type::penalty && item.penalty <= -infinite_penalty;
}

// A break is legal at a penalty below infinity, or at glue that follows a box.
bool is_legal_break(const std::vector<BreakItem>& items, std::size_t i) {
  const auto& item = items[i];
  if (item.type == BreakItem::Type::penalty) return item.penalty < infinite_penalty;
  if (item.type == BreakItem::Type::glue) return i > 0 && items[i - 1].type == BreakItem::Type::box;
  return false;
}

// Totals at the start of the line after a break at i: the glue and penalties that follow a
// break are discarded up to the next box (Knuth & Plass 1981, "the break node").
Totals totals_after_break(const std::vector<BreakItem>& items, const std::vector<Totals>& sums, std::size_t i) {
  Totals after = sums[i];
  for (std::size_t j = i; j < items.size(); ++j) {
    const auto& item = items[j];
    if (item.type == BreakItem::Type::box) break;
    if (j > i && is_forced(item)) break;
    if (item.type == BreakItem::Type::glue) {
      after.width += item.width;
      after.stretch += item.stretch;
      after.shrink += item.shrink;
    }
  }
  return after;
}

// The adjustment ratio of a line of natural width with this stretch and shrink.
// Widths closer than this are equal: a line measured to fit exactly must not break on a
// rounding error.
constexpr double width_epsilon = 1e-6;

double adjustment_ratio(double natural, double stretch, double shrink, double target) {
  if (std::abs(natural - target) <= width_epsilon) return 0;
  if (natural < target) return stretch > 0 ? (target - natural) / stretch : std::numeric_limits<double>::infinity();
  if (natural > target) return shrink > 0 ? (target - natural) / shrink : -std::numeric_limits<double>::infinity();
  return 0;
}

double line_natural_width(const std::vector<BreakItem>& items, const std::vector<Totals>& sums, const Totals& start,
                          std::size_t end, Totals& out) {
  out.width = sums[end].width - start.width;
  out.stretch = sums[end].stretch - start.stretch;
  out.shrink = sums[end].shrink - start.shrink;
  if (items[end].type == BreakItem::Type::penalty) out.width += items[end].width;
  return out.width;
}

}  // namespace

std::vector<LineBreak> break_first_fit(const std::vector<BreakItem>& items, const LineWidths& widths) {
  std::vector<LineBreak> breaks;
  if (items.empty()) return breaks;
  const auto sums = prefix_totals(items);
  Totals start{};
  bool have_candidate = false;
  LineBreak candidate;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!is_legal_break(items, i)) continue;
    Totals line;
    const double natural = line_natural_width(items, sums, start, i, line);
    const double target = widths(breaks.size());
    const double ratio = adjustment_ratio(natural, line.stretch, line.shrink, target);
    const bool overfull = natural > target + width_epsilon;
    if (overfull && have_candidate) {
      // This break would overfill the line: end the line at the last break that fitted.
      breaks.push_back(candidate);
      start = totals_after_break(items, sums, candidate.position);
      have_candidate = false;
      --i;  // look at this break again against the new line
      continue;
    }
    candidate = {i, ratio};
    have_candidate = true;
    if (is_forced(items[i]) || overfull) {
      breaks.push_back(candidate);
      start = totals_after_break(items, sums, i);
      have_candidate = false;
    }
  }
  return breaks;
}

std::vector<LineBreak> break_total_fit(const std::vector<BreakItem>& items, const LineWidths& widths,
                                       const BreakParams& params) {
  if (items.empty()) return {};
  const auto sums = prefix_totals(items);
  const double max_ratio = std::cbrt(params.tolerance / 100.0);  // badness 100·r³ = tolerance

  struct Node {
    std::size_t position;
    std::size_t line;
    int fitness;
    Totals totals;
    double demerits;
    double ratio;
    int previous;
  };
  std::vector<Node> nodes{{0, 0, 1, Totals{}, 0, 0, -1}};
  std::vector<int> active{0};
  // The best way to reach a break per fitness class (tight, decent, loose, very loose);
  // with looseness, per fitness class and line count, so that other line counts survive
  // (TeX keeps nodes apart by line number for the same reason).
  struct Candidate {
    double demerits = std::numeric_limits<double>::infinity();
    int from = -1;
    double ratio = 0;
    std::size_t line = 0;
    int fitness = 0;
  };
  std::vector<Candidate> best;  // at the break being looked at

  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!is_legal_break(items, i)) continue;
    const auto& item = items[i];
    const double penalty = item.type == BreakItem::Type::penalty ? item.penalty : 0;
    best.clear();
    auto offer = [&](const Candidate& candidate) {
      for (auto& existing : best) {
        if (existing.fitness == candidate.fitness && (params.looseness == 0 || existing.line == candidate.line)) {
          if (candidate.demerits < existing.demerits) existing = candidate;
          return;
        }
      }
      best.push_back(candidate);
    };
    for (auto it = active.begin(); it != active.end();) {
      const Node& node = nodes[*it];
      Totals line;
      const double natural = line_natural_width(items, sums, node.totals, i, line);
      const double ratio = adjustment_ratio(natural, line.stretch, line.shrink, widths(node.line));
      if (ratio >= -1 && ratio <= max_ratio) {
        const double size = std::abs(ratio);
        const double badness = std::min(100.0 * (size * size * size), 10000.0);
        double demerits = (params.line_penalty + badness) * (params.line_penalty + badness);
        if (penalty >= 0) demerits += penalty * penalty;
        else if (penalty > -infinite_penalty) demerits -= penalty * penalty;
        if (item.flagged && node.position < items.size() && items[node.position].flagged) {
          demerits += params.flagged_demerits;
        }
        const int fitness = ratio < -0.5 ? 0 : ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3;
        if (std::abs(fitness - node.fitness) > 1) demerits += params.adjacent_demerits;
        demerits += node.demerits;
        offer({demerits, *it, ratio, node.line + 1, fitness});
      }
      // A node can no longer start a line once the line from it is overfull, or once a
      // forced break has passed it.
      if (ratio < -1 || is_forced(item)) it = active.erase(it);
      else ++it;
    }
    const Totals after = totals_after_break(items, sums, i);
    for (const auto& candidate : best) {
      nodes.push_back({i, candidate.line, candidate.fitness, after, candidate.demerits, candidate.ratio, candidate.from});
      active.push_back(static_cast<int>(nodes.size() - 1));
    }
    if (active.empty()) return break_first_fit(items, widths);  // no feasible way within tolerance
  }

  // Choose the cheapest way to end the paragraph (looseness: the one closest to the asked
  // number of extra lines, then the cheapest).
  const std::size_t last = items.size() - 1;
  int chosen = -1;
  for (int index : active) {
    if (nodes[index].position != last) continue;
    if (chosen < 0 || nodes[index].demerits < nodes[chosen].demerits) chosen = index;
  }
  if (chosen < 0) return break_first_fit(items, widths);
  if (params.looseness != 0) {
    const auto wanted = static_cast<long>(nodes[chosen].line) + params.looseness;
    for (int index : active) {
      if (nodes[index].position != last) continue;
      const long distance = std::labs(static_cast<long>(nodes[index].line) - wanted);
      const long best_distance = std::labs(static_cast<long>(nodes[chosen].line) - wanted);
      if (distance < best_distance || (distance == best_distance && nodes[index].demerits < nodes[chosen].demerits)) {
        chosen = index;
      }
    }
  }
  std::vector<LineBreak> breaks;
  for (int index = chosen; index > 0; index = nodes[index].previous) {
    breaks.push_back({nodes[index].position, nodes[index].ratio});
  }
  std::reverse(breaks.begin(), breaks.end());
  return breaks;
}

}  // namespace vanban::layout
