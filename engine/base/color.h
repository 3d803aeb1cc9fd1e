// Colour: an sRGB triple, shared by the markup (what the author asks for) and the frame
// (what the writers draw).
#pragma once

#include <cstdint>

namespace vanban {

// Decree 30 prints text in black; red is for the urgency stamp (Phụ lục I, mục II.10) and the
// Giấy khen's authority and title (docs/conventions.md, "Certificates"); blue for a
// signature's ink.
struct Color {
  std::uint8_t r = 0, g = 0, b = 0;
  bool operator==(const Color&) const = default;
};

}  // namespace vanban
