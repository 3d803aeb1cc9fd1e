#include "text/names.h"

#include <algorithm>
#include <memory>

#include <unicode/coll.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "base/diagnostics.h"
#include "text/unicode.h"

namespace vanban::text {

namespace {

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// ICU's Vietnamese collator (CLDR "vi", standard variant), one per thread: keys are made with
// const calls, but the instance is built from rules, so once is enough.
const icu::Collator& vietnamese_collator() {
  thread_local const std::unique_ptr<icu::Collator> collator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> made(icu::Collator::createInstance(icu::Locale("vi"), status));
    if (U_FAILURE(status) || !made) fail("text.icu", "ICU has no Vietnamese collation");
    made->setAttribute(UCOL_NORMALIZATION_MODE, UCOL_ON, status);
    return made;
  }();
  return *collator;
}

bool is_tone_mark(UChar c) { return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323; }

// Moves the tone of a word-final "oa", "oe" or "uy" onto its first vowel, the new-style place
// ("hoà" -> "hòa", "thuý" -> "thúy"); "quý" keeps its tone, as "qu" is one consonant.
icu::UnicodeString with_new_style_tones(const icu::UnicodeString& word_nfd) {
  const int32_t n = word_nfd.length();
  if (n < 3 || !is_tone_mark(word_nfd[n - 1])) return word_nfd;
  const UChar last = static_cast<UChar>(u_tolower(word_nfd[n - 2]));
  const UChar before = static_cast<UChar>(u_tolower(word_nfd[n - 3]));
  const bool oa_oe = before == u'o' && (last == u'a' || last == u'e');
  const bool uy = before == u'u' && last == u'y' && !(n >= 4 && u_tolower(word_nfd[n - 4]) == u'q');
  if (!oa_oe && !uy) return word_nfd;
  icu::UnicodeString moved(word_nfd, 0, n - 2);
  moved.append(word_nfd[n - 1]).append(word_nfd[n - 2]);
  return moved;
}

// The collation key of one name part, word by word with tones in their new-style place.
std::string part_key(const std::string& part) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) fail("text.icu", "ICU NFD normaliser unavailable");
  icu::UnicodeString folded;
  for (const auto& word : split_words(part)) {
    if (!folded.isEmpty()) folded.append(u' ');
    folded.append(with_new_style_tones(nfd->normalize(icu::UnicodeString::fromUTF8(word), status)));
  }
  const icu::Collator& collator = vietnamese_collator();
  const int32_t length = collator.getSortKey(folded, nullptr, 0);
  std::string key(static_cast<std::size_t>(length), '\0');
  collator.getSortKey(folded, reinterpret_cast<uint8_t*>(key.data()), length);
  return key;
}

}  // namespace

PersonName split_person_name(std::string_view full_name) {
  const auto words = split_words(to_nfc(full_name));
  PersonName name;
  if (words.empty()) return name;
  name.given = words.back();
  if (words.size() >= 2) name.family = words.front();
  for (std::size_t k = 1; k + 1 < words.size(); ++k) name.middle += (name.middle.empty() ? "" : " ") + words[k];
  return name;
}

namespace {

// Positions 0..n-1, stably sorted by their keys.
std::vector<std::size_t> order_by_keys(const std::vector<std::vector<std::string>>& keys) {
  std::vector<std::size_t> positions(keys.size());
  for (std::size_t k = 0; k < positions.size(); ++k) positions[k] = k;
  std::stable_sort(positions.begin(), positions.end(), [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
  return positions;
}

}  // namespace

std::vector<std::size_t> sort_texts_order(const std::vector<std::string>& texts) {
  std::vector<std::vector<std::string>> keys;
  keys.reserve(texts.size());
  for (const auto& text : texts) keys.push_back({part_key(text)});
  return order_by_keys(keys);
}

std::vector<std::size_t> sort_names_order(const std::vector<std::string>& full_names, const NameOrder& order) {
  std::vector<std::vector<std::string>> keys;
  keys.reserve(full_names.size());
  for (const auto& full_name : full_names) {
    const PersonName name = split_person_name(full_name);
    std::vector<std::string> key;
    for (const NamePart part : order.parts) {
      key.push_back(part_key(part == NamePart::given ? name.given : part == NamePart::family ? name.family : name.middle));
    }
    keys.push_back(std::move(key));
  }
  return order_by_keys(keys);
}

}  // namespace vanban::text
