// A face cut down to the characters one document draws, with what a PDF needs to embed it
// as a CIDFontType2 whose CIDs are the subset's glyph ids (PDF 32000-1, 9.7.4): the font
// program, each character's glyph, each glyph's width and the font descriptor's numbers.
// HarfBuzz (hb-subset) does the cutting; the PDF objects are the writer's business.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vanban::output {

// The font descriptor's numbers (PDF 32000-1, 9.8.1), in glyph space (1/1000 em).
struct FaceMetrics {
  int ascent = 0;
  int descent = 0;
  int cap_height = 0;
  int stem_v = 0;
  int bbox[4] = {0, 0, 0, 0};
  double italic_angle = 0;
  bool bold = false;
  bool serif = false;
};

struct FontSubset {
  std::string postscript_name;  // e.g. "LiberationSerif-Bold", letters, digits and '-' only
  std::string program;          // the TrueType font file
  // Each character drawn and its glyph id in the subset, sorted by character.
  std::vector<std::pair<char32_t, std::uint16_t>> glyphs;
  std::vector<int> widths;  // by subset glyph id, 0 … count - 1, in 1/1000 em
  FaceMetrics metrics;

  // The subset's glyph for a character; 0 (.notdef) for one it does not hold.
  std::uint16_t glyph_of(char32_t code_point) const;
  // The text as the 2-byte glyph codes of an Identity-H font, in hexadecimal.
  std::string glyph_codes_hex(std::string_view utf8) const;
};

// Cuts the face in the TrueType file down to the code points (hinting and OpenType layout
// tables dropped: the PDF writer places each glyph itself). Source faces are read once per
// process and shared by all threads. Throws Error "pdf.font".
FontSubset subset_font(const std::string& path, const std::set<char32_t>& code_points);

}  // namespace vanban::output
