#include "text/legacy.h"

#include <algorithm>
#include <array>
#include <map>
#include <vector>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "text/unicode.h"

namespace vanban::text {

namespace {

// TCVN3 (ABC): the bytes that stand for Vietnamese letters. The lower-case letters and the
// seven capitals Ă Â Đ Ê Ô Ơ Ư; ư is 0xAD, the soft hyphen of Windows-1252.
constexpr std::pair<unsigned char, char32_t> tcvn3_letters[] = {
      {0xA1, U'\u0102'},  // Ă
      {0xA2, U'\u00C2'},  // Â
      {0xA3, U'\u00CA'},  // Ê
      {0xA4, U'\u00D4'},  // Ô
      {0xA5, U'\u01A0'},  // Ơ
      {0xA6, U'\u01AF'},  // Ư
      {0xA7, U'\u0110'},  // Đ
      {0xA8, U'\u0103'},  // ă
      {0xA9, U'\u00E2'},  // â
      {0xAA, U'\u00EA'},  // ê
      {0xAB, U'\u00F4'},  // ô
      {0xAC, U'\u01A1'},  // ơ
      {0xAD, U'\u01B0'},  // ư
      {0xAE, U'\u0111'},  // đ
      {0xB5, U'\u00E0'},  // à
      {0xB6, U'\u1EA3'},  // ả
      {0xB7, U'\u00E3'},  // ã
      {0xB8, U'\u00E1'},  // á
      {0xB9, U'\u1EA1'},  // ạ
      {0xBB, U'\u1EB1'},  // ằ
      {0xBC, U'\u1EB3'},  // ẳ
      {0xBD, U'\u1EB5'},  // ẵ
      {0xBE, U'\u1EAF'},  // ắ
      {0xC6, U'\u1EB7'},  // ặ
      {0xC7, U'\u1EA7'},  // ầ
      {0xC8, U'\u1EA9'},  // ẩ
      {0xC9, U'\u1EAB'},  // ẫ
      {0xCA, U'\u1EA5'},  // ấ
      {0xCB, U'\u1EAD'},  // ậ
      {0xCC, U'\u00E8'},  // è
      {0xCE, U'\u1EBB'},  // ẻ
      {0xCF, U'\u1EBD'},  // ẽ
      {0xD0, U'\u00E9'},  // é
      {0xD1, U'\u1EB9'},  // ẹ
      {0xD2, U'\u1EC1'},  // ề
      {0xD3, U'\u1EC3'},  // ể
      {0xD4, U'\u1EC5'},  // ễ
      {0xD5, U'\u1EBF'},  // ế
      {0xD6, U'\u1EC7'},  // ệ
      {0xD7, U'\u00EC'},  // ì
      {0xD8, U'\u1EC9'},  // ỉ
      {0xDC, U'\u0129'},  // ĩ
      {0xDD, U'\u00ED'},  // í
      {0xDE, U'\u1ECB'},  // ị
      {0xDF, U'\u00F2'},  // ò
      {0xE1, U'\u1ECF'},  // ỏ
      {0xE2, U'\u00F5'},  // õ
      {0xE3, U'\u00F3'},  // ó
      {0xE4, U'\u1ECD'},  // ọ
      {0xE5, U'\u1ED3'},  // ồ
      {0xE6, U'\u1ED5'},  // ổ
      {0xE7, U'\u1ED7'},  // ỗ
      {0xE8, U'\u1ED1'},  // ố
      {0xE9, U'\u1ED9'},  // ộ
      {0xEA, U'\u1EDD'},  // ờ
      {0xEB, U'\u1EDF'},  // ở
      {0xEC, U'\u1EE1'},  // ỡ
      {0xED, U'\u1EDB'},  // ớ
      {0xEE, U'\u1EE3'},  // ợ
      {0xEF, U'\u00F9'},  // ù
      {0xF1, U'\u1EE7'},  // ủ
      {0xF2, U'\u0169'},  // ũ
      {0xF3, U'\u00FA'},  // ú
      {0xF4, U'\u1EE5'},  // ụ
      {0xF5, U'\u1EEB'},  // ừ
      {0xF6, U'\u1EED'},  // ử
      {0xF7, U'\u1EEF'},  // ữ
      {0xF8, U'\u1EE9'},  // ứ
      {0xF9, U'\u1EF1'},  // ự
      {0xFA, U'\u1EF3'},  // ỳ
      {0xFB, U'\u1EF7'},  // ỷ
      {0xFC, U'\u1EF9'},  // ỹ
      {0xFD, U'\u00FD'},  // ý
      {0xFE, U'\u1EF5'},  // ỵ
};

// VNI-Windows: each letter as a base byte and a mark byte, or one byte (đ, ơ, ư, some i and
// y forms), in Windows-1252 positions.
constexpr std::pair<char32_t, const char*> vni_letters[] = {
      {U'\u00C0', "A\xD8"},  // À
      {U'\u00C1', "A\xD9"},  // Á
      {U'\u00C2', "A\xC2"},  // Â
      {U'\u00C3', "A\xD5"},  // Ã
      {U'\u00C8', "E\xD8"},  // È
      {U'\u00C9', "E\xD9"},  // É
      {U'\u00CA', "E\xC2"},  // Ê
      {U'\u00CC', "\xCC"},  // Ì
      {U'\u00CD', "\xCD"},  // Í
      {U'\u00D2', "O\xD8"},  // Ò
      {U'\u00D3', "O\xD9"},  // Ó
      {U'\u00D4', "O\xC2"},  // Ô
      {U'\u00D5', "O\xD5"},  // Õ
      {U'\u00D9', "U\xD8"},  // Ù
      {U'\u00DA', "U\xD9"},  // Ú
      {U'\u00DD', "Y\xD9"},  // Ý
      {U'\u00E0', "a\xF8"},  // à
      {U'\u00E1', "a\xF9"},  // á
      {U'\u00E2', "a\xE2"},  // â
      {U'\u00E3', "a\xF5"},  // ã
      {U'\u00E8', "e\xF8"},  // è
      {U'\u00E9', "e\xF9"},  // é
      {U'\u00EA', "e\xE2"},  // ê
      {U'\u00EC', "\xEC"},  // ì
      {U'\u00ED', "\xED"},  // í
      {U'\u00F2', "o\xF8"},  // ò
      {U'\u00F3', "o\xF9"},  // ó
      {U'\u00F4', "o\xE2"},  // ô
      {U'\u00F5', "o\xF5"},  // õ
      {U'\u00F9', "u\xF8"},  // ù
      {U'\u00FA', "u\xF9"},  // ú
      {U'\u00FD', "y\xF9"},  // ý
      {U'\u0102', "A\xCA"},  // Ă
      {U'\u0103', "a\xEA"},  // ă
      {U'\u0110', "\xD1"},  // Đ
      {U'\u0111', "\xF1"},  // đ
      {U'\u0128', "\xD3"},  // Ĩ
      {U'\u0129', "\xF3"},  // ĩ
      {U'\u0168', "U\xD5"},  // Ũ
      {U'\u0169', "u\xF5"},  // ũ
      {U'\u01A0', "\xD4"},  // Ơ
      {U'\u01A1', "\xF4"},  // ơ
      {U'\u01AF', "\xD6"},  // Ư
      {U'\u01B0', "\xF6"},  // ư
      {U'\u1EA0', "A\xCF"},  // Ạ
      {U'\u1EA1', "a\xEF"},  // ạ
      {U'\u1EA2', "A\xDB"},  // Ả
      {U'\u1EA3', "a\xFB"},  // ả
      {U'\u1EA4', "A\xC1"},  // Ấ
      {U'\u1EA5', "a\xE1"},  // ấ
      {U'\u1EA6', "A\xC0"},  // Ầ
      {U'\u1EA7', "a\xE0"},  // ầ
      {U'\u1EA8', "A\xC5"},  // Ẩ
      {U'\u1EA9', "a\xE5"},  // ẩ
      {U'\u1EAA', "A\xC3"},  // Ẫ
      {U'\u1EAB', "a\xE3"},  // ẫ
      {U'\u1EAC', "A\xC4"},  // Ậ
      {U'\u1EAD', "a\xE4"},  // ậ
      {U'\u1EAE', "A\xC9"},  // Ắ
      {U'\u1EAF', "a\xE9"},  // ắ
      {U'\u1EB0', "A\xC8"},  // Ằ
      {U'\u1EB1', "a\xE8"},  // ằ
      {U'\u1EB2', "A\xDA"},  // Ẳ
      {U'\u1EB3', "a\xFA"},  // ẳ
      {U'\u1EB4', "A\xDC"},  // Ẵ
      {U'\u1EB5', "a\xFC"},  // ẵ
      {U'\u1EB6', "A\xCB"},  // Ặ
      {U'\u1EB7', "a\xEB"},  // ặ
      {U'\u1EB8', "E\xCF"},  // Ẹ
      {U'\u1EB9', "e\xEF"},  // ẹ
      {U'\u1EBA', "E\xDB"},  // Ẻ
      {U'\u1EBB', "e\xFB"},  // ẻ
      {U'\u1EBC', "E\xD5"},  // Ẽ
      {U'\u1EBD', "e\xF5"},  // ẽ
      {U'\u1EBE', "E\xC1"},  // Ế
      {U'\u1EBF', "e\xE1"},  // ế
      {U'\u1EC0', "E\xC0"},  // Ề
      {U'\u1EC1', "e\xE0"},  // ề
      {U'\u1EC2', "E\xC5"},  // Ể
      {U'\u1EC3', "e\xE5"},  // ể
      {U'\u1EC4', "E\xC3"},  // Ễ
      {U'\u1EC5', "e\xE3"},  // ễ
      {U'\u1EC6', "E\xC4"},  // Ệ
      {U'\u1EC7', "e\xE4"},  // ệ
      {U'\u1EC8', "\xC6"},  // Ỉ
      {U'\u1EC9', "\xE6"},  // ỉ
      {U'\u1ECA', "\xD2"},  // Ị
      {U'\u1ECB', "\xF2"},  // ị
      {U'\u1ECC', "O\xCF"},  // Ọ
      {U'\u1ECD', "o\xEF"},  // ọ
      {U'\u1ECE', "O\xDB"},  // Ỏ
      {U'\u1ECF', "o\xFB"},  // ỏ
      {U'\u1ED0', "O\xC1"},  // Ố
      {U'\u1ED1', "o\xE1"},  // ố
      {U'\u1ED2', "O\xC0"},  // Ồ
      {U'\u1ED3', "o\xE0"},  // ồ
      {U'\u1ED4', "O\xC5"},  // Ổ
      {U'\u1ED5', "o\xE5"},  // ổ
      {U'\u1ED6', "O\xC3"},  // Ỗ
      {U'\u1ED7', "o\xE3"},  // ỗ
      {U'\u1ED8', "O\xC4"},  // Ộ
      {U'\u1ED9', "o\xE4"},  // ộ
      {U'\u1EDA', "\xD4\xD9"},  // Ớ
      {U'\u1EDB', "\xF4\xF9"},  // ớ
      {U'\u1EDC', "\xD4\xD8"},  // Ờ
      {U'\u1EDD', "\xF4\xF8"},  // ờ
      {U'\u1EDE', "\xD4\xDB"},  // Ở
      {U'\u1EDF', "\xF4\xFB"},  // ở
      {U'\u1EE0', "\xD4\xD5"},  // Ỡ
      {U'\u1EE1', "\xF4\xF5"},  // ỡ
      {U'\u1EE2', "\xD4\xCF"},  // Ợ
      {U'\u1EE3', "\xF4\xEF"},  // ợ
      {U'\u1EE4', "U\xCF"},  // Ụ
      {U'\u1EE5', "u\xEF"},  // ụ
      {U'\u1EE6', "U\xDB"},  // Ủ
      {U'\u1EE7', "u\xFB"},  // ủ
      {U'\u1EE8', "\xD6\xD9"},  // Ứ
      {U'\u1EE9', "\xF6\xF9"},  // ứ
      {U'\u1EEA', "\xD6\xD8"},  // Ừ
      {U'\u1EEB', "\xF6\xF8"},  // ừ
      {U'\u1EEC', "\xD6\xDB"},  // Ử
      {U'\u1EED', "\xF6\xFB"},  // ử
      {U'\u1EEE', "\xD6\xD5"},  // Ữ
      {U'\u1EEF', "\xF6\xF5"},  // ữ
      {U'\u1EF0', "\xD6\xCF"},  // Ự
      {U'\u1EF1', "\xF6\xEF"},  // ự
      {U'\u1EF2', "Y\xD8"},  // Ỳ
      {U'\u1EF3', "y\xF8"},  // ỳ
      {U'\u1EF4', "\xCE"},  // Ỵ
      {U'\u1EF5', "\xEE"},  // ỵ
      {U'\u1EF6', "Y\xDB"},  // Ỷ
      {U'\u1EF7', "y\xFB"},  // ỷ
      {U'\u1EF8', "Y\xD5"},  // Ỹ
      {U'\u1EF9', "y\xF5"},  // ỹ
};

// Windows-1252's symbols in 0x80–0x9F; TCVN3 keeps them (docs/vietnamese.md).
constexpr std::pair<unsigned char, char32_t> cp1252_symbols[] = {
    {0x80, U'\u20AC'}, {0x82, U'\u201A'}, {0x83, U'\u0192'}, {0x84, U'\u201E'}, {0x85, U'\u2026'},
    {0x86, U'\u2020'}, {0x87, U'\u2021'}, {0x88, U'\u02C6'}, {0x89, U'\u2030'}, {0x8A, U'\u0160'},
    {0x8B, U'\u2039'}, {0x8C, U'\u0152'}, {0x8E, U'\u017D'}, {0x91, U'\u2018'}, {0x92, U'\u2019'},
    {0x93, U'\u201C'}, {0x94, U'\u201D'}, {0x95, U'\u2022'}, {0x96, U'\u2013'}, {0x97, U'\u2014'},
    {0x98, U'\u02DC'}, {0x99, U'\u2122'}, {0x9A, U'\u0161'}, {0x9B, U'\u203A'}, {0x9C, U'\u0153'},
    {0x9E, U'\u017E'}, {0x9F, U'\u0178'},
};

// The input as units: a value below 0x100 is a byte, any other a code point passed through.
std::u32string to_units(std::string_view input) {
  std::u32string units;
  if (find_invalid_utf8(input)) {  // real 8-bit bytes
    for (unsigned char c : input) units.push_back(c);
    return units;
  }
  for (char32_t cp : decode_utf8(input)) {
    char32_t unit = cp;
    for (const auto& [byte, symbol] : cp1252_symbols) {
      if (symbol == cp) unit = byte;
    }
    units.push_back(unit);
  }
  return units;
}

char32_t cp1252_of(unsigned char byte) {
  for (const auto& [b, symbol] : cp1252_symbols) {
    if (b == byte) return symbol;
  }
  return byte;
}

const std::map<unsigned char, char32_t>& tcvn3_decoding() {
  static const std::map<unsigned char, char32_t> table(std::begin(tcvn3_letters), std::end(tcvn3_letters));
  return table;
}

std::string decode_tcvn3(const std::u32string& units) {
  std::string out;
  const auto& table = tcvn3_decoding();
  for (char32_t unit : units) {
    char32_t cp = unit;
    if (unit < 0x100) {
      const auto found = table.find(static_cast<unsigned char>(unit));
      cp = found != table.end() ? found->second : cp1252_of(static_cast<unsigned char>(unit));
    }
    append_utf8(cp, out);
  }
  return out;
}

// VNI sequences (one or two bytes) to their letters, longest first when decoding.
const std::map<std::u32string, char32_t>& vni_decoding() {
  static const std::map<std::u32string, char32_t> table = [] {
    std::map<std::u32string, char32_t> made;
    for (const auto& [letter, bytes] : vni_letters) {
      std::u32string key;
      for (const char* b = bytes; *b; ++b) key.push_back(static_cast<unsigned char>(*b));
      made.emplace(key, letter);
    }
    return made;
  }();
  return table;
}

std::string decode_vni(const std::u32string& units) {
  std::string out;
  const auto& table = vni_decoding();
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (i + 1 < units.size()) {
      const auto pair = table.find(units.substr(i, 2));
      if (pair != table.end()) {
        append_utf8(pair->second, out);
        ++i;
        continue;
      }
    }
    const auto single = table.find(units.substr(i, 1));
    if (single != table.end()) append_utf8(single->second, out);
    else append_utf8(units[i] < 0x100 ? cp1252_of(static_cast<unsigned char>(units[i])) : units[i], out);
  }
  return out;
}

// The letters of Vietnamese Unicode text above ASCII: the 134 of the tables.
bool is_vietnamese_letter(char32_t cp) {
  static const std::vector<char32_t> letters = [] {
    std::vector<char32_t> made;
    for (const auto& entry : vni_letters) made.push_back(entry.first);
    std::sort(made.begin(), made.end());
    return made;
  }();
  return std::binary_search(letters.begin(), letters.end(), cp);
}

// How much of the text looks like legacy bytes: Latin-1 characters that no Vietnamese word
// uses (¸ µ ø …), and Windows-1252 control positions.
int legacy_marks(std::string_view utf8) {
  int count = 0;
  for (char32_t cp : decode_utf8(utf8)) {
    if (cp >= 0x80 && cp <= 0xFF && !is_vietnamese_letter(cp) && cp != 0xA0) ++count;
  }
  return count;
}

}  // namespace

