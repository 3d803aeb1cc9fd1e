#include "text/formats.h"

#include <charconv>
#include <chrono>
#include <utility>

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

}  // namespace

CalendarDate parse_iso_date(const std::string& iso, const SourceLocation& where) {
  CalendarDate date;
  const bool shaped = iso.size() == 10 && iso[4] == '-' && iso[7] == '-' && parse_int(iso, 0, 4, date.year) &&
                      parse_int(iso, 5, 2, date.month) && parse_int(iso, 8, 2, date.day);
  if (!shaped) fail("data.bad-date", "date '" + iso + "' is not an ISO date YYYY-MM-DD", where);
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > days_in_month(date.year, date.month)) {
    fail("data.bad-date", "date '" + iso + "' does not exist", where);
  }
  return date;
}

std::string format_date_vi(const CalendarDate& date) {
  return "ngày " + two_digits(date.day) + " tháng " + month_digits(date.month) + " năm " + std::to_string(date.year);
}

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
