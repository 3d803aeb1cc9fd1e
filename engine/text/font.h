// Font faces and their metrics, read from the TrueType file (HarfBuzz's OpenType tables).
// Layout measures text only through this interface.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban {
class Resources;
}

namespace vanban::text {

// Which of the four faces of a family: the Decree 30 components use all four.
enum class FaceStyle { regular = 0, bold = 1, italic = 2, bold_italic = 3 };

FaceStyle face_style(bool bold, bool italic);
// "regular", "bold", "italic", "bold-italic": names used in traces.
std::string_view face_style_name(FaceStyle style);

class FontFace {
 public:
  // Loads a TrueType face from its file's bytes; name says where they came from, in
  // messages and traces. Throws Error "font.load" naming it.
  static std::shared_ptr<const FontFace> load(std::string bytes, const std::string& name);

  const std::string& name() const { return name_; }
  // The font file, for a writer to embed (subset): read once, when the face was loaded.
  const std::string& bytes() const { return bytes_; }
  const std::string& postscript_name() const { return postscript_name_; }

  // Vertical metrics, in em (hhea ascender, descender as a positive depth, line gap).
  double ascent() const { return ascent_; }
  double descent() const { return descent_; }
  // The "single" line distance of word processors: ascent + descent + line gap, in em.
  double line_height() const { return ascent_ + descent_ + line_gap_; }

  // Returns the advance width of a code point in em; 0 when the face has no glyph for it.
  double advance(char32_t code_point) const;
  bool has_glyph(char32_t code_point) const;
  // Returns the width of UTF-8 text at the given size, in points (no kerning: libharu 2.3
  // cannot position glyph pairs, so what we measure is what it draws).
  double text_width(std::string_view utf8, double size) const;

  ~FontFace();

 private:
  FontFace() = default;
  std::string name_;
  std::string bytes_;  // before font_: HarfBuzz reads it, so it outlives the font
  std::string postscript_name_;
  double ascent_ = 0, descent_ = 0, line_gap_ = 0;
  double units_per_em_ = 1000;
  struct HbFont;
  std::unique_ptr<HbFont> font_;
  // Advances of the Basic Multilingual Plane, filled lazily: each entry is a float's bits,
  // 0 for not yet looked up (so the table comes zeroed from calloc, and a process touches
  // only the pages of the scripts it writes, not 256 KB a face at every start). A face is
  // shared by the threads of an engine: two that look the same character up store the same
  // value, and relaxed atomic accesses make that no race.
  struct FreeMemory {
    void operator()(std::uint32_t* memory) const;
  };
  std::unique_ptr<std::uint32_t[], FreeMemory> advance_cache_;
  float look_up(char32_t code_point) const;
  float cached(char32_t code_point) const;
};

// The four faces of one family.
struct FontFamily {
  std::array<std::shared_ptr<const FontFace>, 4> faces;
  const FontFace& face(FaceStyle style) const { return *faces[static_cast<int>(style)]; }
};

// A character the PDF cannot show, found by find_undrawable_character.
struct UndrawableCharacter {
  std::size_t offset = 0;   // byte offset in the text searched
  char32_t code_point = 0;
  std::string character;  // "U+1F600 GRINNING FACE", for messages
  // The face that lacks it, "LiberationSerif-Bold (bold)"; empty for a character outside the
  // Basic Multilingual Plane, which no face can print.
  std::string missing_from;
};

// Finds the first character of UTF-8 text that would not print as itself: one outside the
// Basic Multilingual Plane, which libharu 2.3 writes as a space (docs/dependencies.md, "UTF-8 text"), or one
// that a face of the family has no glyph for (CJK, emoji, most symbols in Liberation Serif).
// Line ends and tabs are layout, not glyphs, and are skipped.
std::optional<UndrawableCharacter> find_undrawable_character(std::string_view utf8, const FontFamily& fonts);

// File names looked for in a font folder, per style, in order: Liberation Serif (shipped in
// fonts/), then Times New Roman as Windows, macOS and Debian's msttcorefonts name it.
const std::array<std::vector<std::string>, 4>& known_font_files();

// Loads the four faces from a folder's files (see known_font_files). Throws Error "font.missing".
FontFamily load_font_family(const Resources& folder);

}  // namespace vanban::text