std::string_view legacy_encoding_name(LegacyEncoding encoding) {
  switch (encoding) {
    case LegacyEncoding::tcvn3: return "tcvn3";
    case LegacyEncoding::vni: return "vni";
    case LegacyEncoding::cp1258: return "cp1258";
  }
  return "tcvn3";
}

std::string_view legacy_encoding_title(LegacyEncoding encoding) {
  switch (encoding) {
    case LegacyEncoding::tcvn3: return "TCVN3 (ABC, .VnTime)";
    case LegacyEncoding::vni: return "VNI";
    case LegacyEncoding::cp1258: return "Windows-1258";
  }
  return "TCVN3";
}

std::optional<LegacyEncoding> parse_legacy_encoding(std::string_view name) {
  if (name == "tcvn3" || name == "abc") return LegacyEncoding::tcvn3;
  if (name == "vni") return LegacyEncoding::vni;
  if (name == "cp1258" || name == "windows-1258") return LegacyEncoding::cp1258;
  return std::nullopt;
}

namespace {

// Windows-1258 through ICU ("cp1258": "windows-1258" is an ambiguous alias there), then NFC,
// since its tones are combining marks after the letter.
std::string decode_cp1258(const std::u32string& units) {
  std::string bytes;
  std::string passed;  // code points above a byte pass through, after the bytes before them
  icu::UnicodeString text;
  const auto flush = [&] {
    if (bytes.empty()) return;
    text.append(icu::UnicodeString(bytes.data(), static_cast<int32_t>(bytes.size()), "cp1258"));
    bytes.clear();
  };
  for (char32_t unit : units) {
    if (unit < 0x100) {
      bytes += static_cast<char>(unit);
    } else {
      flush();
      text.append(static_cast<UChar32>(unit));
    }
  }
  flush();
  std::string out;
  text.toUTF8String(out);
  return to_nfc(out);
}

}  // namespace

