// Numbers as Vietnamese documents write them: digits grouped "1.250.000,5", and amounts in
// words "Một triệu hai trăm năm mươi nghìn đồng".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/diagnostics.h"

namespace vanban::text {

// A number as data holds it, checked: digits, optionally grouped by "." in threes
// ("1.250.000"), optionally a decimal part after ","; a leading "-" for negatives.
struct DecimalNumber {
  bool negative = false;
  std::string integer_digits;   // no leading zeros, "0" for zero
  std::string fraction_digits;  // may be empty
};

// Reads a number written the Vietnamese way (above). A "." not followed by exactly three
// digits is refused rather than guessed at: "1.25" could be a decimal point or a typo, and an
// amount read wrongly is worse than an error. Throws Error "data.bad-number" at where.
DecimalNumber parse_number_vi(std::string_view text, const SourceLocation& where);

// Writes a number with Vietnamese separators (ICU, locale "vi"): "1.250.000", "1.250.000,5".
std::string format_number_vi(const DecimalNumber& number);

// How a spelt-out number reads a zero tens digit before a units digit: "một trăm linh năm"
// (the written standard, used in the North) or "một trăm lẻ năm" (the South, and ICU).
enum class ZeroTens { linh, le };

// Spells a whole number in lower-case Vietnamese, for 0 to 10^18. ICU's spell-out rules
// (locale "vi") give each group of three digits: they already say "mốt" (21), "tư" (24) and
// "lăm" (15, 25). The groups are joined here, because ICU drops the "không trăm" that usage
// wants for a group under 100 after a higher one: 1.000.005 is "một triệu không trăm linh
// năm", and 1.005.000 "một triệu không trăm linh năm nghìn" (ICU: "một triệu lẻ năm",
// "một triệu năm nghìn"). Past 10^9 the count of tỷ is spelt the same way: "một nghìn tỷ".
std::string spell_number_vi(std::uint64_t number, ZeroTens zero_tens = ZeroTens::linh);

// An amount of money in words, as on a payment line: a capital first letter and the
// currency: "Một triệu hai trăm năm mươi nghìn đồng".
std::string amount_in_words_vi(std::uint64_t amount, ZeroTens zero_tens = ZeroTens::linh,
                               std::string_view currency = "đồng");

}  // namespace vanban::text
