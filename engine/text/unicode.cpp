#include "text/unicode.h"

#include <algorithm>
#include <array>
#include <memory>

#include <unicode/brkiter.h>
#include <unicode/ucsdet.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "base/diagnostics.h"

namespace vanban::text {

std::string fold_to_ascii(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) fail("text.icu", "ICU NFD normaliser unavailable");
  const icu::UnicodeString decomposed =
      nfd->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size()))), status);
  if (U_FAILURE(status)) fail("text.icu", "cannot decompose text");
  icu::UnicodeString folded;
  for (int32_t k = 0; k < decomposed.length();) {
    const UChar32 c = decomposed.char32At(k);
    k += U16_LENGTH(c);
    if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK) continue;
    folded.append(c == U'đ' ? UChar32{'d'} : c == U'Đ' ? UChar32{'D'} : c);
  }
  std::string out;
  folded.toUTF8String(out);
  return out;
}

std::string matching_key(std::string_view utf8) {
  const std::string folded = fold_to_ascii(utf8);
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(folded).foldCase();
  icu::UnicodeString key;
  bool gap = false;
  for (int32_t k = 0; k < text.length();) {
    const UChar32 c = text.char32At(k);
    k += U16_LENGTH(c);
    if (!u_isalnum(c)) {
      gap = !key.isEmpty();
      continue;
    }
    if (gap) key.append(UChar32{' '});
    gap = false;
    key.append(c);
  }
  std::string out;
  key.toUTF8String(out);
  return out;
}

std::string to_nfc(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) fail("text.icu", "ICU NFC normaliser unavailable");
  const icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
  // Fast path: most input is already NFC.
  if (nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return std::string(utf8);
  status = U_ZERO_ERROR;
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status)) fail("text.icu", "cannot normalise text to NFC");
  return out;
}

namespace {

// Applies one of ICU's case mappings in locale "vi" to UTF-8 text.
template <typename Mapping>
std::string map_case(std::string_view utf8, Mapping mapping) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  static const icu::Locale vietnamese("vi");  // made once: a Locale is costly to build per call
  mapping(text, vietnamese);
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace

std::string to_upper_vi(std::string_view utf8) {
  return map_case(utf8, [](icu::UnicodeString& text, const icu::Locale& vi) { text.toUpper(vi); });
}

std::string to_lower_vi(std::string_view utf8) {
  return map_case(utf8, [](icu::UnicodeString& text, const icu::Locale& vi) { text.toLower(vi); });
}

std::string to_title_vi(std::string_view utf8) {
  // Lower first, so that "NGUYỄN VĂN AN" becomes "Nguyễn Văn An" (toTitle keeps the rest).
  return map_case(utf8, [](icu::UnicodeString& text, const icu::Locale& vi) {
    text.toLower(vi);
    text.toTitle(nullptr, vi);
  });
}

namespace {

std::string from_unicode_encoding(std::string_view bytes, const char* encoding) {
  const icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), encoding);
  std::string out;
  text.toUTF8String(out);
  return out;
}

// ICU's charset detector, asked only about UTF-16 and UTF-32: the legacy 8-bit encodings it
// knows are Western and Eastern European ones, which Vietnamese text is not (legacy.h reads
// those), and its guess among them would only mislead.
std::optional<std::string> detect_wide_unicode(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* detector = ucsdet_open(&status);
  if (U_FAILURE(status)) return std::nullopt;
  std::optional<std::string> found;
  ucsdet_setText(detector, bytes.data(), static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 1 << 16)), &status);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector, &count, &status);
  for (int32_t k = 0; U_SUCCESS(status) && k < count; ++k) {
    const std::string name = ucsdet_getName(matches[k], &status);
    const int32_t confidence = ucsdet_getConfidence(matches[k], &status);
    if ((name.rfind("UTF-16", 0) == 0 || name.rfind("UTF-32", 0) == 0) && confidence >= 50) {
      found = name;
      break;
    }
  }
  ucsdet_close(detector);
  return found;
}

}  // namespace

DecodedFile decode_text_file(std::string_view bytes) {
  const auto starts = [&](std::string_view mark) { return bytes.substr(0, mark.size()) == mark; };
  // UTF-32's marks first: UTF-32LE's starts as UTF-16LE's does.
  if (starts(std::string_view("\xFF\xFE\x00\x00", 4))) return {from_unicode_encoding(bytes.substr(4), "UTF-32LE"), "UTF-32LE"};
  if (starts(std::string_view("\x00\x00\xFE\xFF", 4))) return {from_unicode_encoding(bytes.substr(4), "UTF-32BE"), "UTF-32BE"};
  if (starts("\xFF\xFE")) return {from_unicode_encoding(bytes.substr(2), "UTF-16LE"), "UTF-16LE"};
  if (starts("\xFE\xFF")) return {from_unicode_encoding(bytes.substr(2), "UTF-16BE"), "UTF-16BE"};
  if (starts("\xEF\xBB\xBF")) return {std::string(bytes.substr(3)), "UTF-8"};
  // Without a mark, UTF-16 and UTF-32 are full of zero bytes, which no UTF-8 text holds.
  if (bytes.find('\0') != std::string_view::npos) {
    if (const auto wide = detect_wide_unicode(bytes)) return {from_unicode_encoding(bytes, wide->c_str()), *wide};
  }
  return {std::string(bytes), "UTF-8"};
}

