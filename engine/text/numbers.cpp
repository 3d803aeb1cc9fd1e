#include "text/numbers.h"

#include <memory>

#include <unicode/numberformatter.h>
#include <unicode/rbnf.h>
#include <unicode/unistr.h>

#include "text/unicode.h"

namespace vanban::text {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string to_utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

// ICU's spell-out for locale "vi", one per thread: formatting with a shared instance is safe,
// but creating one parses the rules, so it is done once.
const icu::RuleBasedNumberFormat& vietnamese_spellout() {
  thread_local const std::unique_ptr<icu::RuleBasedNumberFormat> spellout = [] {
    UErrorCode status = U_ZERO_ERROR;
    auto made = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, icu::Locale("vi"), status);
    if (U_FAILURE(status)) fail("text.icu", "ICU has no Vietnamese spell-out rules");
    return made;
  }();
  return *spellout;
}

// Spells 0–999 with ICU, which writes "lẻ" for a zero tens digit.
std::string spell_group(int group, ZeroTens zero_tens) {
  icu::UnicodeString words;
  vietnamese_spellout().format(static_cast<int64_t>(group), words);
  std::string out = to_utf8(words);
  if (zero_tens == ZeroTens::linh) {
    if (const auto at = out.find("lẻ"); at != std::string::npos) out.replace(at, std::string("lẻ").size(), "linh");
  }
  return out;
}

// Spells a group that follows a higher one: under 100 it says its empty hundreds,
// "không trăm linh năm", "không trăm mười".
std::string spell_following_group(int group, ZeroTens zero_tens) {
  if (group >= 100) return spell_group(group, zero_tens);
  std::string out = "không trăm ";
  if (group < 10) out += zero_tens == ZeroTens::linh ? "linh " : "lẻ ";
  return out + spell_group(group, zero_tens);
}

// Spells a number below 10^9 as triệu, nghìn and units groups; a group of zeros is not said.
// `following` is true when a higher group was said before this number.
std::string spell_below_billion(std::uint64_t number, bool following, ZeroTens zero_tens) {
  static constexpr std::pair<std::uint64_t, const char*> scales[] = {{1'000'000, " triệu"}, {1'000, " nghìn"}, {1, ""}};
  std::string out;
  for (const auto& [scale, name] : scales) {
    const int group = static_cast<int>(number / scale % 1000);
    if (group == 0) continue;
    if (!out.empty()) out += ' ';
    out += (following ? spell_following_group(group, zero_tens) : spell_group(group, zero_tens)) + name;
    following = true;
  }
  return out;
}

std::string spell(std::uint64_t number, bool following, ZeroTens zero_tens) {
  constexpr std::uint64_t billion = 1'000'000'000;
  if (number < billion) return spell_below_billion(number, following, zero_tens);
  std::string out = spell(number / billion, following, zero_tens) + " tỷ";
  if (const auto rest = number % billion; rest != 0) out += " " + spell_below_billion(rest, true, zero_tens);
  return out;
}

}  // namespace

DecimalNumber parse_number_vi(std::string_view text, const SourceLocation& where) {
  const auto bad = [&](const std::string& why) -> DecimalNumber {
    fail_with("data.bad-number", "'{}' is not a number{}", {std::string(text), why}, where);
  };
  DecimalNumber number;
  std::size_t at = 0;
  if (at < text.size() && text[at] == '-') {
    number.negative = true;
    ++at;
  }
  std::string digits;
  std::size_t run = 0;  // digits since the start or the last "."
  bool grouped = false;
  for (; at < text.size() && text[at] != ','; ++at) {
    if (is_digit(text[at])) {
      digits += text[at];
      ++run;
    } else if (text[at] == '.') {
      if (run == 0 || run > 3 || (grouped && run != 3)) {
        return bad(": group thousands in threes with \".\" (1.250.000) and write decimals after \",\"");
      }
      grouped = true;
      run = 0;
    } else {
      return bad(": write digits, \".\" between thousands and \",\" before decimals");
    }
  }
  if (digits.empty() || (grouped && run != 3)) {
    return bad(": group thousands in threes with \".\" (1.250.000) and write decimals after \",\"");
  }
  if (at < text.size()) {  // the decimal part after ","
    for (++at; at < text.size(); ++at) {
      if (!is_digit(text[at])) return bad(": only digits may follow the decimal \",\"");
      number.fraction_digits += text[at];
    }
    if (number.fraction_digits.empty()) return bad(": no digits after the decimal \",\"");
  }
  const auto first = digits.find_first_not_of('0');
  number.integer_digits = first == std::string::npos ? "0" : digits.substr(first);
  return number;
}

std::string format_number_vi(const DecimalNumber& number) {
  std::string decimal = (number.negative ? "-" : "") + number.integer_digits;
  if (!number.fraction_digits.empty()) decimal += "." + number.fraction_digits;
  UErrorCode status = U_ZERO_ERROR;
  const auto formatter = icu::number::NumberFormatter::withLocale(icu::Locale("vi"))
                             .precision(icu::number::Precision::unlimited());
  const icu::UnicodeString formatted = formatter.formatDecimal(decimal.c_str(), status).toString(status);
  if (U_FAILURE(status)) fail_with("text.icu", "ICU cannot format the number {}", {decimal});
  return to_utf8(formatted);
}

std::string spell_number_vi(std::uint64_t number, ZeroTens zero_tens) {
  if (number == 0) return spell_group(0, zero_tens);
  return spell(number, false, zero_tens);
}

std::string amount_in_words_vi(std::uint64_t amount, ZeroTens zero_tens, std::string_view currency) {
  std::string words = spell_number_vi(amount, zero_tens);
  // Capitalise the first letter only.
  std::string first_letter;
  append_utf8(decode_utf8(words).front(), first_letter);
  words = to_upper_vi(first_letter) + words.substr(first_letter.size());
  if (!currency.empty()) words += " " + std::string(currency);
  return words;
}

}  // namespace vanban::text