std::string convert_legacy(std::string_view input, LegacyEncoding from, bool capitals) {
  const std::u32string units = to_units(input);
  std::string out;
  switch (from) {
    case LegacyEncoding::tcvn3: out = to_nfc(decode_tcvn3(units)); break;
    case LegacyEncoding::vni: out = to_nfc(decode_vni(units)); break;
    case LegacyEncoding::cp1258: out = decode_cp1258(units); break;
  }
  return capitals ? to_upper_vi(out) : out;
}

namespace {

// Windows-1258 keeps â ă ê ô ơ ư (and đ) as letters and writes tones as combining marks after
// them: decompose the tones only, then let ICU encode.
std::string encode_cp1258(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  const icu::UnicodeString decomposed =
      nfd->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size()))), status);
  icu::UnicodeString letters, out;
  std::vector<UChar32> tones;
  const auto flush = [&] {
    out.append(nfc->normalize(letters, status));
    for (UChar32 tone : tones) out.append(tone);
    letters.remove();
    tones.clear();
  };
  for (int32_t k = 0; k < decomposed.length();) {
    const UChar32 c = decomposed.char32At(k);
    k += U16_LENGTH(c);
    const bool tone = c == 0x300 || c == 0x301 || c == 0x303 || c == 0x309 || c == 0x323;
    if (u_getCombiningClass(c) == 0) flush();
    if (tone) tones.push_back(c);
    else letters.append(c);
  }
  flush();
  const int32_t size = out.extract(0, out.length(), nullptr, 0, "cp1258");
  std::string bytes(static_cast<std::size_t>(size), '\0');
  out.extract(0, out.length(), bytes.data(), static_cast<uint32_t>(size), "cp1258");
  return bytes;
}

}  // namespace

