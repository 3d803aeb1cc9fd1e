#include <catch2/catch.hpp>

#include <filesystem>

#include <algorithm>

#include "support/engine.h"
#include "support/paths.h"
#include "text/font.h"
#include "text/formats.h"
#include "text/unicode.h"

using namespace vanban;

namespace {

// Splits text at its break opportunities into the pieces a line could be made of.
std::vector<std::string> pieces(const std::string& text) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  for (auto b : text::find_break_opportunities(text)) {
    out.push_back(text.substr(begin, b - begin));
    begin = b;
  }
  out.push_back(text.substr(begin));
  for (auto& piece : out) {
    while (!piece.empty() && piece.back() == ' ') piece.pop_back();
  }
  return out;
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

TEST_CASE("NFD input is normalised to NFC") {
  const std::string nfd = "Vie\xCC\xA3\xCC\x82t Nam";  // e + dot below + circumflex
  CHECK(text::to_nfc(nfd) == "Việt Nam");
  CHECK(text::to_nfc("Việt Nam") == "Việt Nam");
  // đ has no decomposition; ư + hook above + ... composes to ử
  CHECK(text::to_nfc("u\xCC\x9B\xCC\x89") == "ử");
}

TEST_CASE("upper case follows Vietnamese rules") {
  CHECK(text::to_upper_vi("ủy ban nhân dân thị xã duyên hải") == "ỦY BAN NHÂN DÂN THỊ XÃ DUYÊN HẢI");
  CHECK(text::to_upper_vi("kế hoạch") == "KẾ HOẠCH");
  CHECK(text::to_upper_vi("đường") == "ĐƯỜNG");
}

TEST_CASE("lines break only at spaces: document numbers and dates stay whole") {
  const auto p = pieces("Kế hoạch theo 54/KH-UBND của 20/8/2019 và Chỉ thị 34/CT-TW");
  CHECK(contains(p, "54/KH-UBND"));
  CHECK(contains(p, "20/8/2019"));
  CHECK(contains(p, "34/CT-TW"));
  for (const auto& piece : p) CHECK(piece.find(' ') == std::string::npos);
}

TEST_CASE("a numeral stays with the word that counts it, and a break inside a date is discouraged") {
  CHECK(contains(pieces("Đại hội lần thứ I, tiến tới"), "thứ I,"));
  CHECK(contains(pieces("tại phường 1, thị xã"), "phường 1,"));
  CHECK(contains(pieces("theo Điều 3 và khoản 2 của"), "Điều 3"));
  CHECK(contains(pieces("theo Điều 3 và khoản 2 của"), "khoản 2"));
  CHECK(contains(pieces("Kế hoạch số 54/KH-UBND ngày 20/8/2019 của"), "số 54/KH-UBND"));
  // Inside a date a break is only discouraged: layout takes it when nothing else fits.
  const std::string date = "trước ngày 05 tháng 6 năm 2020 để";
  const auto discouraged = text::find_discouraged_breaks(date, text::find_break_opportunities(date));
  std::vector<std::string> after;
  for (const auto at : discouraged) after.push_back(date.substr(at, date.find(' ', at) - at));
  CHECK(after == std::vector<std::string>{"05", "tháng", "6", "năm", "2020"});
  const std::string numbered = "Kế hoạch số 54/KH-UBND ngày 20/8/2019 của", counted = "có 250 đại biểu, 5 người";
  CHECK(text::find_discouraged_breaks(numbered, text::find_break_opportunities(numbered)).size() == 1);
  CHECK(text::find_discouraged_breaks(counted, text::find_break_opportunities(counted)).empty());
  CHECK(contains(pieces("Phụ lục II kèm theo"), "lục II"));
  // Words that count nothing break as before; a number that is not a numeral is no heading.
  CHECK(contains(pieces("có 250 đại biểu"), "250"));
  CHECK(contains(pieces("thứ Năm, ngày"), "thứ"));
}

TEST_CASE("protected spaces: Số and its number, a dash between years, units, initials") {
  CHECK(contains(pieces("văn bản Số: 05/QĐ-BNV ban hành"), "Số: 05/QĐ-BNV"));
  CHECK(contains(pieces("từ 2015 - 2020 của"), "2015 -"));
  CHECK(contains(pieces("giai đoạn 2015 - 2020 của"), "đoạn 2015 -"));
  CHECK(contains(pieces("các thành phần kinh tế ... Qua đó"), "tế ..."));
  CHECK(contains(pieces("rộng 30 mm và"), "30 mm"));
  CHECK(contains(pieces("đồng chí Lê V. Phương ký"), "V. Phương"));
  // A no-break space never breaks.
  CHECK(contains(pieces("Điều\xC2\xA0" "1 quy định"), "Điều\xC2\xA0" "1"));
}

TEST_CASE("the date line writes a zero before days 1-9 and months 1-2 only") {
  const SourceLocation here{"test.xml", 1, 1};
  CHECK(text::format_date_vi(text::parse_date("2020-02-05", here)) == "ngày 05 tháng 02 năm 2020");
  CHECK(text::format_date_vi(text::parse_date("2020-01-05", here)) == "ngày 05 tháng 01 năm 2020");
  CHECK(text::format_date_vi(text::parse_date("2019-08-26", here)) == "ngày 26 tháng 8 năm 2019");
  CHECK(text::format_date_vi(text::parse_date("2019-03-09", here)) == "ngày 09 tháng 3 năm 2019");
  CHECK(text::format_date_vi(text::parse_date("2019-12-10", here)) == "ngày 10 tháng 12 năm 2019");
  CHECK(text::format_place_date("Duyên Hải", text::parse_date("2019-08-26", here)) ==
        "Duyên Hải, ngày 26 tháng 8 năm 2019");
  CHECK(text::format_place_date("", text::parse_date("2019-08-26", here)) == "ngày 26 tháng 8 năm 2019");
}

TEST_CASE("dates day first, as Vietnam writes them and a spreadsheet exports them") {
  const SourceLocation here{"ds.csv", 3, 7};
  for (const char* written : {"22/06/2020", "22/6/2020", "22-06-2020", "22.6.2020", "2020-06-22"}) {
    INFO(written);
    CHECK(text::format_date_vi(text::parse_date(written, here)) == "ngày 22 tháng 6 năm 2020");
  }
  CHECK(text::format_date_vi(text::parse_date("5/1/2019", here)) == "ngày 05 tháng 01 năm 2019");
  try {
    text::parse_date("06/22/2020", here);  // month first: no 22nd month
    FAIL("accepted");
  } catch (const Error& e) {
    REQUIRE_FALSE(e.diagnostic().hints.empty());
    CHECK_THAT(e.diagnostic().hints[0], Catch::Contains("day comes first"));
  }
  try {
    text::parse_date("22 June 2020", here);
    FAIL("accepted");
  } catch (const Error& e) {
    REQUIRE_FALSE(e.diagnostic().hints.empty());
    CHECK_THAT(e.diagnostic().hints[0], Catch::Contains("22/06/2020"));
  }
}

TEST_CASE("impossible and malformed dates are errors at their place") {
  const SourceLocation here{"plan.xml", 12, 9};
  CHECK_NOTHROW(text::parse_date("2020-02-29", here));  // leap year
  for (const char* bad : {"2019-02-29", "2019-04-31", "2019-13-01", "2019-00-10", "2019-8-26", "29/02/2019", "08/26/2019",
                          "26/08/19", "26/08-2019", "126/8/2019"}) {
    try {
      text::parse_date(bad, here);
      FAIL("accepted " << bad);
    } catch (const Error& e) {
      CHECK(e.diagnostic().code == "data.bad-date");
      CHECK(e.diagnostic().where.line == 12);
      CHECK(e.diagnostic().where.column == 9);
    }
  }
}

TEST_CASE("a draft's Số and date lines keep room, in no-break spaces, to write by hand") {
  const std::string nbsp = "\u00A0";
  std::string room;
  for (int k = 0; k < 10; ++k) room += nbsp;
  CHECK(text::format_document_number("", "KH-UBND") == "Số:" + room + "/KH-UBND");
  const std::string blank = text::format_blank_date_vi();
  CHECK(blank.rfind("ngày" + nbsp, 0) == 0);
  CHECK(blank.find(nbsp + "tháng" + nbsp) != std::string::npos);
  CHECK(blank.find(nbsp + "năm" + nbsp) != std::string::npos);
  CHECK(blank.find_first_of("0123456789 ") == std::string::npos);  // no digits, and no space a line could break at
}

TEST_CASE("the Số line writes numbers 1-9 as 01-09") {
  CHECK(text::format_document_number("54", "KH-UBND") == "Số: 54/KH-UBND");
  CHECK(text::format_document_number("5", "QĐ-UBND") == "Số: 05/QĐ-UBND");
  CHECK(text::format_document_number("05", "QĐ-UBND") == "Số: 05/QĐ-UBND");
  CHECK(text::format_document_number("120", "TTr-UBND") == "Số: 120/TTr-UBND");
}

TEST_CASE("font metrics come from the TrueType file") {
  const auto fonts = testing::fonts();
  const auto& regular = fonts.face(text::FaceStyle::regular);
  // Liberation Serif: hhea 1825 + 443 + 87 over 2048 units: 1.15 em (read from the font file).
  CHECK(regular.line_height() == Approx(2355.0 / 2048.0));
  CHECK(regular.ascent() == Approx(1825.0 / 2048.0));
  // Width of the bold Quốc hiệu at 12 pt is about 88.3 mm (measured).
  const double width = fonts.face(text::FaceStyle::bold).text_width("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12);
  CHECK(width / (72.0 / 25.4) == Approx(88.3).margin(0.3));
  CHECK(regular.has_glyph(U'ự'));
  CHECK_FALSE(regular.has_glyph(U'\U0001F600'));
}

TEST_CASE("fonts load from memory as from a folder, and the face keeps its file for the PDF") {
  MemoryResources memory;
  for (const auto& face : testing::fonts().faces) memory.add(std::filesystem::path(face->name()).filename().string(), face->bytes());
  const auto fonts = text::load_font_family(memory);
  const auto& regular = fonts.face(text::FaceStyle::regular);
  CHECK(regular.name() == "memory:LiberationSerif-Regular.ttf");
  CHECK(regular.bytes() == testing::fonts().face(text::FaceStyle::regular).bytes());
  CHECK(regular.text_width("Quốc hiệu", 14) == testing::fonts().face(text::FaceStyle::regular).text_width("Quốc hiệu", 14));
  MemoryResources three_faces;
  three_faces.add("LiberationSerif-Regular.ttf", regular.bytes());
  CHECK_THROWS_WITH(text::load_font_family(three_faces), Catch::Contains("no bold face found"));
}

TEST_CASE("a missing face is an error naming the folder") {
  try {
    text::load_font_family(*folder_resources(vanban::testing::source_dir() + "/templates"));
    FAIL("loaded fonts from a folder without fonts");
  } catch (const Error& e) {
    CHECK(e.diagnostic().code == "font.missing");
    CHECK(e.diagnostic().where.file.find("templates") != std::string::npos);
  }
}

TEST_CASE("Roman numerals for parts and sections") {
  CHECK(text::format_roman(1) == "I");
  CHECK(text::format_roman(4) == "IV");
  CHECK(text::format_roman(9) == "IX");
  CHECK(text::format_roman(14) == "XIV");
  CHECK(text::format_roman(40) == "XL");
  CHECK(text::format_roman(1999) == "MCMXCIX");
  CHECK(text::format_roman(3999) == "MMMCMXCIX");
  CHECK(text::format_roman(0) == "0");  // no Roman zero: the number as it is
}

TEST_CASE("điểm letters: a b c d đ e g h … y, never f j w z (R23)") {
  std::string sequence;
  for (int n = 1; n <= 23; ++n) sequence += text::format_diem_letter(n) + " ";
  CHECK(sequence == "a b c d đ e g h i k l m n o p q r s t u v x y ");
  CHECK(text::format_diem_letter(24) == "aa");
  CHECK(text::format_diem_letter(28) == "đđ");
}

TEST_CASE("character boundaries keep a letter with its marks") {
  // "ệ" in NFD is three code points; it is one user-perceived character.
  const std::string nfd = "e\xCC\xA3\xCC\x82m";  // e + dot below + circumflex, then m
  CHECK(text::find_character_boundaries(nfd) == std::vector<std::size_t>{5});
  CHECK(text::find_character_boundaries("Nguyễn") == std::vector<std::size_t>{1, 2, 3, 4, 7});
}