bool is_blank_text(std::string_view utf8) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  for (int32_t at = 0; at < length;) {
    UChar32 c = 0;
    U8_NEXT(bytes, at, length, c);
    if (c < 0) return false;  // a byte that is not UTF-8 is something, if not text
    if (!u_isUWhiteSpace(c) && !u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) return false;
  }
  return true;
}

std::optional<ForbiddenCharacter> find_forbidden_character(std::string_view utf8) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  for (int32_t at = 0; at < length;) {
    const int32_t start = at;
    UChar32 c = 0;
    U8_NEXT(bytes, at, length, c);
    if (c < 0) continue;
    const bool control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    const bool noncharacter = (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
    if (control || noncharacter) return ForbiddenCharacter{static_cast<std::size_t>(start), static_cast<char32_t>(c)};
  }
  return std::nullopt;
}

std::u32string decode_utf8(std::string_view utf8) {
  std::u32string out(utf8.size(), U'\0');
  std::size_t count = 0;
  for (std::size_t at = 0; at < utf8.size();) out[count++] = next_code_point(utf8, at);
  out.resize(count);
  return out;
}

namespace {

// Creates an ICU break iterator for Vietnamese, or fails naming what it was for.
std::unique_ptr<icu::BreakIterator> make_iterator(icu::BreakIterator* (*create)(const icu::Locale&, UErrorCode&),
                                                  const char* what) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(create(icu::Locale("vi"), status));
  if (U_FAILURE(status) || !it) fail_with("text.icu", "ICU {} break iterator unavailable", {std::string(what)});
  return it;
}

// One iterator of each kind per thread: ICU iterators keep state (docs/dependencies.md, "ICU 72").
icu::BreakIterator& character_iterator() {
  thread_local const auto iterator = make_iterator(&icu::BreakIterator::createCharacterInstance, "character");
  return *iterator;
}

icu::BreakIterator& line_iterator() {
  thread_local const auto iterator = make_iterator(&icu::BreakIterator::createLineInstance, "line");
  return *iterator;
}

bool is_punctuation_only(std::string_view word) {
  if (word.empty()) return false;
  for (std::size_t at = 0; at < word.size();) {
    const char32_t cp = next_code_point(word, at);
    const bool punctuation = (cp < 0x80 && std::string_view("-.,;:!?…()[]\"'/").find(static_cast<char>(cp)) != std::string_view::npos) ||
                             cp == U'\u2013' || cp == U'\u2014' || cp == U'\u2026';
    if (!punctuation) return false;
  }
  return true;
}

bool starts_with_digit(std::string_view word) { return !word.empty() && word[0] >= '0' && word[0] <= '9'; }

bool is_number(std::string_view word) {
  if (word.empty()) return false;
  return std::all_of(word.begin(), word.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == ','; }) &&
         starts_with_digit(word);
}

// An initial: one capital letter and a full stop ("V."), possibly a Vietnamese capital.
bool is_initial(std::string_view word) {
  if (word.size() < 2 || word.back() != '.') return false;
  const std::string_view letters = word.substr(0, word.size() - 1);
  std::size_t at = 0;
  const auto letter = static_cast<UChar32>(next_code_point(letters, at));
  // A capital is a letter that has a lower case of its own (simple case mapping).
  return at == letters.size() && u_tolower(letter) != letter;
}

bool is_unit(std::string_view word) {
  static constexpr std::array<std::string_view, 18> units = {
      "%", "‰", "mm", "cm", "m", "km", "m2", "m²", "m3", "m³", "kg", "g", "tấn", "ha", "đồng", "VNĐ", "USD", "giờ"};
  // A unit may carry trailing punctuation: "30 mm;"
  while (!word.empty() && std::string_view(".,;:)").find(word.back()) != std::string_view::npos) word.remove_suffix(1);
  return std::find(units.begin(), units.end(), word) != units.end();
}

// The word of text that starts at begin (up to the next space).
std::string_view word_at(std::string_view text, std::size_t begin) {
  const auto end = text.find(' ', begin);
  return text.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin);
}

// The word of text that ends just before the spaces preceding position.
std::string_view word_before(std::string_view text, std::size_t position) {
  std::size_t end = position;
  while (end > 0 && text[end - 1] == ' ') --end;
  const auto space = text.rfind(' ', end == 0 ? 0 : end - 1);
  const std::size_t begin = space == std::string_view::npos ? 0 : space + 1;
  return text.substr(begin, end - begin);
}

