#include "pipeline/template_helpers.h"

#include <charconv>

#include "text/document_number.h"
#include "text/formats.h"
#include "text/names.h"
#include "text/numbers.h"
#include "text/unicode.h"

namespace vanban::pipeline {

namespace {

using Formatter = mustache::Helpers::Formatter;

// A whole number of at most 15 digits (a thousand tỷ đồng is 13), for amounts and counters.
std::uint64_t read_whole_number(const std::string& text, const SourceLocation& where, const char* helper) {
  const text::DecimalNumber number = text::parse_number_vi(text, where);
  if (number.negative || !number.fraction_digits.empty() || number.integer_digits.size() > 15) {
    fail_with("data.bad-number", "{} needs a whole number from 0 to 999.999.999.999.999, not '{}'", {std::string(helper), text},
              where);
  }
  std::uint64_t value = 0;
  std::from_chars(number.integer_digits.data(), number.integer_digits.data() + number.integer_digits.size(), value);
  return value;
}

// A counter for Roman numerals and điểm letters: 1 or more.
int read_counter(const std::string& text, const SourceLocation& where, const char* helper, std::uint64_t largest) {
  const std::uint64_t value = read_whole_number(text, where, helper);
  if (value < 1 || value > largest) {
    fail_with("data.bad-number", "{} needs a number from 1 to {}, not '{}'", {std::string(helper), std::to_string(largest), text},
              where);
  }
  return static_cast<int>(value);
}

// "Duyên Hải, 2019-08-26" -> "Duyên Hải, ngày 26 tháng 8 năm 2019"; the place is what comes
// before the last comma, and may be left out.
std::string place_date(const std::string& text, const SourceLocation& where) {
  const auto comma = text.rfind(',');
  if (comma == std::string::npos) return text::format_date_vi(text::parse_date(text, where));
  std::string date = text.substr(comma + 1);
  while (!date.empty() && date.front() == ' ') date.erase(0, 1);
  return text::format_place_date(text.substr(0, comma), text::parse_date(date, where));
}

std::string type_code(const std::string& text, const SourceLocation& where) {
  const auto type = text::find_document_type(text);
  if (!type) fail_with("data.bad-notation", "'{}' is not a document type of Decree 30, Phụ lục III", {text}, where);
  if (type->code.empty()) {
    fail_with("data.bad-notation", "a {} has no type abbreviation (Phụ lục III)", {text::to_lower_vi(type->name)}, where);
  }
  return std::string(type->code);
}

mustache::Helpers make_helpers() {
  mustache::Helpers helpers;
  auto& f = helpers.formatters;
  f["date"] = {[](const std::string& t, const SourceLocation& w) { return text::format_date_vi(text::parse_date(t, w)); }};
  f["place-date"] = {place_date};
  f["date-short"] = {[](const std::string& t, const SourceLocation& w) { return text::format_date_short_vi(text::parse_date(t, w)); }};
  f["weekday"] = {[](const std::string& t, const SourceLocation& w) { return text::format_weekday_vi(text::parse_date(t, w)); }};
  f["number"] = {[](const std::string& t, const SourceLocation& w) { return text::format_number_vi(text::parse_number_vi(t, w)); }};
  f["words"] = {[](const std::string& t, const SourceLocation& w) {
    return text::spell_number_vi(read_whole_number(t, w, "vn.words"), text::ZeroTens::linh);
  }};
  f["words-le"] = {[](const std::string& t, const SourceLocation& w) {
    return text::spell_number_vi(read_whole_number(t, w, "vn.words-le"), text::ZeroTens::le);
  }};
  f["amount"] = {[](const std::string& t, const SourceLocation& w) {
    return text::amount_in_words_vi(read_whole_number(t, w, "vn.amount"), text::ZeroTens::linh);
  }};
  f["amount-le"] = {[](const std::string& t, const SourceLocation& w) {
    return text::amount_in_words_vi(read_whole_number(t, w, "vn.amount-le"), text::ZeroTens::le);
  }};
  f["roman"] = {[](const std::string& t, const SourceLocation& w) { return text::format_roman(read_counter(t, w, "vn.roman", 3999)); }};
  f["diem"] = {[](const std::string& t, const SourceLocation& w) { return text::format_diem_letter(read_counter(t, w, "vn.diem", 999)); }};
  f["upper"] = {[](const std::string& t, const SourceLocation&) { return text::to_upper_vi(t); }, true};
  f["lower"] = {[](const std::string& t, const SourceLocation&) { return text::to_lower_vi(t); }, true};
  f["title"] = {[](const std::string& t, const SourceLocation&) { return text::to_title_vi(t); }, true};
  f["type-code"] = {type_code};

  helpers.orders["sort"] = [](const std::vector<std::string>& texts) { return text::sort_texts_order(texts); };
  helpers.orders["sort-by-name"] = [](const std::vector<std::string>& names) { return text::sort_names_order(names); };
  helpers.orders["sort-by-name-middle-first"] = [](const std::vector<std::string>& names) {
    text::NameOrder order;
    order.parts = {text::NamePart::given, text::NamePart::middle, text::NamePart::family};
    return text::sort_names_order(names, order);
  };
  return helpers;
}

}  // namespace

const mustache::Helpers& vietnamese_helpers() {
  static const mustache::Helpers helpers = make_helpers();
  return helpers;
}

}  // namespace vanban::pipeline
