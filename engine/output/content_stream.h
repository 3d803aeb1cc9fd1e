// Layout items as PDF content-stream operators (PDF 32000-1, 8 and 9): plain text, no
// libharu. The writer builds a page's operators here because libharu 2.3's page functions
// cannot draw glyph-id codes, write every number with five decimals, set every line width
// again and need a page to write into, while a shared stream belongs to no page.
#pragma once

#include <array>
#include <functional>
#include <string>
#include <vector>

#include "layout/frame.h"
#include "output/font_subset.h"

namespace vanban::output {

// What a content stream names: the fonts by face (text::FaceStyle), their character
// codes, and images by file.
struct ContentResources {
  std::array<std::string, 4> font_names;  // e.g. "F1"; empty for a face not embedded
  const CharacterCodes* codes = nullptr;
  std::function<std::string(const layout::ImageItem& image)> image_name;  // e.g. "Im1"
};

// The operators that draw the items on a page of the given height (y runs down in the
// frame and up in PDF space): paths, rules and images first, in order, then all text in
// one text object. Coordinates are written to 0.01 pt. With `isolated` the whole is
// wrapped in q … Q, so that a stream which other content follows leaves the graphics state
// as it found it.
std::string content_stream(const std::vector<const layout::Item*>& items, double page_height,
                           const ContentResources& resources, bool isolated);

// A number rounded to the given decimals, without trailing zeros or a leading zero:
// (12.3456, 2) → "12.35", (-0.05, 2) → "-.05", (3.0, 2) → "3".
std::string pdf_number(double value, int decimals);

}  // namespace vanban::output