std::string encode_legacy(std::string_view utf8, LegacyEncoding to) {
  if (to == LegacyEncoding::cp1258) return encode_cp1258(utf8);
  std::map<char32_t, std::string> table;
  if (to == LegacyEncoding::tcvn3) {
    for (const auto& [byte, letter] : tcvn3_letters) table[letter] = std::string(1, static_cast<char>(byte));
  } else {
    for (const auto& [letter, bytes] : vni_letters) table[letter] = bytes;
  }
  for (const auto& [byte, symbol] : cp1252_symbols) table.emplace(symbol, std::string(1, static_cast<char>(byte)));
  std::string out;
  for (char32_t cp : decode_utf8(to_nfc(utf8))) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
      continue;
    }
    auto found = table.find(cp);
    if (found == table.end()) {
      // TCVN3 has no capitals with tones: the lower-case code, to be shown in an H font.
      std::string one;
      append_utf8(cp, one);
      const std::u32string lower = decode_utf8(to_lower_vi(one));
      if (lower.size() == 1) found = table.find(lower.front());
    }
    out += found != table.end() ? found->second : "?";
  }
  return out;
}

namespace {

// Of the bytes above ASCII, how many form valid UTF-8 sequences and how many do not. Text
// that is mostly valid UTF-8 with a few bad bytes is damaged UTF-8 (a truncated copy, a
// character cut in half), not TCVN3 or VNI, whose bytes seldom line up as UTF-8.
std::pair<std::size_t, std::size_t> utf8_high_bytes(std::string_view input) {
  std::size_t high = 0, invalid = 0;
  for (unsigned char c : input) high += c >= 0x80 ? 1 : 0;
  for (std::size_t at = 0; at < input.size();) {
    const auto bad = find_invalid_utf8(input.substr(at));
    if (!bad) break;
    invalid += bad->length;
    at += bad->offset + std::max<std::size_t>(1, bad->length);
  }
  return {high - std::min(high, invalid), invalid};
}

}  // namespace

