#include "text/font.h"

#include <atomic>
#include <bit>
#include <cstdlib>
#include <new>

#include <vanban/resources.h>

#include <hb-ot.h>
#include <hb.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "base/diagnostics.h"
#include "text/unicode.h"

namespace vanban::text {

namespace {
// In the advance cache (font.h): an entry not yet looked up, and a code point the face has no
// glyph for. An advance of +0 is kept as -0, which is the same width and not 0's bits.
constexpr std::uint32_t not_looked_up = 0;
constexpr float no_glyph = -2.0f;
}  // namespace

void FontFace::FreeMemory::operator()(std::uint32_t* memory) const { std::free(memory); }


FaceStyle face_style(bool bold, bool italic) {
  return bold ? (italic ? FaceStyle::bold_italic : FaceStyle::bold) : (italic ? FaceStyle::italic : FaceStyle::regular);
}

std::string_view face_style_name(FaceStyle style) {
  switch (style) {
    case FaceStyle::regular: return "regular";
    case FaceStyle::bold: return "bold";
    case FaceStyle::italic: return "italic";
    case FaceStyle::bold_italic: return "bold-italic";
  }
  return "regular";
}

struct FontFace::HbFont {
  hb_font_t* font = nullptr;
  ~HbFont() { hb_font_destroy(font); }
};

FontFace::~FontFace() = default;

std::shared_ptr<const FontFace> FontFace::load(std::string bytes, const std::string& name) {
  std::shared_ptr<FontFace> result(new FontFace());
  result->name_ = name;
  result->bytes_ = std::move(bytes);
  hb_blob_t* blob = hb_blob_create_or_fail(result->bytes_.data(), static_cast<unsigned>(result->bytes_.size()),
                                           HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  if (!blob) fail("font.load", "cannot read font file", {name});
  hb_face_t* face = hb_face_create(blob, 0);
  hb_blob_destroy(blob);
  if (hb_face_get_glyph_count(face) == 0) {
    hb_face_destroy(face);
    fail("font.load", "not a TrueType font (no glyphs)", {name});
  }
  result->font_ = std::make_unique<HbFont>();
  result->font_->font = hb_font_create(face);
  result->units_per_em_ = hb_face_get_upem(face);

  char postscript[128] = {};
  unsigned int length = sizeof postscript;
  hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &length, postscript);
  result->postscript_name_ = postscript;
  hb_face_destroy(face);

  hb_font_extents_t extents{};
  hb_font_get_h_extents(result->font_->font, &extents);
  result->ascent_ = extents.ascender / result->units_per_em_;
  result->descent_ = -extents.descender / result->units_per_em_;
  result->line_gap_ = extents.line_gap / result->units_per_em_;
  hb_font_make_immutable(result->font_->font);
  result->advance_cache_.reset(static_cast<std::uint32_t*>(std::calloc(0x10000, sizeof(std::uint32_t))));
  if (!result->advance_cache_) throw std::bad_alloc();
  return result;
}

float FontFace::look_up(char32_t code_point) const {
  hb_codepoint_t glyph = 0;
  if (!hb_font_get_nominal_glyph(font_->font, code_point, &glyph)) return no_glyph;
  // Every call answers what the cache holds, the first one too: the same text measures the
  // same in the first document of a batch as in the last, whatever the face's units per em.
  return static_cast<float>(hb_font_get_glyph_h_advance(font_->font, glyph) / units_per_em_);
}

float FontFace::cached(char32_t code_point) const {
  if (code_point >= 0x10000) return look_up(code_point);
  std::atomic_ref<std::uint32_t> entry(advance_cache_[code_point]);
  const std::uint32_t bits = entry.load(std::memory_order_relaxed);
  if (bits != not_looked_up) return std::bit_cast<float>(bits);
  const float known = look_up(code_point);
  entry.store(std::bit_cast<std::uint32_t>(known == 0.0f ? -0.0f : known), std::memory_order_relaxed);
  return known;
}

// A mark may have a glyph of no advance: presence and width are told apart in the cache.
bool FontFace::has_glyph(char32_t code_point) const { return cached(code_point) != no_glyph; }

double FontFace::advance(char32_t code_point) const {
  const float known = cached(code_point);
  return known == no_glyph ? 0 : known;
}

double FontFace::text_width(std::string_view utf8, double size) const {
  double width = 0;
  for (std::size_t at = 0; at < utf8.size();) width += advance(next_code_point(utf8, at));
  return width * size;
}

namespace {

// "U+1F600 GRINNING FACE": the code point and its Unicode name, so that an invisible or
// unfamiliar character can be recognised in a message.
std::string describe_code_point(char32_t code_point) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string hex;
  for (char32_t rest = code_point; rest != 0 || hex.size() < 4; rest >>= 4) hex.insert(hex.begin(), digits[rest & 15]);
  std::string out = "U+" + hex;
  char name[256];
  UErrorCode status = U_ZERO_ERROR;
  const int32_t length = u_charName(static_cast<UChar32>(code_point), U_UNICODE_CHAR_NAME, name, sizeof name, &status);
  if (U_SUCCESS(status) && length > 0) out += " " + std::string(name, static_cast<std::size_t>(length));
  return out;
}

}  // namespace