// A numeral as a text writes one after a word that counts: "1", "01", "3.", "2;", "IV", "I.".
bool is_numeral(std::string_view word) {
  while (!word.empty() && std::string_view(".,;:)").find(word.back()) != std::string_view::npos) word.remove_suffix(1);
  if (word.empty() || word.size() > 8) return false;
  const bool arabic = std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
  const bool roman = std::all_of(word.begin(), word.end(), [](char c) { return std::string_view("IVXLCDM").find(c) != std::string_view::npos; });
  return arabic || roman;
}

// The words after which a numeral is what they count, and stays on their line: "lần thứ I",
// "phường 1", "Điều 3", "khoản 2", "số 01", "Phụ lục II", and the parts of a date ("ngày 22
// tháng 6 năm 2020"). Compared in lower case.
bool counts_next_numeral(std::string_view word) {
  static const std::array<std::string_view, 24> words = {
      "thứ", "lần", "số", "phường", "quận", "khóm", "ấp", "tổ", "khu", "đội", "điều", "khoản", "điểm",
      "mục", "chương", "phần", "lục", "khóa", "kỳ", "đợt", "đoạn", "khối", "lớp", "nhóm"};
  if (word.empty() || word.size() > 16) return false;
  static const icu::Locale vietnamese("vi");
  std::string lower;
  icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size()))).toLower(vietnamese).toUTF8String(lower);
  return std::find(words.begin(), words.end(), std::string_view(lower)) != words.end();
}

bool is_protected_space(std::string_view text, std::size_t position) {
  const auto before = word_before(text, position);
  const auto after = word_at(text, position);
  if (is_punctuation_only(after)) return true;
  if ((before == "Số:" || before == "số:") && starts_with_digit(after)) return true;
  if (is_initial(before)) return true;
  if (is_number(before) && is_unit(after)) return true;
  // A numeral stays with what it counts: "số 54/KH-UBND" (a number that starts with a digit
  // counts too).
  if ((is_numeral(after) || starts_with_digit(after)) && counts_next_numeral(before)) return true;
  return false;
}

// A space inside a date: "ngày 22", "22 tháng", "tháng 6", "6 năm", "năm 2020", "ngày 22/6/2020".
bool is_date_space(std::string_view text, std::size_t position) {
  const auto before = word_before(text, position);
  const auto after = word_at(text, position);
  const bool date_word_before = before == "ngày" || before == "Ngày" || before == "tháng" || before == "năm";
  if (date_word_before && starts_with_digit(after)) return true;
  return is_number(before) && (after == "tháng" || after == "năm");
}

// Calls visit(offset) for each boundary the iterator finds inside utf8 (not its ends).
// With UText over UTF-8, ICU's indexes are UTF-8 byte offsets.
template <typename Visit>
void for_each_boundary(icu::BreakIterator& iterator, std::string_view utf8, Visit visit) {
  UErrorCode status = U_ZERO_ERROR;
  // On the stack: utext_openUTF8 allocates only when given no UText to fill.
  UText on_stack = UTEXT_INITIALIZER;
  UText* utext = utext_openUTF8(&on_stack, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
  if (U_FAILURE(status)) fail("text.icu", "ICU cannot read text");
  iterator.setText(utext, status);
  if (U_FAILURE(status)) {
    utext_close(utext);
    fail("text.icu", "ICU cannot segment text");
  }
  for (int32_t position = iterator.next(); position != icu::BreakIterator::DONE; position = iterator.next()) {
    const auto offset = static_cast<std::size_t>(position);
    if (offset >= utf8.size()) break;
    if (offset > 0) visit(offset);
  }
  utext_close(utext);
}

}  // namespace

std::vector<std::size_t> find_break_opportunities(std::string_view utf8) {
  std::vector<std::size_t> breaks;
  // Only a break after a space is kept: text with no space has none to find.
  if (utf8.find(' ') == std::string_view::npos) return breaks;
  for_each_boundary(line_iterator(), utf8, [&](std::size_t offset) {
    if (utf8[offset - 1] != ' ') return;
    if (is_protected_space(utf8, offset)) return;
    breaks.push_back(offset);
  });
  return breaks;
}

std::vector<std::size_t> find_discouraged_breaks(std::string_view utf8, const std::vector<std::size_t>& breaks) {
  std::vector<std::size_t> discouraged;
  for (const auto offset : breaks) {
    if (is_date_space(utf8, offset)) discouraged.push_back(offset);
  }
  return discouraged;
}

std::vector<std::size_t> find_character_boundaries(std::string_view utf8) {
  std::vector<std::size_t> boundaries;
  for_each_boundary(character_iterator(), utf8, [&](std::size_t offset) { boundaries.push_back(offset); });
  return boundaries;
}

}  // namespace vanban::text