namespace {

// ---- Vietnamese syllables ----------------------------------------------------------------

// A word's letters without their tones, lower case: the seven letters with marks of their
// own (ă â ê ô ơ ư đ) kept whole.
struct Skeleton {
  std::u32string letters;
  int tones = 0;
  std::size_t tone_at = 0;  // the letter the tone mark is on
  bool ok = true;
};

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_letter(char32_t c) { return c < 0x80 && is_ascii_letter(static_cast<char>(c)); }

// The 134 Vietnamese letters above ASCII by their base letter (with its mark of its own) and
// tone, made once from the letters' table by NFD: most words are judged without ICU.
struct Letter {
  char32_t base;  // lower case: a ă â e ê … đ
  bool upper;
  bool tone;
};
const std::map<char32_t, Letter>& letter_table() {
  static const std::map<char32_t, Letter> table = [] {
    std::map<char32_t, Letter> made;
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    for (const auto& [letter, unused] : vni_letters) {
      const icu::UnicodeString decomposed = nfd->normalize(icu::UnicodeString(static_cast<UChar32>(letter)), status);
      icu::UnicodeString kept;
      bool tone = false;
      for (int32_t k = 0; k < decomposed.length();) {
        const UChar32 c = decomposed.char32At(k);
        k += U16_LENGTH(c);
        if (c == 0x300 || c == 0x301 || c == 0x303 || c == 0x309 || c == 0x323) tone = true;
        else kept.append(c);
      }
      const UChar32 base = nfc->normalize(kept, status).char32At(0);
      const bool upper = u_isupper(base);
      made[letter] = {static_cast<char32_t>(u_tolower(base)), upper, tone};
    }
    return made;
  }();
  return table;
}

Skeleton skeleton_of_nfd(std::string_view word);

// A word's skeleton, by the letters' table when every letter is in it (NFC text), else
// through ICU's NFD (decomposed input, symbols).
Skeleton skeleton_of(std::string_view word) {
  Skeleton out;
  const auto& table = letter_table();
  enum class Case { lower, capitalised, upper, mixed } pattern = Case::lower;
  int position = 0;
  for (char32_t c : decode_utf8(word)) {
    bool upper = false;
    char32_t base = 0;
    if (c < 0x80) {
      if (!is_ascii_letter(c)) return skeleton_of_nfd(word);
      upper = c >= 'A' && c <= 'Z';
      base = upper ? c - 'A' + 'a' : c;
    } else {
      const auto found = table.find(c);
      if (found == table.end()) return skeleton_of_nfd(word);
      upper = found->second.upper;
      base = found->second.base;
      if (found->second.tone) {
        ++out.tones;
        out.tone_at = out.letters.size();
      }
    }
    if (position == 0) pattern = upper ? Case::capitalised : Case::lower;
    else if (pattern == Case::capitalised && position == 1 && upper) pattern = Case::upper;
    else if ((pattern == Case::upper && !upper) || (pattern != Case::upper && upper)) pattern = Case::mixed;
    ++position;
    out.letters.push_back(base);
  }
  if (pattern == Case::mixed) out.ok = false;
  return out;
}

Skeleton skeleton_of_nfd(std::string_view word) {
  Skeleton out;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::UnicodeString decomposed =
      nfd->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size()))), status);
  if (U_FAILURE(status)) {
    out.ok = false;
    return out;
  }
  enum class Case { none, lower, capitalised, upper, mixed } pattern = Case::none;
  int position = 0;
  for (int32_t k = 0; k < decomposed.length() && out.ok;) {
    const UChar32 c = decomposed.char32At(k);
    k += U16_LENGTH(c);
    if (c == 0x300 || c == 0x301 || c == 0x303 || c == 0x309 || c == 0x323) {
      ++out.tones;
      out.tone_at = out.letters.empty() ? 0 : out.letters.size() - 1;
      continue;
    }
    if (c == 0x302 || c == 0x306 || c == 0x31B) {  // circumflex, breve, horn: on the letter before
      if (out.letters.empty()) {
        out.ok = false;
        break;
      }
      char32_t& base = out.letters.back();
      if (c == 0x306 && base == U'a') base = U'ă';
      else if (c == 0x302 && base == U'a') base = U'â';
      else if (c == 0x302 && base == U'e') base = U'ê';
      else if (c == 0x302 && base == U'o') base = U'ô';
      else if (c == 0x31B && base == U'o') base = U'ơ';
      else if (c == 0x31B && base == U'u') base = U'ư';
      else out.ok = false;
      continue;
    }
    const bool upper = (c >= 'A' && c <= 'Z') || c == 0x110;
    const bool lower = (c >= 'a' && c <= 'z') || c == 0x111;
    if (!upper && !lower) {
      out.ok = false;  // a symbol (¨ ¸ µ), or a letter Vietnamese does not use (ø æ ß)
      break;
    }
    const Case here = upper ? Case::upper : Case::lower;
    if (position == 0) pattern = here == Case::upper ? Case::capitalised : Case::lower;
    else if (pattern == Case::capitalised && position == 1 && here == Case::upper) pattern = Case::upper;
    else if ((pattern == Case::upper && here == Case::lower) || (pattern != Case::upper && here == Case::upper)) pattern = Case::mixed;
    ++position;
    out.letters.push_back(c == 0x110 || c == 0x111 ? U'đ' : static_cast<char32_t>(upper ? c - 'A' + 'a' : c));
  }
  if (pattern == Case::mixed) out.ok = false;
  return out;
}

