// Helpers for asserting on a laid-out Frame: find text items, measure them.
#pragma once

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "layout/frame.h"
#include "support/engine.h"
#include "support/paths.h"
#include "text/font.h"

namespace vanban::testing {


struct FoundText {
  int page = 0;  // 0-based
  layout::TextItem item;
};

// Every text item of the frame, with its page.
inline std::vector<FoundText> all_texts(const layout::Frame& frame) {
  std::vector<FoundText> out;
  for (std::size_t p = 0; p < frame.pages.size(); ++p) {
    for (const auto& item : frame.pages[p].items) {
      if (const auto* t = std::get_if<layout::TextItem>(&item)) out.push_back({static_cast<int>(p), *t});
    }
  }
  return out;
}

// The first text item whose text is exactly `text`.
inline std::optional<FoundText> find_text(const layout::Frame& frame, const std::string& text) {
  for (const auto& found : all_texts(frame)) {
    if (found.item.text == text) return found;
  }
  return std::nullopt;
}

inline std::vector<layout::RuleItem> rules_on(const layout::Frame& frame, int page) {
  std::vector<layout::RuleItem> out;
  for (const auto& item : frame.pages[static_cast<std::size_t>(page)].items) {
    if (const auto* r = std::get_if<layout::RuleItem>(&item)) out.push_back(*r);
  }
  return out;
}

inline std::vector<layout::PathItem> paths_on(const layout::Frame& frame, int page) {
  std::vector<layout::PathItem> out;
  for (const auto& item : frame.pages[static_cast<std::size_t>(page)].items) {
    if (const auto* p = std::get_if<layout::PathItem>(&item)) out.push_back(*p);
  }
  return out;
}

struct Bounds {
  double left = 1e9, top = 1e9, right = -1e9, bottom = -1e9;
  double width() const { return right - left; }
  double height() const { return bottom - top; }
};

// The box around a path's points (control points included).
inline Bounds bounds_of(const layout::PathItem& path) {
  Bounds b;
  for (const auto& segment : path.segments) {
    const int points = segment.kind == layout::PathSegment::Kind::curve ? 3
                       : segment.kind == layout::PathSegment::Kind::close ? 0 : 1;
    for (int k = 0; k < points; ++k) {
      const auto& p = segment.points[static_cast<std::size_t>(k)];
      b.left = std::min(b.left, p.x);
      b.right = std::max(b.right, p.x);
      b.top = std::min(b.top, p.y);
      b.bottom = std::max(b.bottom, p.y);
    }
  }
  if (path.repeat) {  // the last copy is moved (across - 1, down - 1) steps from the first
    const double dx = (path.repeat->across - 1) * path.repeat->dx, dy = (path.repeat->down - 1) * path.repeat->dy;
    b.left = std::min(b.left, b.left + dx);
    b.right = std::max(b.right, b.right + dx);
    b.top = std::min(b.top, b.top + dy);
    b.bottom = std::max(b.bottom, b.bottom + dy);
  }
  return b;
}

inline double width_of(const text::FontFamily& fonts, const layout::TextItem& item) {
  return fonts.face(item.face).text_width(item.text, item.size);
}

inline double centre_of(const text::FontFamily& fonts, const layout::TextItem& item) {
  return item.x + width_of(fonts, item) / 2;
}

// The rule drawn just under a text (within 10 pt below its baseline), nearest its centre.
inline std::optional<layout::RuleItem> rule_under(const layout::Frame& frame, const text::FontFamily& fonts,
                                                  const FoundText& found) {
  std::optional<layout::RuleItem> best;
  const double centre = centre_of(fonts, found.item);
  for (const auto& rule : rules_on(frame, found.page)) {
    if (rule.y1 <= found.item.y || rule.y1 > found.item.y + 10) continue;
    const double distance = std::abs((rule.x1 + rule.x2) / 2 - centre);
    if (!best || distance < std::abs((best->x1 + best->x2) / 2 - centre)) best = rule;
  }
  return best;
}

}  // namespace vanban::testing
