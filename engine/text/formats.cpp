#include "text/formats.h"

#include <charconv>
#include <chrono>
#include <utility>
#include <vector>

namespace vanban::text {

namespace {

bool parse_int(const std::string& text, std::size_t begin, std::size_t length, int& out) {
  const char* first = text.data() + begin;
  const char* last = first + length;
  for (const char* p = first; p < last; ++p) {
    if (*p < '0' || *p > '9') return false;
  }
  return std::from_chars(first, last, out).ec == std::errc();
}

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

std::string two_digits(int value) { return (value < 10 ? "0" : "") + std::to_string(value); }

// Months 1 and 2 take a leading zero, the others do not (Phụ lục I, mục II.4).
std::string month_digits(int month) { return month <= 2 ? two_digits(month) : std::to_string(month); }

// Room to write by hand what a draft does not have yet: no-break spaces, which hold their
// width in a line and are never a break.
std::string blank(int spaces) {
  std::string out;
  for (int k = 0; k < spaces; ++k) out += "\u00A0";
  return out;
}

}  // namespace

CalendarDate parse_date(const std::string& text, const SourceLocation& where) {
  CalendarDate date;
  bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' && parse_int(text, 0, 4, date.year) &&
                parse_int(text, 5, 2, date.month) && parse_int(text, 8, 2, date.day);
  if (!shaped) {
    // Day first: D/M/YYYY with one or two digits for the day and the month, one separator.
    const auto first = text.find_first_of("/.-");
    const auto second = first == std::string::npos ? first : text.find_first_of("/.-", first + 1);
    shaped = first != std::string::npos && second != std::string::npos && text[first] == text[second] &&
             first >= 1 && first <= 2 && second - first - 1 >= 1 && second - first - 1 <= 2 && text.size() - second - 1 == 4 &&
             parse_int(text, 0, first, date.day) && parse_int(text, first + 1, second - first - 1, date.month) &&
             parse_int(text, second + 1, 4, date.year);
  }
  const std::vector<Hint> forms{"write it 2020-06-22, 22/06/2020 or 22/6/2020 (day first)"};
  if (!shaped) fail_with("data.bad-date", "'{}' is not a date", {text}, where, forms);
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > days_in_month(date.year, date.month)) {
    fail_with("data.bad-date", "date '{}' does not exist", {text}, where,
         date.month > 12 && date.day <= 12 ? std::vector<Hint>{"the day comes first: 22/06/2020 is 22 June"}
                                           : std::vector<Hint>{});
  }
  return date;
}

std::string format_date_vi(const CalendarDate& date) {
  return "ngày " + two_digits(date.day) + " tháng " + month_digits(date.month) + " năm " + std::to_string(date.year);
}

std::string format_blank_date_vi() { return "ngày" + blank(8) + "tháng" + blank(8) + "năm" + blank(10); }

std::string format_date_short_vi(const CalendarDate& date) {
  return two_digits(date.day) + "/" + month_digits(date.month) + "/" + std::to_string(date.year);
}

std::string format_weekday_vi(const CalendarDate& date) {
  using namespace std::chrono;
  const weekday day{sys_days{year{date.year} / month{static_cast<unsigned>(date.month)} /
                             std::chrono::day{static_cast<unsigned>(date.day)}}};
  static constexpr const char* names[] = {"Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"};
  return names[day.c_encoding()];
}

std::string format_place_date(const std::string& place, const CalendarDate& date) {
  if (place.empty()) return format_date_vi(date);
  return place + ", " + format_date_vi(date);
}

std::string format_document_number(const std::string& number, const std::string& notation) {
  // A draft has no number until it is issued: room for one, before the ký hiệu.
  if (number.empty()) return "Số:" + blank(10) + "/" + notation;
  std::string digits = number;
  if (digits.size() == 1 && digits[0] >= '1' && digits[0] <= '9') digits = "0" + digits;
  return "Số: " + digits + "/" + notation;
}

std::string format_roman(int n) {
  if (n < 1 || n > 3999) return std::to_string(n);
  static constexpr std::pair<int, const char*> numerals[] = {{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"},
                                                             {100, "C"},  {90, "XC"},  {50, "L"},  {40, "XL"},
                                                             {10, "X"},   {9, "IX"},   {5, "V"},   {4, "IV"},
                                                             {1, "I"}};
  std::string out;
  for (const auto& [value, symbol] : numerals) {
    for (; n >= value; n -= value) out += symbol;
  }
  return out;
}

std::string format_diem_letter(int n) {
  static const char* const letters[] = {"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
                                        "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"};
  constexpr int count = sizeof letters / sizeof letters[0];
  if (n < 1) return std::to_string(n);
  std::string out;
  for (int k = 0; k <= (n - 1) / count; ++k) out += letters[(n - 1) % count];
  return out;
}

}  // namespace vanban::text
