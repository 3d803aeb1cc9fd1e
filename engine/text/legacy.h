// Legacy Vietnamese encodings: TCVN3 (ABC, the .VnTime fonts) and VNI-Windows, to Unicode
// and back. ICU has no converter for either (docs/dependencies.md, "ICU 72"), so the tables are built here
// from public mapping facts (the MIT-licensed vietnamese-conversion tables, checked against published
// words; docs/vietnamese.md).
//
// Old data reaches us in two states: the real 8-bit bytes (not valid UTF-8), or "mojibake",
// where the bytes went through Latin-1/Windows-1252 into UTF-8 ("B¶o Th¾ng" for "Bảo Thắng").
// Both are handled: each code point up to U+00FF, and each Windows-1252 symbol in
// 0x80–0x9F, stands for its byte; other code points pass through unchanged.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace vanban::text {

// TCVN3 and VNI by tables of their own; Windows-1258 (cp1258) through ICU's converter, its
// tone marks composed afterwards (ICU's cp1258 converter leaves them combining).
enum class LegacyEncoding { tcvn3, vni, cp1258 };

// "tcvn3", "vni" or "cp1258".
std::string_view legacy_encoding_name(LegacyEncoding encoding);
// How a message names it: "TCVN3 (ABC, .VnTime)", "VNI", "Windows-1258".
std::string_view legacy_encoding_title(LegacyEncoding encoding);
// Parses "tcvn3" (also "abc"), "vni" or "cp1258" (also "windows-1258"); nullopt otherwise.
std::optional<LegacyEncoding> parse_legacy_encoding(std::string_view name);

// Converts legacy text (raw bytes, or UTF-8 mojibake) to NFC UTF-8. TCVN3 has no codes for
// capital letters with tones: capitals were typed as lower case and shown in an "H" font
// (.VnTimeH), so capitals=true upper-cases the result (docs/vietnamese.md).
std::string convert_legacy(std::string_view input, LegacyEncoding from, bool capitals = false);

// Encodes Unicode text as legacy bytes. A character the encoding cannot hold is written as
// "?"; in TCVN3 a capital with a tone is written as its lower-case code, for an H font.
std::string encode_legacy(std::string_view utf8, LegacyEncoding to);

// Guesses whether a text is legacy-encoded (classify_value, below, for the whole of it).
// Returns the encoding that reads it; nullopt for Unicode text and for damaged UTF-8.
std::optional<LegacyEncoding> detect_legacy(std::string_view input);

// True for a word written as Vietnamese is: one syllable of letters, an initial consonant
// (b, ch, ngh, qu …), a vowel group (a, oa, uyê, ươi …) and a final (c, ch, m, n, ng, nh, p,
// t) as the language has them, at most one tone mark, and all in lower case, capitalised or
// all capitals. Legacy text read as Unicode is not: "V¨n" holds a symbol, "NguyÔn" a capital
// inside a word, "chøc" a letter Vietnamese does not use.
bool is_vietnamese_syllable(std::string_view word);

// The words of a text that hold a letter above ASCII, sorted into valid syllables and not
// (ASCII-only words and numbers say nothing either way and are not counted).
struct SyllableScore {
  int valid = 0, invalid = 0;
};
SyllableScore score_syllables(std::string_view utf8);

// One value of the data (an element's text, an attribute, a cell) judged alone, so that a
// workbook with one TCVN3 cell among five hundred Unicode ones converts that cell only:
//  - unicode: UTF-8 that reads as Vietnamese (or holds no letter above ASCII). A value with
//    a Vietnamese letter legacy text cannot produce (ă, đ, ơ, ư, ạ … above U+00FF) is always
//    unicode, and is never converted;
//  - legacy: bytes of TCVN3, VNI or Windows-1258, or such bytes read as Latin-1 into UTF-8,
//    whose conversion reads as Vietnamese where the text as it stands does not (short
//    values too: "NguyÔn V¨n An");
//  - damaged: bytes that are not UTF-8 and that no conversion reads (a letter cut in half).
struct ValueEncoding {
  enum class Kind { unicode, legacy, damaged };
  Kind kind = Kind::unicode;
  LegacyEncoding encoding = LegacyEncoding::tcvn3;  // legacy: the conversion that reads it
  std::size_t offset = 0, length = 0;               // damaged: the first bytes that are not UTF-8
};
// capitals: the value is set in a TCVN3 capitals face, and reads in capitals once converted.
ValueEncoding classify_value(std::string_view text, bool capitals = false);

// Whether a conversion from `encoding` reads the value as Vietnamese where it does not read
// as it stands (the rule classify_value judges each candidate by). A short value may be read
// by two ("Ông" is Windows-1258 and TCVN3 alike): the file's other values then decide.
bool legacy_reads(std::string_view text, LegacyEncoding encoding, bool capitals = false);

// The value converted from the encoding the user named, when that conversion reads it
// better than it reads as it stands; nullopt for a value to keep (Unicode, or text the
// conversion does not improve) and for damaged UTF-8. Raw bytes that are not damaged UTF-8
// are always converted: nothing else reads them.
std::optional<std::string> convert_value(std::string_view text, LegacyEncoding from, bool capitals = false);

// The byte offset of the first character of UTF-8 text that Vietnamese Unicode text does not
// use but legacy text read as Latin-1 does (¸ µ ø …): where detection found its evidence.
std::optional<std::size_t> find_legacy_mark(std::string_view utf8);

// True if a font name is a TCVN3 capitals face: ".VnTimeH", ".VnArialH" (an "H" after a
// ".Vn" name).
bool is_tcvn3_capitals_font(std::string_view font_name);

}  // namespace vanban::text