// The onsets, nuclei (with their glides) and codas of Vietnamese syllables.
const std::vector<std::u32string>& initials() {
  static const std::vector<std::u32string> list{U"ngh", U"ng", U"nh", U"gh", U"gi", U"kh", U"ph", U"th", U"tr", U"ch",
                                                U"qu", U"b",   U"c",  U"d",  U"đ",  U"g",  U"h",  U"k",  U"l",  U"m",
                                                U"n",  U"p",   U"r",  U"s",  U"t",  U"v",  U"x",  U""};
  return list;
}

const std::vector<std::u32string>& vowel_groups() {
  static const std::vector<std::u32string> list{
      U"a",   U"ă",   U"â",   U"e",   U"ê",   U"i",   U"o",   U"ô",   U"ơ",   U"u",   U"ư",   U"y",   U"ai",  U"ao",
      U"au",  U"ay",  U"âu",  U"ây",  U"eo",  U"êu",  U"ia",  U"iê",  U"iu",  U"oa",  U"oă",  U"oe",  U"oi",  U"ôi",
      U"ơi",  U"oo",  U"ua",  U"uâ",  U"uê",  U"ui",  U"uô",  U"uơ",  U"uy",  U"ưa",  U"ưi",  U"ưu",  U"ươ",  U"yê",
      U"iêu", U"oai", U"oao", U"oay", U"oeo", U"uây", U"uôi", U"uya", U"uyê", U"uyu", U"ươi", U"ươu", U"yêu", U"uêu"};
  return list;
}

const std::vector<std::u32string>& finals() {
  static const std::vector<std::u32string> list{U"ch", U"nh", U"ng", U"c", U"m", U"n", U"p", U"t", U""};
  return list;
}

// Where a vowel group takes its tone mark (the modern rules, and the older ones where both
// are in use): on the vowel with a mark of its own (ă â ê ô ơ ư, the last such); in a group of
// three, on the middle one (hoài, xoáy); oa, oe, uy on either (hòa, hoà); another pair on its
// second vowel before a final (toán) and on its first at the end (mái, múa). A tone elsewhere
// is a legacy text's separate mark byte read as an accented letter ("xaõ").
bool tone_fits(const std::u32string& nucleus, std::size_t at, bool has_final) {
  for (std::size_t k = nucleus.size(); k-- > 0;) {
    if (std::u32string_view(U"ăâêôơư").find(nucleus[k]) != std::u32string_view::npos) return at == k;
  }
  if (nucleus.size() == 1) return at == 0;
  if (nucleus.size() == 3) return at == 1;
  if (nucleus == U"oa" || nucleus == U"oe" || nucleus == U"uy") return true;
  return at == (has_final ? 1u : 0u);
}

