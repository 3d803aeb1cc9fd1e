// Legacy Vietnamese encodings: TCVN3 (ABC, the .VnTime fonts) and VNI-Windows, to Unicode
// and back. ICU has no converter for either (libraries.md §5), so the tables are built here
// from public mapping facts (decree30.md §16: the MIT-licensed vietnamese-conversion tables,
// checked against §16.3's vectors).
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

enum class LegacyEncoding { tcvn3, vni };

// "tcvn3" or "vni".
std::string_view legacy_encoding_name(LegacyEncoding encoding);
// Parses "tcvn3" (also "abc") or "vni"; nullopt otherwise.
std::optional<LegacyEncoding> parse_legacy_encoding(std::string_view name);

// Converts legacy text (raw bytes, or UTF-8 mojibake) to NFC UTF-8. TCVN3 has no codes for
// capital letters with tones: capitals were typed as lower case and shown in an "H" font
// (.VnTimeH), so capitals=true upper-cases the result (decree30.md §16.1).
std::string convert_legacy(std::string_view input, LegacyEncoding from, bool capitals = false);

// Encodes Unicode text as legacy bytes. A character the encoding cannot hold is written as
// "?"; in TCVN3 a capital with a tone is written as its lower-case code, for an H font.
std::string encode_legacy(std::string_view utf8, LegacyEncoding to);

// Guesses whether text is legacy-encoded: it must hold characters that Vietnamese Unicode
// text does not (Latin-1 symbols such as ¸ µ ø), and one conversion must clear nearly all of
// them. Returns the encoding that does; nullopt for ordinary Unicode text.
std::optional<LegacyEncoding> detect_legacy(std::string_view input);

// The byte offset of the first character of UTF-8 text that Vietnamese Unicode text does not
// use but legacy text read as Latin-1 does (¸ µ ø …): where detection found its evidence.
std::optional<std::size_t> find_legacy_mark(std::string_view utf8);

// True if a font name is a TCVN3 capitals face: ".VnTimeH", ".VnArialH" (an "H" after a
// ".Vn" name).
bool is_tcvn3_capitals_font(std::string_view font_name);

}  // namespace vanban::text
