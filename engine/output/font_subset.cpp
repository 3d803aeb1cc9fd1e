#include "output/font_subset.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>

#include "base/diagnostics.h"
#include "text/unicode.h"

namespace vanban::output {

namespace {

// A table of a face, read big-endian at byte offsets; 0 past its end.
class TableReader {
 public:
  TableReader(hb_face_t* face, hb_tag_t tag) : blob_(hb_face_reference_table(face, tag)) {
    data_ = hb_blob_get_data(blob_, &length_);
  }
  ~TableReader() { hb_blob_destroy(blob_); }
  TableReader(const TableReader&) = delete;
  TableReader& operator=(const TableReader&) = delete;

  bool empty() const { return length_ == 0; }
  unsigned u16(unsigned offset) const {
    if (offset + 2 > length_) return 0;
    return (static_cast<unsigned char>(data_[offset]) << 8) | static_cast<unsigned char>(data_[offset + 1]);
  }
  int i16(unsigned offset) const { return static_cast<std::int16_t>(u16(offset)); }
  std::int32_t i32(unsigned offset) const {
    return static_cast<std::int32_t>((static_cast<std::uint32_t>(u16(offset)) << 16) | u16(offset + 2));
  }

 private:
  hb_blob_t* blob_;
  const char* data_ = nullptr;
  unsigned length_ = 0;
};

// A face to subset: HarfBuzz's face and font over the file's bytes, and what the font
// descriptor needs from them.
struct SourceFace {
  SourceFace() = default;
  SourceFace(const SourceFace&) = delete;
  SourceFace& operator=(const SourceFace&) = delete;
  ~SourceFace() {
    hb_font_destroy(font);
    hb_face_destroy(face);
  }
  hb_face_t* face = nullptr;
  hb_font_t* font = nullptr;  // at units-per-em scale: advances in font units
  unsigned units_per_em = 1000;
  std::string postscript_name;
  FaceMetrics metrics;
};

std::string postscript_name_of(hb_face_t* face) {
  char name[128] = {};
  unsigned size = sizeof name;
  hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &size, name);
  std::string kept;  // a PDF name without escapes (PostScript names are printable ASCII anyway)
  for (const char* c = name; *c; ++c) {
    if ((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-') kept += *c;
  }
  return kept.empty() ? "Font" : kept;
}

// The descriptor's numbers from head, hhea, OS/2 and post (OpenType 1.9, each table's
// layout), scaled to 1/1000 em.
FaceMetrics metrics_of(hb_face_t* face, unsigned units_per_em) {
  const auto scaled = [units_per_em](int value) {
    return static_cast<int>(std::lround(value * 1000.0 / units_per_em));
  };
  FaceMetrics metrics;
  const TableReader head(face, HB_TAG('h', 'e', 'a', 'd'));
  for (int k = 0; k < 4; ++k) metrics.bbox[k] = scaled(head.i16(36 + 2 * static_cast<unsigned>(k)));
  const unsigned mac_style = head.u16(44);
  const TableReader hhea(face, HB_TAG('h', 'h', 'e', 'a'));
  metrics.ascent = scaled(hhea.i16(4));
  metrics.descent = scaled(hhea.i16(6));
  const TableReader os2(face, HB_TAG('O', 'S', '/', '2'));
  const unsigned weight = os2.empty() ? ((mac_style & 1) ? 700 : 400) : os2.u16(4);
  metrics.bold = weight >= 600 || (mac_style & 1);
  const int family_class = os2.i16(30) >> 8;  // IBM font class: 1–5 and 7 are serif faces
  metrics.serif = (family_class >= 1 && family_class <= 5) || family_class == 7;
  metrics.cap_height = os2.u16(0) >= 2 ? scaled(os2.i16(88)) : metrics.ascent * 7 / 10;
  // No font table gives the dominant stem width; this is the usual estimate from the
  // weight class (as Apache FOP and others write it), which viewers only use for hinting.
  metrics.stem_v = 50 + static_cast<int>((weight / 65.0) * (weight / 65.0));
  const TableReader post(face, HB_TAG('p', 'o', 's', 't'));
  metrics.italic_angle = post.i32(4) / 65536.0;
  return metrics;
}

// The face of a font file held in memory, for one subset. HarfBuzz reads the tables it
// needs from the bytes in place, when it needs them: making one costs next to nothing.
class OpenFace {
 public:
  OpenFace(std::string_view font_file, const std::string& name) {
    hb_blob_t* blob = hb_blob_create_or_fail(font_file.data(), static_cast<unsigned>(font_file.size()),
                                             HB_MEMORY_MODE_READONLY, nullptr, nullptr);
    if (!blob) fail("pdf.font", "cannot read font file", {name});
    source.face = hb_face_create(blob, 0);
    hb_blob_destroy(blob);
    hb_face_make_immutable(source.face);
    source.units_per_em = std::max(1u, hb_face_get_upem(source.face));
    source.font = hb_font_create(source.face);
    hb_font_make_immutable(source.font);
    source.postscript_name = postscript_name_of(source.face);
    source.metrics = metrics_of(source.face, source.units_per_em);
  }
  SourceFace source;
};

}  // namespace

std::uint16_t FontSubset::glyph_of(char32_t code_point) const {
  const auto found = std::lower_bound(glyphs.begin(), glyphs.end(), code_point,
                                      [](const auto& entry, char32_t cp) { return entry.first < cp; });
  return found != glyphs.end() && found->first == code_point ? found->second : 0;
}

CharacterCodes::CharacterCodes(const std::set<char32_t>& characters) : characters_(characters.begin(), characters.end()) {
  if (characters_.size() > 0xFFFE) fail("pdf.font", "a document may draw at most 65,534 different characters");
  for (std::size_t k = 0; k < characters_.size() && characters_[k] < 0x10000; ++k) {
    bmp_codes_.resize(characters_[k] + 1, 0);
    bmp_codes_[characters_[k]] = static_cast<std::uint16_t>(k + 1);
  }
}

std::uint16_t CharacterCodes::code_of(char32_t character) const {
  if (character < bmp_codes_.size()) return bmp_codes_[character];
  if (character < 0x10000) return 0;
  const auto found = std::lower_bound(characters_.begin(), characters_.end(), character);
  return found != characters_.end() && *found == character ? static_cast<std::uint16_t>(found - characters_.begin() + 1) : 0;
}

void CharacterCodes::append_string(std::string& out, std::string_view utf8) const {
  out += '(';
  for (std::size_t at = 0; at < utf8.size();) {
    const unsigned code = code_of(text::next_code_point(utf8, at));
    for (const auto byte : {static_cast<char>(code >> 8), static_cast<char>(code & 0xFF)}) {
      // A literal string's bytes are its own but for these (PDF 32000-1, 7.3.4.2): the
      // delimiters and the escape are escaped, and an end of line, which a reader would
      // read as a line feed, is written as its escape.
      switch (byte) {
        case '(': out += "\\("; break;
        case ')': out += "\\)"; break;
        case '\\': out += "\\\\"; break;
        case '\r': out += "\\r"; break;
        case '\n': out += "\\n"; break;
        default: out += byte;
      }
    }
  }
  out += ')';
}

std::string CharacterCodes::string(std::string_view utf8) const {
  std::string out;
  out.reserve(utf8.size() * 2 + 2);
  append_string(out, utf8);
  return out;
}

FontSubset subset_font(std::string_view font_file, const std::string& path, const std::set<char32_t>& code_points) {
  const OpenFace open(font_file, path);
  const SourceFace& source = open.source;
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  if (!input) fail("pdf.font", "hb-subset is out of memory");
  hb_set_t* unicodes = hb_subset_input_unicode_set(input);
  for (char32_t cp : code_points) hb_set_add(unicodes, cp);
  hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
  // The PDF writer places every glyph itself, maps codes to glyphs by identity and writes
  // names and metrics in the font descriptor: layout tables, kerning, cmap, name, post and
  // OS/2 are dead weight in the embedded program. A CIDFontType2's program needs only head,
  // hhea, loca, maxp, glyf and hmtx, with cvt, fpgm and prep for hinting (PDF 32000-1,
  // 9.9; dvipdfmx embeds the same set).
  hb_set_t* drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (auto tag : {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
                   HB_TAG('k', 'e', 'r', 'n'), HB_TAG('g', 'a', 's', 'p'), HB_TAG('D', 'S', 'I', 'G'),
                   HB_TAG('c', 'm', 'a', 'p'), HB_TAG('n', 'a', 'm', 'e'), HB_TAG('p', 'o', 's', 't'),
                   HB_TAG('O', 'S', '/', '2')}) {
    hb_set_add(drop, tag);
  }
  hb_subset_plan_t* plan = hb_subset_plan_create_or_fail(source.face, input);
  hb_subset_input_destroy(input);
  if (!plan) fail("pdf.font", "hb-subset could not plan the subset of the font", {path});

  FontSubset subset;
  subset.postscript_name = source.postscript_name;
  subset.metrics = source.metrics;
  const hb_map_t* unicode_to_old = hb_subset_plan_unicode_to_old_glyph_mapping(plan);
  const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan);
  const hb_map_t* new_to_old = hb_subset_plan_new_to_old_glyph_mapping(plan);
  for (char32_t cp : code_points) {
    const hb_codepoint_t old_glyph = hb_map_get(unicode_to_old, cp);
    if (old_glyph == HB_MAP_VALUE_INVALID) continue;
    const hb_codepoint_t new_glyph = hb_map_get(old_to_new, old_glyph);
    if (new_glyph != HB_MAP_VALUE_INVALID) subset.glyphs.emplace_back(cp, static_cast<std::uint16_t>(new_glyph));
  }
  const unsigned glyph_count = hb_map_get_population(new_to_old);
  subset.widths.resize(glyph_count);
  for (unsigned glyph = 0; glyph < glyph_count; ++glyph) {
    const hb_codepoint_t old_glyph = hb_map_get(new_to_old, glyph);
    const hb_position_t advance =
        old_glyph == HB_MAP_VALUE_INVALID ? 0 : hb_font_get_glyph_h_advance(source.font, old_glyph);
    subset.widths[glyph] = static_cast<int>(std::lround(advance * 1000.0 / source.units_per_em));
  }

  hb_face_t* face = hb_subset_plan_execute_or_fail(plan);
  hb_subset_plan_destroy(plan);
  if (!face) fail("pdf.font", "hb-subset could not subset the font", {path});
  hb_blob_t* blob = hb_face_reference_blob(face);
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob, &length);
  subset.program.assign(data, length);
  hb_blob_destroy(blob);
  hb_face_destroy(face);
  if (subset.program.empty()) fail("pdf.font", "hb-subset gave an empty font", {path});
  return subset;
}

}  // namespace vanban::output