std::optional<UndrawableCharacter> find_undrawable_character(std::string_view utf8, const FontFamily& fonts) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  int32_t at = 0;
  while (at < length) {
    const auto start = static_cast<std::size_t>(at);
    UChar32 c;
    U8_NEXT(bytes, at, length, c);
    if ((c >= 0x20 && c < 0x7F) || c == '\n' || c == '\r' || c == '\t') continue;  // in every face, or layout
    const auto code_point = static_cast<char32_t>(c < 0 ? 0xFFFD : c);
    if (code_point > 0xFFFF) {
      return UndrawableCharacter{start, code_point, describe_code_point(code_point), {}};
    }
    for (int style = 0; style < 4; ++style) {
      const FontFace& face = *fonts.faces[static_cast<std::size_t>(style)];
      if (!face.has_glyph(code_point)) {
        return UndrawableCharacter{start, code_point, describe_code_point(code_point),
                                   face.postscript_name() + " (" + std::string(face_style_name(static_cast<FaceStyle>(style))) + ")"};
      }
    }
  }
  return std::nullopt;
}

const std::array<std::vector<std::string>, 4>& known_font_files() {
  static const std::array<std::vector<std::string>, 4> files = {{
      {"LiberationSerif-Regular.ttf", "times.ttf", "Times New Roman.ttf", "Times_New_Roman.ttf"},
      {"LiberationSerif-Bold.ttf", "timesbd.ttf", "Times New Roman Bold.ttf", "Times_New_Roman_Bold.ttf"},
      {"LiberationSerif-Italic.ttf", "timesi.ttf", "Times New Roman Italic.ttf", "Times_New_Roman_Italic.ttf"},
      {"LiberationSerif-BoldItalic.ttf", "timesbi.ttf", "Times New Roman Bold Italic.ttf",
       "Times_New_Roman_Bold_Italic.ttf"},
  }};
  return files;
}

FontFamily load_font_family(const Resources& folder) {
  // A face of Times New Roman is under 1 MB; 64 MB is beyond any font of the kind.
  constexpr std::size_t max_font_bytes = std::size_t{64} << 20;
  FontFamily family;
  for (int style = 0; style < 4; ++style) {
    for (const auto& file : known_font_files()[style]) {
      if (auto bytes = folder.read(file, max_font_bytes)) {
        family.faces[style] = FontFace::load(std::move(*bytes), folder.describe(file));
        break;
      }
    }
    if (!family.faces[style]) {
      fail_with("font.missing", "no {} face found; looked for {} or {}",
                {std::string(face_style_name(static_cast<FaceStyle>(style))), known_font_files()[style][0],
                 known_font_files()[style][1]},
                {folder.describe("")});
    }
  }
  return family;
}

}  // namespace vanban::text
