// A face cut down to the characters one document draws, with what a PDF needs to embed it
// as a CIDFontType2 (PDF 32000-1, 9.7.4): the font program, each character's glyph, each
// glyph's width and the font descriptor's numbers; and the document's character codes,
// which every face shares. HarfBuzz (hb-subset) does the cutting; the PDF objects are the
// writer's business.
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
};

// The document's character codes: one 2-byte code (a CID of an Identity-H font) for each
// character drawn in any face, 1, 2, … in character order, the same in every face. One
// ToUnicode map then serves all the faces, and each face maps the codes to its own glyphs
// with a CIDToGIDMap: in a one-page certificate, three copies of a ToUnicode map cost
// more than three short glyph maps.
class CharacterCodes {
 public:
  explicit CharacterCodes(const std::set<char32_t>& characters);
  // A character's code; 0 for one the document does not draw.
  std::uint16_t code_of(char32_t character) const;
  // The character of code k is characters()[k - 1].
  const std::vector<char32_t>& characters() const { return characters_; }
  // The text as 2-byte codes in a PDF literal string, "(" and ")" included: half the bytes
  // of a hexadecimal string, so half the content stream to write and to deflate.
  std::string string(std::string_view utf8) const;
  void append_string(std::string& out, std::string_view utf8) const;

 private:
  std::vector<char32_t> characters_;
  // The code of each character of the Basic Multilingual Plane up to the last one drawn:
  // every character of every line is looked up, in one step here.
  std::vector<std::uint16_t> bmp_codes_;
};

// Cuts the face of a TrueType file (its bytes; name says which, in messages) down to the code
// points, hinting and OpenType layout tables dropped: the PDF writer places each glyph
// itself. Throws Error "pdf.font".
FontSubset subset_font(std::string_view font_file, const std::string& name, const std::set<char32_t>& code_points);

}  // namespace vanban::output
