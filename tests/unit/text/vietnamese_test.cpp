// The Vietnamese language layer: dates at every boundary, numbers and amounts in words,
// document numbers (Phụ lục III) and sorting people.
#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <sstream>

#include "text/document_number.h"
#include "text/formats.h"
#include "text/names.h"
#include "text/numbers.h"
#include "text/unicode.h"

using namespace vanban;

namespace {

const SourceLocation here{"data.xml", 7, 3};

std::vector<std::string> words_of(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> words;
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

// Reads spelt-out Vietnamese back into a number, independently of how it was written: digits
// count where they stand before "trăm" and "mươi", scale words multiply what came before.
std::uint64_t read_words(const std::string& text) {
  static const std::map<std::string, int> digits = {
      {"không", 0}, {"một", 1}, {"mốt", 1}, {"hai", 2}, {"ba", 3},  {"bốn", 4},  {"tư", 4},
      {"năm", 5},   {"lăm", 5}, {"sáu", 6}, {"bảy", 7}, {"tám", 8}, {"chín", 9},
  };
  std::uint64_t billions = 0, below_billion = 0, group = 0, last = 0;
  for (const auto& word : words_of(text)) {
    if (const auto digit = digits.find(word); digit != digits.end()) {
      last = static_cast<std::uint64_t>(digit->second);
    } else if (word == "trăm") {
      group += last * 100, last = 0;
    } else if (word == "mươi") {
      group += last * 10, last = 0;
    } else if (word == "mười") {
      group += 10;
    } else if (word == "linh" || word == "lẻ") {
      // a zero tens digit: nothing to add
    } else if (word == "nghìn" || word == "triệu") {
      below_billion += (group + last) * (word == "nghìn" ? 1000 : 1'000'000), group = last = 0;
    } else if (word == "tỷ") {
      billions = (below_billion + group + last), below_billion = group = last = 0;
    } else {
      FAIL("unexpected word '" << word << "' in '" << text << "'");
    }
  }
  return billions * 1'000'000'000 + below_billion + group + last;
}

// Usage rules that a round trip cannot see: "mốt", "tư" and "lăm" only after a tens word,
// "linh" xor "lẻ", and every group under 100 after a higher one says its "không trăm".
void check_usage(const std::string& text, const char* zero_tens) {
  const auto words = words_of(text);
  for (std::size_t k = 0; k < words.size(); ++k) {
    const std::string before = k > 0 ? words[k - 1] : "";
    if (words[k] == "mốt" || words[k] == "tư") CHECK(before == "mươi");
    if (words[k] == "lăm") CHECK((before == "mươi" || before == "mười"));
    if (words[k] == "một") CHECK(before != "mươi");
    if (words[k] == "linh" || words[k] == "lẻ") CHECK(words[k] == zero_tens);
    const auto is_scale = [](const std::string& word) { return word == "nghìn" || word == "triệu" || word == "tỷ"; };
    if (is_scale(words[k]) && k + 1 < words.size()) {
      // The next group says its hundreds digit, or a larger scale follows ("một nghìn tỷ").
      CHECK((is_scale(words[k + 1]) || (k + 2 < words.size() && words[k + 2] == "trăm")));
    }
  }
}

}  // namespace

TEST_CASE("all 144 vowel letters and đ Đ: NFD composes to the precomposed letter, and case maps pair them") {
  // Precomposed, as typed (this file is NFC): each row one vowel, tones ngang huyền hỏi ngã sắc nặng.
  const std::vector<std::string> lower = {"aàảãáạ", "ăằẳẵắặ", "âầẩẫấậ", "eèẻẽéẹ", "êềểễếệ", "iìỉĩíị",
                                          "oòỏõóọ", "ôồổỗốộ", "ơờởỡớợ", "uùủũúụ", "ưừửữứự", "yỳỷỹýỵ"};
  const std::vector<std::string> upper = {"AÀẢÃÁẠ", "ĂẰẲẴẮẶ", "ÂẦẨẪẤẬ", "EÈẺẼÉẸ", "ÊỀỂỄẾỆ", "IÌỈĨÍỊ",
                                          "OÒỎÕÓỌ", "ÔỒỔỖỐỘ", "ƠỜỞỠỚỢ", "UÙỦŨÚỤ", "ƯỪỬỮỨỰ", "YỲỶỸÝỴ"};
  // The same letters in NFD: base letter, vowel mark (breve U+0306, circumflex U+0302,
  // horn U+031B), then the tone mark.
  const std::vector<std::pair<std::string, std::string>> bases = {
      {"a", ""}, {"a", "\u0306"}, {"a", "\u0302"}, {"e", ""}, {"e", "\u0302"}, {"i", ""},
      {"o", ""}, {"o", "\u0302"}, {"o", "\u031B"}, {"u", ""}, {"u", "\u031B"}, {"y", ""}};
  const std::vector<std::string> tones = {"", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"};
  std::size_t letters = 0;
  for (std::size_t v = 0; v < bases.size(); ++v) {
    const auto lower_letters = text::decode_utf8(lower[v]);
    const auto upper_letters = text::decode_utf8(upper[v]);
    REQUIRE(lower_letters.size() == 6);
    REQUIRE(upper_letters.size() == 6);
    for (std::size_t t = 0; t < tones.size(); ++t) {
      std::string small, capital;
      text::append_utf8(lower_letters[t], small);
      text::append_utf8(upper_letters[t], capital);
      std::string capital_base = bases[v].first;
      capital_base[0] = static_cast<char>(capital_base[0] - 32);
      INFO(small << " / " << capital);
      CHECK(text::to_nfc(bases[v].first + bases[v].second + tones[t]) == small);
      CHECK(text::to_nfc(capital_base + bases[v].second + tones[t]) == capital);
      CHECK(text::to_nfc(small) == small);
      CHECK(text::to_upper_vi(small) == capital);
      CHECK(text::to_lower_vi(capital) == small);
      letters += 2;
    }
  }
  CHECK(letters == 144);
  CHECK(text::to_upper_vi("đ") == "Đ");
  CHECK(text::to_lower_vi("Đ") == "đ");
  CHECK(text::to_nfc("đ") == "đ");  // đ has no decomposition: it is a letter of its own
}

TEST_CASE("dates at every boundary: zeros before days 1-9 and months 1-2, leap years, month ends") {
  const std::vector<std::pair<const char*, const char*>> good = {
      {"2020-01-01", "ngày 01 tháng 01 năm 2020"}, {"2020-01-09", "ngày 09 tháng 01 năm 2020"},
      {"2020-01-10", "ngày 10 tháng 01 năm 2020"}, {"2020-01-31", "ngày 31 tháng 01 năm 2020"},
      {"2020-02-05", "ngày 05 tháng 02 năm 2020"}, {"2020-02-29", "ngày 29 tháng 02 năm 2020"},
      {"2000-02-29", "ngày 29 tháng 02 năm 2000"}, {"2019-02-28", "ngày 28 tháng 02 năm 2019"},
      {"2019-03-01", "ngày 01 tháng 3 năm 2019"},  {"2019-03-31", "ngày 31 tháng 3 năm 2019"},
      {"2019-04-30", "ngày 30 tháng 4 năm 2019"},  {"2019-06-29", "ngày 29 tháng 6 năm 2019"},
      {"2019-09-30", "ngày 30 tháng 9 năm 2019"},  {"2019-10-01", "ngày 01 tháng 10 năm 2019"},
      {"2019-11-30", "ngày 30 tháng 11 năm 2019"}, {"2019-12-31", "ngày 31 tháng 12 năm 2019"},
  };
  for (const auto& [iso, line] : good) {
    INFO(iso);
    CHECK(text::format_date_vi(text::parse_date(iso, here)) == line);
  }
  // The short form keeps the same zeros: "ngày 05 tháng 02" is 05/02, "ngày 07 tháng 4" is 07/4.
  CHECK(text::format_date_short_vi(text::parse_date("2020-02-05", here)) == "05/02/2020");
  CHECK(text::format_date_short_vi(text::parse_date("2014-04-07", here)) == "07/4/2014");
  CHECK(text::format_date_short_vi(text::parse_date("2019-12-31", here)) == "31/12/2019");
  const char* bad[] = {"2019-02-29", "1900-02-29", "2100-02-29", "2019-04-31", "2019-06-31", "2019-09-31",
                       "2019-11-31", "2019-01-32", "2019-12-00", "2019-00-01", "2019-13-01", "2019-1-05",
                       "19-01-05",   "2019/01/05", "05-01-19",   "2019-01-05T10:00", "", "abcd-ef-gh"};
  for (const char* iso : bad) {
    INFO(iso);
    CHECK_THROWS_AS(text::parse_date(iso, here), Error);
  }
}

TEST_CASE("the day of the week, across a leap day and a century") {
  // Known weekdays: the congress day, 1 January 2000 (a Saturday), 29 February 2000 (a
  // Tuesday), 2 September 1945 (a Sunday), 1 March 2100 (a Monday: 2100 has no 29 February).
  const std::vector<std::pair<const char*, const char*>> days = {
      {"2020-06-25", "thứ Năm"}, {"2000-01-01", "thứ Bảy"}, {"2000-02-29", "thứ Ba"},
      {"1945-09-02", "Chủ nhật"}, {"2100-03-01", "thứ Hai"}, {"2019-08-26", "thứ Hai"},
      {"2026-11-24", "thứ Ba"},   {"2026-11-27", "thứ Sáu"}, {"2026-11-25", "thứ Tư"},
  };
  for (const auto& [iso, name] : days) {
    INFO(iso);
    CHECK(text::format_weekday_vi(text::parse_date(iso, here)) == name);
  }
}

TEST_CASE("numbers are grouped the Vietnamese way, and ambiguous ones are refused") {
  const std::vector<std::pair<const char*, const char*>> good = {
      {"0", "0"},           {"7", "7"},           {"999", "999"},       {"1000", "1.000"},
      {"1250000", "1.250.000"}, {"1.250.000", "1.250.000"}, {"1250000,5", "1.250.000,5"},
      {"-1250", "-1.250"},  {"0,25", "0,25"},     {"007", "7"},         {"1.000.000.000.000", "1.000.000.000.000"},
  };
  for (const auto& [input, written] : good) {
    INFO(input);
    CHECK(text::format_number_vi(text::parse_number_vi(input, here)) == written);
  }
  for (const char* input : {"1.25", "1.2500", "1250000.5", "12.50.000", ".250", "1,", "1,2,3", "1 250", "12a", "", "-"}) {
    INFO(input);
    try {
      text::parse_number_vi(input, here);
      FAIL("accepted");
    } catch (const Error& e) {
      CHECK(e.diagnostic().code == "data.bad-number");
      CHECK(e.diagnostic().where.line == 7);
    }
  }
}

TEST_CASE("amounts in words: the usual cases, with linh or lẻ") {
  const std::vector<std::pair<std::uint64_t, const char*>> cases = {
      {0, "Không đồng"},
      {1, "Một đồng"},
      {10, "Mười đồng"},
      {11, "Mười một đồng"},
      {14, "Mười bốn đồng"},
      {15, "Mười lăm đồng"},
      {20, "Hai mươi đồng"},
      {21, "Hai mươi mốt đồng"},
      {24, "Hai mươi tư đồng"},
      {25, "Hai mươi lăm đồng"},
      {55, "Năm mươi lăm đồng"},
      {101, "Một trăm linh một đồng"},
      {105, "Một trăm linh năm đồng"},
      {110, "Một trăm mười đồng"},
      {115, "Một trăm mười lăm đồng"},
      {1'005, "Một nghìn không trăm linh năm đồng"},
      {1'010, "Một nghìn không trăm mười đồng"},
      {1'021, "Một nghìn không trăm hai mươi mốt đồng"},
      {15'000, "Mười lăm nghìn đồng"},
      {21'000, "Hai mươi mốt nghìn đồng"},
      {100'005, "Một trăm nghìn không trăm linh năm đồng"},
      {105'000, "Một trăm linh năm nghìn đồng"},
      {1'000'000, "Một triệu đồng"},
      {1'000'005, "Một triệu không trăm linh năm đồng"},
      {1'005'000, "Một triệu không trăm linh năm nghìn đồng"},
      {1'250'000, "Một triệu hai trăm năm mươi nghìn đồng"},
      {25'000'000, "Hai mươi lăm triệu đồng"},
      {1'000'000'000, "Một tỷ đồng"},
      {1'000'000'005, "Một tỷ không trăm linh năm đồng"},
      {1'000'050'000, "Một tỷ không trăm năm mươi nghìn đồng"},
      {999'999'999'999, "Chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn "
                        "chín trăm chín mươi chín đồng"},
      {1'000'000'000'000, "Một nghìn tỷ đồng"},
  };
  for (const auto& [amount, words] : cases) {
    INFO(amount);
    CHECK(text::amount_in_words_vi(amount) == words);
  }
  CHECK(text::amount_in_words_vi(105, text::ZeroTens::le) == "Một trăm lẻ năm đồng");
  CHECK(text::amount_in_words_vi(1'005, text::ZeroTens::le) == "Một nghìn không trăm lẻ năm đồng");
  CHECK(text::spell_number_vi(2'019) == "hai nghìn không trăm mười chín");
}

TEST_CASE("amounts in words read back to their number, from 0 to 10^12") {
  std::vector<std::uint64_t> amounts;
  for (std::uint64_t n = 0; n <= 20'000; ++n) amounts.push_back(n);
  std::mt19937_64 random(20191008);
  for (int k = 0; k < 20'000; ++k) amounts.push_back(random() % 1'000'000'000'001);
  for (std::uint64_t scale = 1; scale <= 1'000'000'000'000; scale *= 10) {
    for (std::uint64_t offset : {0, 1, 5, 10, 15, 21, 105, 1005}) amounts.push_back(scale + offset);
  }
  for (const auto amount : amounts) {
    for (const auto zero_tens : {text::ZeroTens::linh, text::ZeroTens::le}) {
      const std::string words = text::spell_number_vi(amount, zero_tens);
      INFO(amount << ": " << words);
      REQUIRE(read_words(words) == amount);
      check_usage(words, zero_tens == text::ZeroTens::linh ? "linh" : "lẻ");
    }
  }
}

TEST_CASE("Phụ lục III: every type has its abbreviation in its exact case") {
  CHECK(text::document_types().size() == 32);  // 29 types and 3 kinds of copy
  const std::vector<std::pair<const char*, const char*>> expected = {
      {"Nghị quyết", "NQ"},  {"Quyết định", "QĐ"},   {"Chỉ thị", "CT"},    {"Quy chế", "QC"},
      {"Quy định", "QyĐ"},   {"Thông cáo", "TC"},    {"Thông báo", "TB"},  {"Hướng dẫn", "HD"},
      {"Chương trình", "CTr"}, {"Kế hoạch", "KH"},   {"Phương án", "PA"},  {"Đề án", "ĐA"},
      {"Dự án", "DA"},       {"Báo cáo", "BC"},      {"Biên bản", "BB"},   {"Tờ trình", "TTr"},
      {"Hợp đồng", "HĐ"},    {"Công điện", "CĐ"},    {"Bản ghi nhớ", "BGN"}, {"Bản thỏa thuận", "BTT"},
      {"Giấy ủy quyền", "GUQ"}, {"Giấy mời", "GM"},  {"Giấy giới thiệu", "GGT"}, {"Giấy nghỉ phép", "GNP"},
      {"Phiếu gửi", "PG"},   {"Phiếu chuyển", "PC"}, {"Phiếu báo", "PB"},  {"Bản sao y", "SY"},
      {"Bản trích sao", "TrS"}, {"Bản sao lục", "SL"}, {"Công văn", ""},   {"Thư công", ""},
  };
  for (const auto& [name, code] : expected) {
    INFO(name);
    const auto type = text::find_document_type(name);
    REQUIRE(type);
    CHECK(type->code == code);
    if (*code) CHECK(text::find_document_type_by_code(code)->name == name);
  }
  // Any case, NFD, "(cá biệt)" and old-style tone places find the same type.
  CHECK(text::find_document_type("KẾ HOẠCH")->code == "KH");
  CHECK(text::find_document_type("ke\xCC\x82\xCC\x81 hoa\xCC\xA3" "ch")->code == "KH");
  CHECK(text::find_document_type("Quyết định (cá biệt)")->code == "QĐ");
  CHECK(text::find_document_type("Giấy uỷ quyền")->code == "GUQ");
  CHECK(text::find_document_type("Bản thoả thuận")->code == "BTT");
  CHECK_FALSE(text::find_document_type("Thông tư"));
  CHECK_FALSE(text::find_document_type_by_code("TTR"));
}

TEST_CASE("the ký hiệu builder joins type and issuer, or issuer and unit for a công văn") {
  CHECK(text::build_notation("Kế hoạch", "UBND", "", here) == "KH-UBND");
  CHECK(text::build_notation("Tờ trình", "UBND", "", here) == "TTr-UBND");
  CHECK(text::build_notation("Quyết định", "HĐTĐKT", "", here) == "QĐ-HĐTĐKT");
  CHECK(text::build_notation("Công văn", "UBND", "VX", here) == "UBND-VX");
  CHECK(text::build_notation("Giấy mời", "UBND", "VP", here) == "GM-UBND-VP");
  CHECK(text::format_document_number("5", text::build_notation("Quy định", "UBND", "", here)) == "Số: 05/QyĐ-UBND");
  CHECK_THROWS_AS(text::build_notation("Công văn", "UBND", "", here), Error);
  CHECK_THROWS_AS(text::build_notation("Thông tư", "BNV", "", here), Error);
}

TEST_CASE("the document-number validator accepts the decree's examples and names each fault") {
  CHECK(text::check_document_number("54", "KH-UBND", "Kế hoạch", here).empty());
  CHECK(text::check_document_number("15", "QĐ-BNV", "Quyết định", here).empty());
  CHECK(text::check_document_number("12", "TTr-UBND", "Tờ trình", here).empty());
  CHECK(text::check_document_number("05", "BNV-VP", "Công văn", here).empty());
  CHECK(text::check_document_number("5", "UBND-VX", "Công văn", here).empty());
  CHECK(text::check_document_number("120", "GM-UBND", "", here).empty());
  const std::vector<std::tuple<const char*, const char*, const char*, const char*>> faults = {
      {"0", "KH-UBND", "Kế hoạch", "check.number-form"},
      {"005", "KH-UBND", "Kế hoạch", "check.number-form"},
      {"054", "KH-UBND", "Kế hoạch", "check.number-form"},
      {"5a", "KH-UBND", "Kế hoạch", "check.number-form"},
      {"123456789012", "KH-UBND", "Kế hoạch", "check.number-form"},
      {"54", "KH - UBND", "Kế hoạch", "check.notation-form"},
      {"54", "kh-ubnd", "Kế hoạch", "check.notation-form"},
      {"54", "KH", "Kế hoạch", "check.notation-form"},
      {"30", "2020/NĐ-CP", "Nghị quyết", "check.notation-form"},
      {"54", "KH-UBND-ABCDEFGHIJKLMNOPQRSTUVWXYZ", "Kế hoạch", "check.notation-form"},
      {"54", "QĐ-UBND", "Kế hoạch", "check.notation-type"},
      {"12", "TTR-UBND", "Tờ trình", "check.notation-type"},
      {"12", "KH-UBND", "Công văn", "check.notation-type"},
      {"12", "TT-BNV", "Thông tư", "check.unknown-type"},
  };
  for (const auto& [number, notation, type, code] : faults) {
    INFO(number << "/" << notation << " " << type);
    const auto problems = text::check_document_number(number, notation, type, here);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].code == code);
    CHECK(problems[0].where.line == 7);
  }
  const auto wrong_case = text::check_document_number("12", "TTR-UBND", "Tờ trình", here);
  CHECK_THAT(wrong_case[0].message, Catch::Contains("TTr") && Catch::Contains("in that case"));
}

TEST_CASE("names split into họ, đệm and tên") {
  const auto full = text::split_person_name("  Nguyễn   Thị Minh Khai ");
  CHECK(full.family == "Nguyễn");
  CHECK(full.middle == "Thị Minh");
  CHECK(full.given == "Khai");
  const auto two = text::split_person_name("Lê Hùng");
  CHECK(two.family == "Lê");
  CHECK(two.middle.empty());
  CHECK(two.given == "Hùng");
  CHECK(text::split_person_name("Hùng").given == "Hùng");
  CHECK(text::split_person_name("Hùng").family.empty());
}

TEST_CASE("50 names sorted as a Vietnamese office sorts them: tên, then họ, then đệm") {
  // Written by hand in the order an office list takes (docs/conventions.md, "Sorting names"): tên first, letter by
  // letter (a < ă < â, d < đ, o < ô < ơ, u < ư), tones only after letters (Anh < Ánh,
  // Phương < Phượng); then họ, then đệm, a missing đệm first. Old-style and new-style tone
  // places are one name (Âu Thị Hòa and Châu Văn Hoà are ordered by họ).
  const std::vector<std::string> sorted = {
      "Lê Văn An",          "Nguyễn Thị An",     "Nguyễn Văn An",    "Phạm Thị Anh",      "Đỗ Thị Ánh",
      "Hồ Văn Ân",          "Bùi Thị Bình",      "Võ Văn Bình",      "Dương Quốc Cường",  "Đặng Văn Cường",
      "Nguyễn Tiến Dũng",   "Lâm Thùy Dương",    "Lý Thị Đào",       "Trịnh Văn Đạt",     "Ngô Thanh Hà",
      "Vũ Thu Hà",          "Tô Văn Hải",        "Âu Thị Hòa",       "Châu Văn Hoà",      "Lê Hùng",
      "Lê Mạnh Hùng",       "Phan Văn Hưng",     "Đinh Thị Hương",   "Đinh Thị Thu Hương", "La Đăng Khoa",
      "Nguyễn Thị Lan",     "Nguyễn Thị Ngọc Lan", "Trương Minh",    "Trương Công Minh",  "Hà Văn Nam",
      "Lưu Bảo Ngọc",       "Phùng Thị Nhung",   "Lương Thị Phương", "Lương Thị Phượng",  "Mạc Văn Quân",
      "Cao Văn Quý",        "Ôn Thị Sơn",        "Ông Văn Sơn",      "Chu Thị Tâm",       "Từ Thị Thảo",
      "Bạch Văn Thắng",     "Diệp Thị Thúy",     "Giáp Thị Thuý",    "Văn Đức Trí",       "Nghiêm Anh Tú",
      "Đoàn Anh Tuấn",      "Đoàn Minh Tuấn",    "Đàm Quốc Việt",    "Tôn Nữ Thanh Xuân", "Ứng Thị Yến",
  };
  REQUIRE(sorted.size() == 50);
  // Shuffle deterministically (step 17 through 50 visits every position), with one name in
  // NFD and one with stray spaces, as pasted data has them.
  std::vector<std::string> input;
  for (std::size_t k = 0; k < sorted.size(); ++k) input.push_back(sorted[k * 17 % sorted.size()]);
  for (auto& name : input) {
    if (name == "Trịnh Văn Đạt") name = "Tri\xCC\xA3nh Va\xCC\x86n \xC4\x90" "a\xCC\xA3t";
    if (name == "Hà Văn Nam") name = " Hà  Văn Nam ";
  }
  const auto order = text::sort_names_order(input);
  REQUIRE(order.size() == input.size());
  for (std::size_t k = 0; k < order.size(); ++k) {
    INFO("position " << k);
    CHECK(text::split_person_name(input[order[k]]).given == text::split_person_name(sorted[k]).given);
    CHECK(text::to_nfc(input[order[k]]).find(text::split_person_name(sorted[k]).family) != std::string::npos);
  }
  std::vector<std::string> result;
  for (const auto position : order) {
    const auto name = text::split_person_name(input[position]);
    result.push_back(name.family + (name.middle.empty() ? "" : " " + name.middle) + " " + name.given);
  }
  CHECK(result == sorted);
}

TEST_CASE("the tie-break after tên is configurable, and equal names keep their order") {
  const std::vector<std::string> names = {"Nguyễn Thị An", "Lê Văn An"};
  CHECK(text::sort_names_order(names) == std::vector<std::size_t>{1, 0});  // họ: Lê < Nguyễn
  text::NameOrder middle_first;
  middle_first.parts = {text::NamePart::given, text::NamePart::middle, text::NamePart::family};
  CHECK(text::sort_names_order(names, middle_first) == std::vector<std::size_t>{0, 1});  // đệm: Thị < Văn
  const std::vector<std::string> twins = {"Hà Văn Nam", "Hà Văn Nam", "Hà Văn Nam"};
  CHECK(text::sort_names_order(twins) == std::vector<std::size_t>{0, 1, 2});
}
