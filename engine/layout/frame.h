// Frame: the finished layout, items at fixed positions (stage 4 output, the writers' input).
//
// Coordinates are PDF points from the top-left corner of the page, y growing downwards;
// a text item's y is its baseline. Writers see only this: no markup, no data, no fonts
// beyond the files to embed.
#pragma once

#include <array>
#include <string>
#include <variant>
#include <vector>

#include "text/font.h"

namespace vanban::layout {

struct TextItem {
  double x = 0, y = 0;  // start of the baseline
  text::FaceStyle face = text::FaceStyle::regular;
  double size = 14;
  std::string text;  // NFC UTF-8
};

struct RuleItem {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double thickness = 0.5;
};

using Item = std::variant<TextItem, RuleItem>;

struct Page {
  double width = 0, height = 0;
  std::vector<Item> items;
};

struct DocumentInfo {
  std::string title;    // trích yếu
  std::string author;   // issuing body
  std::string subject;  // type and number, "Kế hoạch số 54/KH-UBND"
};

struct Frame {
  std::vector<Page> pages;
  DocumentInfo info;
  std::array<std::string, 4> font_files;  // per text::FaceStyle, the TrueType files to embed
};

}  // namespace vanban::layout
