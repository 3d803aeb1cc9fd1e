// Fixed-form strings of Decree 30: the Số line and the place-and-date line.
#pragma once

#include <string>

#include "base/diagnostics.h"

namespace vanban::text {

struct CalendarDate {
  int year = 0, month = 0, day = 0;
};

// Parses a calendar date and checks it exists (no 31 February): ISO 8601 "2020-06-22", or day
// first as Vietnam writes it and a spreadsheet exported as text shows it: "22/06/2020",
// "22/6/2020", "22-06-2020", "22.06.2020" (never month first). Throws Error
// "data.bad-date" at where, the hint naming the accepted forms.
CalendarDate parse_date(const std::string& text, const SourceLocation& where);

// Writes "ngày 05 tháng 02 năm 2020": days 1–9 and months 1–2 take a leading zero, other
// months do not (Decree 30, Phụ lục I, mục II.4; examples "ngày 05 tháng 01 năm 2020",
// "ngày 29 tháng 6 năm 2019").
std::string format_date_vi(const CalendarDate& date);

// A draft's date line, before it is signed: "ngày        tháng        năm          ", the
// blanks no-break spaces to write the day, month and year in by hand.
std::string format_blank_date_vi();

// Writes the short form "22/6/2020", "07/4/2014", "05/02/2020", with the zeros of the long
// form (the seed plan cites "Chỉ thị số 34/CT-TW ngày 07/4/2014").
std::string format_date_short_vi(const CalendarDate& date);

// Writes the day of the week as a meeting's time gives it: "thứ Hai" … "thứ Bảy" (the
// day's name capitalised, "thứ" not), "Chủ nhật".
std::string format_weekday_vi(const CalendarDate& date);

// Writes the place-and-date line: "Duyên Hải, ngày 26 tháng 8 năm 2019" (without a place,
// just the date).
std::string format_place_date(const std::string& place, const CalendarDate& date);

// Writes the Số line: "Số: 54/KH-UBND"; numbers 1–9 are written 01–09 and no spaces stand
// around "/" (Decree 30, Phụ lục I, mục II.3). A draft's number (empty) is a blank wide
// enough to write one by hand: "Số:          /KH-UBND".
std::string format_document_number(const std::string& number, const std::string& notation);

// Writes n (1–3999) in Roman numerals: 4 -> "IV". Phần, chương and report sections are
// numbered so (Decree 30, Phụ lục I, mục II.6; docs/conventions.md, "Body numbering").
std::string format_roman(int n);

// Returns the n-th điểm letter (1-based) of the sequence a b c d đ e g h i k l m n o p q r s
// t u v x y: the Vietnamese alphabet without ă â ê ô ơ ư, and never f j w z (Decree 30, Phụ lục I, mục II.6;
// docs/conventions.md, "Body numbering"). Past y it goes on doubled: aa, bb, …
std::string format_diem_letter(int n);

}  // namespace vanban::text