// A group that ends in a glide (mai, sao, tiêu) or in the open a of ia, ua, ưa takes no final
// consonant; iê, yê, uô, ươ and uyê take one (tiên, yên, muốn, người has its glide).
bool final_fits(const std::u32string& nucleus, bool has_final) {
  static const std::vector<std::u32string> open{U"ai",  U"ao",  U"au",  U"ay",  U"âu",  U"ây",  U"eo",  U"êu",
                                                U"ia",  U"iu",  U"oi",  U"ôi",  U"ơi",  U"ua",  U"ui",  U"ưa",
                                                U"ưi",  U"ưu",  U"iêu", U"oai", U"oao", U"oay", U"oeo", U"uây",
                                                U"uôi", U"uya", U"uyu", U"ươi", U"ươu", U"yêu", U"uêu"};
  static const std::vector<std::u32string> closed{U"iê", U"yê", U"uô", U"ươ", U"uyê"};
  if (has_final) return std::find(open.begin(), open.end(), nucleus) == open.end();
  return std::find(closed.begin(), closed.end(), nucleus) == closed.end();
}

bool is_syllable(const Skeleton& skeleton) {
  const std::u32string& letters = skeleton.letters;
  for (const auto& initial : initials()) {
    if (letters.compare(0, initial.size(), initial) != 0) continue;
    for (const auto& coda : finals()) {
      if (letters.size() < initial.size() + coda.size()) continue;
      if (letters.compare(letters.size() - coda.size(), coda.size(), coda) != 0) continue;
      const std::u32string nucleus = letters.substr(initial.size(), letters.size() - initial.size() - coda.size());
      if (std::find(vowel_groups().begin(), vowel_groups().end(), nucleus) == vowel_groups().end()) continue;
      if (!final_fits(nucleus, !coda.empty())) continue;
      if (skeleton.tones == 0) return true;
      if (skeleton.tone_at >= initial.size() &&
          tone_fits(nucleus, skeleton.tone_at - initial.size(), !coda.empty())) {
        return true;
      }
    }
  }
  return false;
}


// The units of text as bytes: valid UTF-8 of code points up to U+00FF and Windows-1252
// symbols, or raw bytes. Candidates to convert.
constexpr LegacyEncoding candidates[] = {LegacyEncoding::tcvn3, LegacyEncoding::vni, LegacyEncoding::cp1258};

// Whether a valid UTF-8 text holds a Vietnamese letter above U+00FF (ă đ ơ ư ạ …): legacy
// text read as Latin-1 or Windows-1252 never does.
bool has_unicode_only_letter(std::string_view utf8) {
  for (char32_t cp : decode_utf8(utf8)) {
    if (cp > 0xFF && is_vietnamese_letter(cp)) return true;
  }
  return false;
}

bool has_high_character(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// Mostly good UTF-8 with a few bad bytes: a letter cut in half, not legacy text.
bool looks_like_damaged_utf8(std::string_view input) {
  const auto [valid, invalid] = utf8_high_bytes(input);
  return valid > invalid;
}

// A word of capital consonants is an abbreviation (HĐND, ĐTN, QĐ): Vietnamese writes many,
// and they say nothing about the encoding.
bool is_abbreviation(std::string_view word) {
  const auto letters = decode_utf8(word);
  return std::all_of(letters.begin(), letters.end(), [](char32_t c) {
    return c == U'Đ' || (c >= 'A' && c <= 'Z' && std::string_view("AEIOUY").find(static_cast<char>(c)) == std::string_view::npos);
  });
}

// TCVN3 has no codes for capitals with tones (Ụ, Ế …): without its H face, a word in
// capitals comes back with those letters in lower case ("MụC"). Such a word, invalid as it
// stands and a syllable in capitals, is put in capitals.
std::string with_tcvn3_capitals(const std::string& utf8);

}  // namespace

bool is_vietnamese_syllable(std::string_view word) {
  const Skeleton skeleton = skeleton_of(word);
  return skeleton.ok && skeleton.tones <= 1 && !skeleton.letters.empty() && is_syllable(skeleton);
}

SyllableScore score_syllables(std::string_view utf8) {
  SyllableScore score;
  // Words are what lies between ASCII characters that are not letters: a symbol above ASCII
  // (¨, ¸) stays inside its word and spoils it, as it would a reader's.
  std::size_t begin = 0;
  const auto finish = [&](std::size_t end) {
    const std::string_view word = utf8.substr(begin, end - begin);
    // A run of symbols (©, –, °) is punctuation, not a word: it says nothing either way.
    const auto points = decode_utf8(word);
    const bool has_letter = std::any_of(points.begin(), points.end(), [](char32_t c) { return u_isalpha(static_cast<UChar32>(c)); });
    if (!word.empty() && has_letter && has_high_character(word)) {
      if (is_vietnamese_syllable(word)) {
        ++score.valid;
      } else if (!is_abbreviation(word)) {
        ++score.invalid;
      }
    }
  };
  for (std::size_t at = 0; at < utf8.size(); ++at) {
    const char c = utf8[at];
    if (static_cast<unsigned char>(c) < 0x80 && !is_ascii_letter(c)) {
      finish(at);
      begin = at + 1;
    }
  }
  finish(utf8.size());
  return score;
}

