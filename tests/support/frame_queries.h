// Helpers for asserting on a laid-out Frame: find text items, measure them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "layout/frame.h"
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

inline double width_of(const text::FontFamily& fonts, const layout::TextItem& item) {
  return fonts.face(item.face).text_width(item.text, item.size);
}

inline double centre_of(const text::FontFamily& fonts, const layout::TextItem& item) {
  return item.x + width_of(fonts, item) / 2;
}

}  // namespace vanban::testing
