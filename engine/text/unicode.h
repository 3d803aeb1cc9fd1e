// Unicode services for Vietnamese text. ICU lives in text/ only.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/utf8.h"

namespace vanban::text {

// Returns text in Unicode Normalization Form C. Decree 30 Phụ lục I, I.1 asks for TCVN 6909:2001,
// i.e. precomposed letters; libharu has no mark positioning, so NFD would print misplaced marks.
std::string to_nfc(std::string_view utf8);

// Upper-cases with Vietnamese rules (ICU locale "vi"): "quyết định" -> "QUYẾT ĐỊNH".
std::string to_upper_vi(std::string_view utf8);
// Lower-cases with Vietnamese rules.
std::string to_lower_vi(std::string_view utf8);
// Capitalises each word with Vietnamese rules, for names: "nguyễn văn đạt" -> "Nguyễn Văn Đạt".
std::string to_title_vi(std::string_view utf8);

// Folds Vietnamese to plain ASCII letters for file names that must survive any system:
// tones and vowel marks dropped (NFD, combining marks removed), đ to d, Đ to D. Characters
// with no ASCII letter inside are kept as they are; the caller decides about them.
std::string fold_to_ascii(std::string_view utf8);

// A key under which names a person reads as the same compare equal, for matching what a clerk
// typed (a column header, a sheet name) to what vanban knows: folded as fold_to_ascii,
// lower-cased, every run of characters that are not letters or digits made one space, and
// no space at the ends. "Chức vụ, đơn vị", "CHỨC VỤ - ĐƠN VỊ" and "chuc vu don vi" (in NFC
// or NFD) all give "chuc vu don vi".
std::string matching_key(std::string_view utf8);

// The first ill-formed sequence in text (base/utf8.h).
using vanban::find_invalid_utf8;
using vanban::InvalidBytes;

// A text file's bytes as UTF-8: a UTF-8 byte-order mark taken off; UTF-16 and UTF-32, little-
// or big-endian (Excel's "Unicode Text" is UTF-16LE), decoded, whether they start with a
// byte-order mark or are recognised by ICU's charset detector. Anything else is returned as
// it is, for its values to be judged one by one (legacy.h, classify_value). `encoding` says
// what was found: "UTF-8", "UTF-16LE" … .
struct DecodedFile {
  std::string text;
  std::string encoding = "UTF-8";
};
DecodedFile decode_text_file(std::string_view bytes);

// Decodes the code point at at and moves at past it; an invalid byte is U+FFFD, and at moves
// one byte. Inline: layout measures every word through it.
inline char32_t next_code_point(std::string_view utf8, std::size_t& at) {
  const auto byte = static_cast<unsigned char>(utf8[at]);
  if (byte < 0x80) {
    ++at;
    return byte;
  }
  const int length = (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 0;
  char32_t cp = length == 2 ? (byte & 0x1F) : length == 3 ? (byte & 0x0F) : (byte & 0x07);
  bool valid = length > 0 && at + static_cast<std::size_t>(length) <= utf8.size();
  for (int k = 1; valid && k < length; ++k) {
    const auto next = static_cast<unsigned char>(utf8[at + static_cast<std::size_t>(k)]);
    if ((next & 0xC0) != 0x80) valid = false;
    cp = (cp << 6) | (next & 0x3F);
  }
  if (!valid) {
    ++at;
    return U'\uFFFD';
  }
  at += static_cast<std::size_t>(length);
  return cp;
}

// Decodes UTF-8 into code points; invalid bytes become U+FFFD.
std::u32string decode_utf8(std::string_view utf8);
// Encodes one code point as UTF-8 onto out (base/utf8.h).
using vanban::append_utf8;

// True when text holds nothing a reader would see: only white space (any Unicode space, the
// no-break space among them) and invisible characters (zero-width spaces and joiners, the
// byte-order mark, soft hyphens, direction marks: ICU's Default_Ignorable_Code_Point). A
// required value of two zero-width spaces is as missing as an empty one.
bool is_blank_text(std::string_view utf8);

// The first character that has no place in a document's text: a control character (C0 other
// than tab, line feed and carriage return; DEL; C1) or a noncharacter (U+FDD0–U+FDEF, and
// U+xFFFE and U+xFFFF of every plane, which Unicode keeps for a program's internal use; vanban
// uses some to follow data values through its templates). Its byte offset and code point.
struct ForbiddenCharacter {
  std::size_t offset = 0;
  char32_t code_point = 0;
};
std::optional<ForbiddenCharacter> find_forbidden_character(std::string_view utf8);

// Finds where a line may break in text: the byte offsets at which a new line may start.
//
// Vietnamese is written one syllable per word and breaks only at spaces (no hyphenation), so
// the UAX #14 opportunities that ICU finds (locale "vi") are kept only where they follow a
// space. That alone keeps "54/KH-UBND" and "20/8/2019" whole, which ICU would split after "/"
// and "-". On top, these spaces are protected:
//  - before a word made only of punctuation ("2015 - 2020", "kinh tế ..."): no line starts
//    with a dash that would read as a bullet, nor with an ellipsis;
//  - after "Số:" before a number ("Số: 05", Decree 30 Phụ lục I, II.3);
//  - after an initial ("V. Phương") and between a number and its unit ("30 mm", "25 %");
//  - between a word that counts and its numeral ("lần thứ I", "phường 1", "Điều 3", "khoản
//    2", "số 01"): no line starts with a numeral that reads as a heading.
// A no-break space (U+00A0) in the data is never a break.
std::vector<std::size_t> find_break_opportunities(std::string_view utf8);

// Those of breaks (found by find_break_opportunities in utf8) that stand inside a date
// ("ngày 22 tháng 6 năm 2020", "ngày 22/6/2020"): a line should not break there, and does
// only where keeping the date whole would leave a line far too loose (layout gives these
// breaks a penalty, as TeX's \penalty does).
std::vector<std::size_t> find_discouraged_breaks(std::string_view utf8, const std::vector<std::size_t>& breaks);

// Finds the user-perceived character (grapheme cluster, UAX #29) boundaries inside text, as
// byte offsets: where a word too long for any line may be cut without splitting a letter
// from its marks.
std::vector<std::size_t> find_character_boundaries(std::string_view utf8);

}  // namespace vanban::text