namespace {

std::string with_tcvn3_capitals(const std::string& utf8) {
  std::string out;
  std::size_t begin = 0;
  const auto finish = [&](std::size_t end) {
    std::string word = utf8.substr(begin, end - begin);
    const bool has_capital = std::any_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) ||
                             word.find("Đ") != std::string::npos;
    if (has_capital && has_high_character(word) && !is_vietnamese_syllable(word)) {
      const std::string upper = to_upper_vi(word);
      if (is_vietnamese_syllable(upper)) word = upper;
    }
    out += word;
  };
  for (std::size_t at = 0; at < utf8.size(); ++at) {
    const char c = utf8[at];
    if (static_cast<unsigned char>(c) < 0x80 && !is_ascii_letter(c)) {
      finish(at);
      out += c;
      begin = at + 1;
    }
  }
  finish(utf8.size());
  return out;
}

// A value converted from a legacy encoding, read as it would have shown: in capitals for an
// H face, TCVN3's capital words mended.
std::string legacy_reading(std::string_view text, LegacyEncoding encoding, bool capitals) {
  std::string converted = convert_legacy(text, encoding);
  if (capitals) return to_upper_vi(converted);
  return encoding == LegacyEncoding::tcvn3 ? with_tcvn3_capitals(converted) : converted;
}

}  // namespace

ValueEncoding classify_value(std::string_view text, bool capitals) {
  const auto converted = [&](LegacyEncoding encoding) { return legacy_reading(text, encoding, capitals); };
  ValueEncoding verdict;
  if (!has_high_character(text)) return verdict;
  const auto bad = find_invalid_utf8(text);
  if (!bad) {
    if (has_unicode_only_letter(text)) return verdict;
    const SyllableScore before = score_syllables(text);
    if (before.invalid == 0) return verdict;
    // A conversion that reads (nearly) every word as Vietnamese where the text does not.
    std::optional<LegacyEncoding> best;
    SyllableScore best_score;
    for (const auto encoding : candidates) {
      const SyllableScore after = score_syllables(converted(encoding));
      if (after.invalid >= before.invalid || after.invalid * 4 > after.valid) continue;
      if (!best || after.invalid < best_score.invalid ||
          (after.invalid == best_score.invalid && after.valid > best_score.valid)) {
        best = encoding;
        best_score = after;
      }
    }
    if (best) {
      verdict.kind = ValueEncoding::Kind::legacy;
      verdict.encoding = *best;
    }
    return verdict;
  }
  // Raw bytes: legacy if one conversion reads them, else damaged UTF-8.
  if (!looks_like_damaged_utf8(text)) {
    std::optional<LegacyEncoding> best;
    SyllableScore best_score;
    for (const auto encoding : candidates) {
      const SyllableScore after = score_syllables(converted(encoding));
      if (after.valid == 0 || after.invalid * 4 > after.valid) continue;
      if (!best || after.invalid < best_score.invalid ||
          (after.invalid == best_score.invalid && after.valid > best_score.valid)) {
        best = encoding;
        best_score = after;
      }
    }
    if (best) {
      verdict.kind = ValueEncoding::Kind::legacy;
      verdict.encoding = *best;
      return verdict;
    }
  }
  verdict.kind = ValueEncoding::Kind::damaged;
  verdict.offset = bad->offset;
  verdict.length = bad->length;
  return verdict;
}

bool legacy_reads(std::string_view text, LegacyEncoding encoding, bool capitals) {
  if (!has_high_character(text)) return false;
  const SyllableScore after = score_syllables(legacy_reading(text, encoding, capitals));
  if (find_invalid_utf8(text)) return !looks_like_damaged_utf8(text) && after.valid > 0 && after.invalid * 4 <= after.valid;
  if (has_unicode_only_letter(text)) return false;
  const SyllableScore before = score_syllables(text);
  return before.invalid > 0 && after.invalid < before.invalid && after.invalid * 4 <= after.valid;
}

std::optional<std::string> convert_value(std::string_view text, LegacyEncoding from, bool capitals) {
  if (!has_high_character(text)) return std::nullopt;
  // The H face upper-cases later (apply_capitals_fonts); here capitals only guide the judging.
  const auto reading = [&] {
    return capitals ? convert_legacy(text, from) : legacy_reading(text, from, false);
  };
  if (find_invalid_utf8(text)) {
    if (looks_like_damaged_utf8(text)) return std::nullopt;
    return reading();
  }
  if (has_unicode_only_letter(text)) return std::nullopt;
  const SyllableScore before = score_syllables(text);
  if (before.invalid == 0) return std::nullopt;
  const SyllableScore after = score_syllables(legacy_reading(text, from, capitals));
  if (after.invalid >= before.invalid || after.invalid * 4 > after.valid) return std::nullopt;
  return reading();
}

std::optional<LegacyEncoding> detect_legacy(std::string_view input) {
  const ValueEncoding verdict = classify_value(input);
  if (verdict.kind != ValueEncoding::Kind::legacy) return std::nullopt;
  return verdict.encoding;
}

std::optional<std::size_t> find_legacy_mark(std::string_view utf8) {
  for (std::size_t i = 0; i < utf8.size();) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (legacy_marks(utf8.substr(i, length)) > 0) return i;
    i += length;
  }
  return std::nullopt;
}

bool is_tcvn3_capitals_font(std::string_view font_name) {
  if (font_name.size() < 5 || font_name.back() != 'H') return false;
  std::string lower(font_name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower.rfind(".vn", 0) == 0;
}

}  // namespace vanban::text
