// The document family read back as a reader sees it: each built-in template's sample rendered
// by the command line, then pdftotext, pdfinfo and mutool. These prove what a trace cannot:
// the words copy out with their diacritics, in reading order, on the pages and paper they
// should be on.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <regex>
#include <sstream>

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <pugixml.hpp>

#include "base/files.h"
#include "support/paths.h"
#include "support/run.h"

using namespace vanban;
using testing::quote;
using testing::run;

namespace {

struct Rendered {
  testing::Run render;
  std::string pdf;
};

// Renders samples/<name>.xml once per test run.
const Rendered& rendered(const std::string& name) {
  static std::map<std::string, Rendered> cache;
  static const auto dir = testing::scratch("family-pdf");
  if (const auto found = cache.find(name); found != cache.end()) return found->second;
  Rendered result;
  result.pdf = (dir / (name + ".pdf")).string();
  result.render = run(quote(testing::vanban_cli()) + " render " + quote(testing::sample(name + ".xml")) + " -o " +
                      quote(result.pdf));
  return cache.emplace(name, std::move(result)).first->second;
}

// The text of pages first..last (1-based; 0: to the end), in reading order, one space
// between words.
std::string text_of(const std::string& pdf, int first = 1, int last = 0) {
  std::string command = "pdftotext -raw -enc UTF-8 -f " + std::to_string(first);
  if (last > 0) command += " -l " + std::to_string(last);
  const auto extracted = run(command + " " + quote(pdf) + " -");
  REQUIRE(extracted.exit_code == 0);
  return testing::collapse_spaces(extracted.out);
}

std::string info_of(const std::string& pdf) {
  const auto info = run("pdfinfo -enc UTF-8 " + quote(pdf));
  REQUIRE(info.exit_code == 0);
  return info.out;
}

int pages_of(const std::string& pdf) {
  std::smatch match;
  const std::string info = info_of(pdf);
  REQUIRE(std::regex_search(info, match, std::regex(R"(Pages:\s+(\d+))")));
  return std::stoi(match[1]);
}

// Each of lines occurs in text, in this order.
void check_in_order(const std::string& text, const std::vector<std::string>& lines) {
  std::size_t from = 0;
  for (const auto& line : lines) {
    const auto at = text.find(line, from);
    INFO("expected, after what came before: " << line);
    CHECK(at != std::string::npos);
    if (at != std::string::npos) from = at + line.size();
  }
}

// A line of text as mutool's structured text gives it: its box (points, top-left origin),
// the font and size of its first character, and its text.
struct StextLine {
  int page = 0;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  std::string font;
  double size = 0;
  std::string text;
  double centre() const { return (x0 + x1) / 2; }
};

std::vector<StextLine> stext_lines(const std::string& pdf) {
  const auto stext = run("mutool draw -F stext -o - " + quote(pdf) + " 2>/dev/null");
  REQUIRE(stext.exit_code == 0);
  pugi::xml_document document;
  REQUIRE(document.load_string(stext.out.c_str()));
  std::vector<StextLine> lines;
  int page = 0;
  for (const auto& page_node : document.select_nodes("//page")) {
    ++page;
    for (const auto& line_node : page_node.node().select_nodes(".//line")) {
      StextLine line;
      line.page = page;
      std::istringstream box(line_node.node().attribute("bbox").value());
      box >> line.x0 >> line.y0 >> line.x1 >> line.y1;
      const auto font = line_node.node().child("font");
      line.font = font.attribute("name").value();
      line.size = font.attribute("size").as_double();
      for (const auto& character : line_node.node().select_nodes(".//char")) line.text += character.node().attribute("c").value();
      lines.push_back(std::move(line));
    }
  }
  return lines;
}

const StextLine& line_starting(const std::vector<StextLine>& lines, const std::string& start) {
  const auto found = std::find_if(lines.begin(), lines.end(), [&](const StextLine& line) { return line.text.rfind(start, 0) == 0; });
  INFO("a line starting with: " << start);
  REQUIRE(found != lines.end());
  return *found;
}

constexpr double points_per_mm = 72 / 25.4;

void check_clean_render(const Rendered& sample) {
  CHECK(sample.render.exit_code == 0);
  CHECK(sample.render.err.empty());  // no Decree 30 warning on a built-in sample
  REQUIRE(std::filesystem::exists(sample.pdf));
}

}  // namespace

TEST_CASE("agenda: the header, CHƯƠNG TRÌNH and every session and item of the programme, in order") {
  const auto& sample = rendered("chuong-trinh-dai-hoi");
  check_clean_render(sample);
  CHECK(pages_of(sample.pdf) == 2);
  const std::string text = text_of(sample.pdf);
  check_in_order(text, {"ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 18/CTr-UBND",
                        "Duyên Hải, ngày 10 tháng 6 năm 2020", "CHƯƠNG TRÌNH",
                        "Đại hội Thi đua yêu nước thị xã Duyên Hải lần thứ I", "Thời gian Nội dung Thực hiện",
                        "PHIÊN TRÙ BỊ (07 giờ 00 - 07 giờ 30)", "Đón tiếp đại biểu",
                        "PHIÊN CHÍNH THỨC (07 giờ 30 - 11 giờ 30)", "Diễn văn khai mạc Đại hội",
                        // A cell's lines are read across the row, so only one line of a cell
                        // comes out whole: each fragment is the first line of its cell.
                        "Báo cáo tham luận của các điển hình", "- Tham luận của Hội Cựu chiến binh thị xã;",
                        "Biểu dương, tôn vinh, khen thưởng các điển", "Phát động phong trào Thi đua yêu nước giai",
                        "tổng kết và bế mạc Đại hội",
                        "Nơi nhận:", "- Lưu: VT, NV.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Thanh Hùng"});
  // The table goes on over the page: its header row is repeated at the top of page 2.
  CHECK(std::regex_search(text_of(sample.pdf, 2, 2), std::regex("^(2 )?Thời gian Nội dung Thực hiện")));
}

TEST_CASE("invitation: GIẤY MỜI with the labelled lines of Mẫu 1.7 and the meeting's weekday") {
  const auto& sample = rendered("giay-moi-dai-hoi");
  check_clean_render(sample);
  CHECK(pages_of(sample.pdf) == 1);
  check_in_order(text_of(sample.pdf),
                 {"Số: 45/GM-UBND", "GIẤY MỜI", "Dự Đại hội Thi đua yêu nước thị xã Duyên Hải lần thứ I",
                  "Ủy ban nhân dân thị xã Duyên Hải trân trọng kính mời: Đồng chí Trưởng Ban Thi đua - Khen thưởng "
                  "tỉnh Trà Vinh",
                  "Tới dự Đại hội Thi đua yêu nước thị xã Duyên Hải lần thứ I", "Chủ trì: Đồng chí Lê Vũ Phương",
                  "Thời gian: 07 giờ 00, thứ Năm, ngày 25 tháng 6 năm 2020.", "Địa điểm: Hội trường Ủy ban nhân dân",
                  "(điện thoại: 0294 3832 145)./.", "- Như trên;", "TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Trần Minh Trí"});
}

TEST_CASE("delegate list: all 307 delegates, numbered on, each group sorted by tên, the header on every page") {
  const auto& sample = rendered("danh-sach-dai-bieu");
  check_clean_render(sample);
  const int pages = pages_of(sample.pdf);
  CHECK(pages >= 10);
  // Every name of the data is in the PDF, with its diacritics.
  const std::string data = read_file(testing::sample("danh-sach-dai-bieu.xml"));
  const std::string text = text_of(sample.pdf);
  std::vector<std::string> names;
  const std::regex name_element("<name>([^<]+)</name>");
  for (auto it = std::sregex_iterator(data.begin(), data.end(), name_element); it != std::sregex_iterator(); ++it) {
    names.push_back((*it)[1]);
  }
  REQUIRE(names.size() >= 307);  // the delegates, and the signer
  for (const auto& name : names) {
    INFO(name);
    CHECK(text.find(name) != std::string::npos);
  }
  // The rows as a reader finds them: "<STT> <name> …". STT runs 1..307 across the groups.
  std::vector<std::pair<int, std::size_t>> rows;  // STT, where its row starts in text
  for (int stt = 1; stt <= 307; ++stt) {
    const auto at = text.find(" " + std::to_string(stt) + " ", rows.empty() ? 0 : rows.back().second + 1);
    INFO("STT " << stt);
    REQUIRE(at != std::string::npos);
    rows.emplace_back(stt, at);
  }
  // Groups II and III are sorted by tên (the last word) under the Vietnamese collation,
  // independently of vanban's sort: Đ after D, Â after A, tones in dictionary order.
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> collator(icu::Collator::createInstance(icu::Locale("vi"), status));
  REQUIRE(U_SUCCESS(status));
  const auto given_name_at = [&](std::size_t row) {
    const auto begin = text.find(' ', rows[row].second + 1) + 1;
    // The name is the words before the role: the longest name of the data found there
    // ("Nguyễn Văn Út" is also the start of "Nguyễn Văn Út Khánh").
    std::string longest;
    for (const auto& name : names) {
      if (name.size() > longest.size() && text.compare(begin, name.size(), name) == 0 && text[begin + name.size()] == ' ') {
        longest = name;
      }
    }
    if (longest.empty()) FAIL("no known name at row " << rows[row].first);
    return longest.substr(longest.rfind(' ') + 1);
  };
  const std::size_t group_two = text.find("II. ĐẠI BIỂU ĐẠI DIỆN"), group_three = text.find("III. ĐẠI BIỂU ĐIỂN HÌNH");
  REQUIRE(group_two != std::string::npos);
  REQUIRE(group_three != std::string::npos);
  int compared = 0;
  for (std::size_t row = 1; row < rows.size(); ++row) {
    const bool same_group = (rows[row - 1].second > group_two) == (rows[row].second > group_two) &&
                            (rows[row - 1].second > group_three) == (rows[row].second > group_three);
    if (rows[row - 1].second < group_two || !same_group) continue;
    const std::string before = given_name_at(row - 1), after = given_name_at(row);
    INFO("rows " << rows[row - 1].first << " and " << rows[row].first << ": " << before << ", " << after);
    status = U_ZERO_ERROR;
    CHECK(collator->compareUTF8(before, after, status) != UCOL_GREATER);
    ++compared;
  }
  CHECK(compared > 280);
  // The header row opens every page after the first, under the page number.
  for (int page = 2; page <= pages; ++page) {
    INFO("page " << page);
    CHECK(std::regex_search(text_of(sample.pdf, page, page),
                            std::regex("^(" + std::to_string(page) + " )?STT Họ và tên Chức vụ, đơn vị công tác Ghi chú")));
  }
}

TEST_CASE("decision: căn cứ, QUYẾT ĐỊNH:, Điều 1-3, Như Điều 3, then the attached list on its own unnumbered page") {
  const auto& sample = rendered("quyet-dinh-khen-thuong");
  check_clean_render(sample);
  REQUIRE(pages_of(sample.pdf) == 2);
  check_in_order(text_of(sample.pdf, 1, 1),
                 {"Số: 1250/QĐ-UBND", "QUYẾT ĐỊNH", "Về việc tặng Giấy khen cho các tập thể, cá nhân",
                  "CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ XÃ DUYÊN HẢI", "Căn cứ Luật Tổ chức chính quyền địa phương",
                  "Theo đề nghị của Trưởng phòng Nội vụ thị xã.", "QUYẾT ĐỊNH:", "Điều 1. Tặng Giấy khen cho 05 tập thể",
                  "Điều 2.", "Điều 3.", "thi hành Quyết định này kể từ ngày ký./.", "Nơi nhận:", "- Như Điều 3;",
                  "- Lưu: VT, NV.", "CHỦ TỊCH", "Lê Vũ Phương"});
  // The attached list (Mẫu 1.3): the issuer and Quốc hiệu but no Số or date, its own title
  // and the decision it belongs to, and no page number on its first page.
  const std::string list = text_of(sample.pdf, 2, 2);
  CHECK(list.rfind("ỦY BAN NHÂN DÂN", 0) == 0);
  CHECK(list.find("Số:") == std::string::npos);
  CHECK(list.find("ngày 22 tháng 6 năm 2020 của Chủ tịch") != std::string::npos);
  check_in_order(list, {"DANH SÁCH", "Tập thể, cá nhân được tặng Giấy khen",
                        "(Kèm theo Quyết định số 1250/QĐ-UBND ngày 22 tháng 6 năm 2020 của Chủ tịch Ủy ban nhân dân "
                        "thị xã Duyên Hải)",
                        "I. TẬP THỂ", "STT Tên tập thể", "1 Ủy ban nhân dân phường 1",
                        "5 Tổ hợp tác nuôi tôm ấp Cây Xoài", "II. CÁ NHÂN", "STT Họ và tên Chức vụ, đơn vị công tác",
                        "1 Nguyễn Văn An Chủ tịch Hội Cựu chiến binh phường 1", "12 Sơn Thị Ngọc Lan", "./."});
  CHECK(std::regex_search(list, std::regex("^ỦY BAN")));  // nothing, not even a "1", above the header
}

TEST_CASE("certificate: one landscape A4 page, its red titles, the recipient, the decision and số sổ vàng") {
  const auto& sample = rendered("giay-khen");
  check_clean_render(sample);
  const std::string info = info_of(sample.pdf);
  CHECK(info.find("Pages:           1") != std::string::npos);
  CHECK(info.find("Page size:       841.89 x 595.276 pts (A4)") != std::string::npos);
  check_in_order(text_of(sample.pdf), {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                       "CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ XÃ DUYÊN HẢI", "TẶNG", "GIẤY KHEN",
                                       "Ông Nguyễn Văn An", "Chủ tịch Hội Cựu chiến binh phường 1, thị xã Duyên Hải",
                                       "Đã có thành tích xuất sắc trong phong trào Thi đua yêu nước giai đoạn 2015 - "
                                       "2020.",
                                       "Quyết định số 1250/QĐ-UBND ngày 22/6/2020", "Số sổ vàng: 27",
                                       "Duyên Hải, ngày 22 tháng 6 năm 2020", "CHỦ TỊCH", "Lê Vũ Phương"});
  // The red is in the page: mutool's structured text gives each character's font and
  // colour. GIẤY KHEN is 40 pt bold in the certificates' dark red; the recipient is black.
  const auto stext = run("mutool draw -F stext -o - " + quote(sample.pdf) + " 2>/dev/null");
  REQUIRE(stext.exit_code == 0);
  CHECK(std::regex_search(stext.out, std::regex(R"(<font name="[^"]*Bold[^"]*" size="40">\s*<char [^>]*color="#(c0|bf)0000" c="G"/>)")));
  CHECK(std::regex_search(stext.out, std::regex(R"(<font name="[^"]*Bold[^"]*" size="26">\s*<char [^>]*color="#000000" c="&#xd4;"/>)")));
}

TEST_CASE("official letter: Mẫu 1.5 read back, V/v under the Số line, Kính gửi, TM. + KT., the contact lines on page 1") {
  const auto& sample = rendered("cong-van-dang-ky-dai-bieu");
  check_clean_render(sample);
  CHECK(pages_of(sample.pdf) == 1);
  const std::string text = text_of(sample.pdf);
  check_in_order(text, {"ỦY BAN NHÂN DÂN THỊ XÃ DUYÊN HẢI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                        "Độc lập - Tự do - Hạnh phúc", "Số: 812/UBND-NV", "V/v đăng ký đại biểu dự",
                        "thị xã Duyên Hải lần thứ I", "Duyên Hải, ngày 20 tháng 5 năm 2020", "Kính gửi:",
                        "- Các cơ quan, ban, ngành, đoàn thể thị xã;", "- Ủy ban nhân dân các xã, phường;",
                        "- Các doanh nghiệp đóng trên địa bàn thị xã.", "Thực hiện Kế hoạch số 54/KH-UBND",
                        "để được hướng dẫn./.", "Nơi nhận:", "- Như trên;", "- Lưu: VT, NV.", "TM. ỦY BAN NHÂN DÂN",
                        "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Thanh Tâm",
                        "Địa chỉ: Số 01, đường Nguyễn Đáng, phường 1, thị xã Duyên Hải, tỉnh Trà Vinh",
                        "Điện thoại: 0294 3832 145; E-mail: ubnd@duyenhai.travinh.gov.vn"});
  CHECK(text.find("CÔNG VĂN") == std::string::npos);  // a công văn has no type-name line

  const auto lines = stext_lines(sample.pdf);
  // Box 5b (rule 18 of docs/conventions.md's checks): the V/v line 12 pt upright, centred
  // under the Số line within 1.5 mm, at least 6 pt below it.
  const auto& number = line_starting(lines, "Số: 812");
  const auto& subject = line_starting(lines, "V/v ");
  CHECK(subject.size == 12);
  CHECK(subject.font.find("Bold") == std::string::npos);
  CHECK(subject.font.find("Italic") == std::string::npos);
  CHECK(std::abs(subject.centre() - number.centre()) <= 1.5 * points_per_mm);
  CHECK(subject.y0 - number.y1 >= 6 - 0.5);
  // Box 9a: 14 pt upright; several addressees each on a line under the label, the dashes
  // aligned (±1 pt) under its colon.
  const auto& label = line_starting(lines, "Kính gửi:");
  CHECK(label.size == 14);
  std::vector<double> dashes;
  for (const auto& line : lines) {
    if (line.text.rfind("- ", 0) == 0 && line.size == 14) dashes.push_back(line.x0);
  }
  REQUIRE(dashes.size() == 3);
  for (double x : dashes) CHECK(std::abs(x - dashes.front()) <= 1);
  CHECK(dashes.front() > label.x0);
  CHECK(dashes.front() < label.x1);
  // Box 13: 11 pt, the last lines of page 1, above the bottom margin.
  const auto& address = line_starting(lines, "Địa chỉ:");
  const auto& phone = line_starting(lines, "Điện thoại:");
  CHECK(address.size == 11);
  CHECK(phone.size == 11);
  CHECK(address.page == 1);
  CHECK(phone.y1 <= 841.89 - 20 * points_per_mm + 0.5);
  for (const auto& line : lines) {
    if (line.page == 1 && &line != &address && &line != &phone) CHECK(line.y1 < address.y0);
  }
}

TEST_CASE("submission: TỜ TRÌNH, Kính gửi on one line with its addressee, the parent body above the issuer") {
  const auto& sample = rendered("to-trinh-de-nghi-khen-thuong");
  check_clean_render(sample);
  CHECK(pages_of(sample.pdf) == 1);
  check_in_order(text_of(sample.pdf),
                 {"ỦY BAN NHÂN DÂN THỊ XÃ DUYÊN HẢI PHÒNG NỘI VỤ", "Số: 25/TTr-PNV", "TỜ TRÌNH",
                  "Đề nghị tặng Giấy khen cho các tập thể, cá nhân có thành tích",
                  "Kính gửi: Ủy ban nhân dân thị xã Duyên Hải.", "Căn cứ Luật Thi đua, Khen thưởng",
                  "Kính trình Ủy ban nhân dân thị xã xem xét, quyết định./.", "Nơi nhận:", "- Như trên;",
                  "- Lưu: VT, PNV.", "TRƯỞNG PHÒNG", "Phạm Văn Dũng"});
  const auto lines = stext_lines(sample.pdf);
  const auto& to = line_starting(lines, "Kính gửi: Ủy ban");
  CHECK(to.size == 14);
  CHECK(std::abs(to.centre() - (30 + (210 - 30 - 15) / 2.0) * points_per_mm) <= 2 * points_per_mm);  // centred on the text
  const auto& parent = line_starting(lines, "ỦY BAN NHÂN DÂN");
  const auto& issuer = line_starting(lines, "PHÒNG NỘI VỤ");
  CHECK(parent.font.find("Bold") == std::string::npos);  // the parent body is not bold (Phụ lục I, II.2)
  CHECK(issuer.font.find("Bold") != std::string::npos);
}

TEST_CASE("report: BÁO CÁO, Kính gửi, the table of figures with its bold total, then page 2 numbered") {
  const auto& sample = rendered("bao-cao-tong-ket-thi-dua");
  check_clean_render(sample);
  CHECK(pages_of(sample.pdf) == 2);
  check_in_order(text_of(sample.pdf),
                 {"Số: 145/BC-UBND", "BÁO CÁO", "Kính gửi: Ban Thi đua - Khen thưởng tỉnh Trà Vinh.",
                  "I. KẾT QUẢ ĐẠI HỘI", "II. CÔNG TÁC KHEN THƯỞNG GIAI ĐOẠN 2015 - 2020",
                  "STT Hình thức khen thưởng Tập thể Cá nhân", "1 Bằng khen của Thủ tướng Chính phủ 1 2",
                  "4 Giấy khen của Chủ tịch Ủy ban nhân dân thị xã 118 412", "Tổng cộng 135 545",
                  "III. ĐỀ XUẤT, KIẾN NGHỊ", "2", "của Ủy ban nhân dân thị xã Duyên Hải./.", "Nơi nhận:",
                  "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Thanh Tâm"});
  const auto lines = stext_lines(sample.pdf);
  CHECK(line_starting(lines, "Tổng cộng").font.find("Bold") != std::string::npos);
  CHECK(line_starting(lines, "Bằng khen của Thủ tướng").font.find("Bold") == std::string::npos);
}

TEST_CASE("notice: THÔNG BÁO with no Kính gửi, its numbered conclusions, TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG") {
  const auto& sample = rendered("thong-bao-ket-luan");
  check_clean_render(sample);
  CHECK(pages_of(sample.pdf) == 1);
  const std::string text = text_of(sample.pdf);
  check_in_order(text, {"LƯU HÀNH NỘI BỘ", "Số: 40/TB-UBND", "Duyên Hải, ngày 18 tháng 6 năm 2020", "THÔNG BÁO",
                        "Kết luận của Chủ tịch Ủy ban nhân dân thị xã", "1. Phòng Nội vụ hoàn chỉnh báo cáo tổng kết",
                        "3. Ủy ban nhân dân các xã, phường cử đủ thành phần", "thực hiện./.", "Nơi nhận:", "- Lưu: VT.",
                        "TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Trần Minh Trí"});
  CHECK(text.find("Kính gửi") == std::string::npos);
  // Box 11: caps bold 13 pt, in the top margin of page 1, above the Quốc hiệu and over it.
  const auto lines = stext_lines(sample.pdf);
  const auto& note = line_starting(lines, "LƯU HÀNH NỘI BỘ");
  const auto& national = line_starting(lines, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  CHECK(note.page == 1);
  CHECK(note.size == 13);
  CHECK(note.font.find("Bold") != std::string::npos);
  CHECK(note.y1 <= 20 * points_per_mm);
  CHECK(std::abs(note.centre() - national.centre()) <= 2 * points_per_mm);
}

TEST_CASE("letter of introduction: Mẫu 1.8 read back, each person with Chức vụ, the rule under GIẤY GIỚI THIỆU") {
  const auto& sample = rendered("giay-gioi-thieu-dai-bieu");
  check_clean_render(sample);
  CHECK(pages_of(sample.pdf) == 1);
  check_in_order(text_of(sample.pdf),
                 {"Số: 96/GGT-UBND", "Duyên Hải, ngày 10 tháng 8 năm 2020", "GIẤY GIỚI THIỆU",
                  "Ủy ban nhân dân thị xã Duyên Hải trân trọng giới thiệu:", "Ông: Trần Thanh Tâm",
                  "Chức vụ: Phó Chủ tịch Ủy ban nhân dân thị xã, Trưởng đoàn đại biểu", "Bà: Nguyễn Thị Thu Hà",
                  "Chức vụ: chuyên viên Phòng Nội vụ thị xã", "Được cử đến: Ban Thi đua - Khen thưởng tỉnh Trà Vinh.",
                  "Về việc: Dự Đại hội Thi đua yêu nước tỉnh Trà Vinh lần thứ V.",
                  "Đề nghị Quý cơ quan tạo điều kiện để những người có tên ở trên hoàn thành nhiệm vụ.",
                  "Giấy này có giá trị đến hết ngày 31 tháng 8 năm 2020./.", "Nơi nhận:", "- Như trên;", "- Lưu: VT.",
                  "TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Trần Minh Trí"});
}

TEST_CASE("minutes: Mẫu 1.9 read back, no date line, THƯ KÝ left and CHỦ TỌA right with their names level") {
  const auto& sample = rendered("bien-ban-hop-hoi-dong");
  check_clean_render(sample);
  CHECK(pages_of(sample.pdf) == 1);
  const std::string text = text_of(sample.pdf);
  check_in_order(text, {"ỦY BAN NHÂN DÂN THỊ XÃ DUYÊN HẢI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                        "Độc lập - Tự do - Hạnh phúc", "Số: 07/BB-HĐTĐKT", "BIÊN BẢN",
                        "Thời gian bắt đầu: 08 giờ 00, ngày 12 tháng 6 năm 2020.",
                        "Địa điểm: Phòng họp Ủy ban nhân dân thị xã Duyên Hải.", "Thành phần tham dự: Ông Lê Vũ Phương",
                        "Chủ trì (chủ tọa): Lê Vũ Phương", "Thư ký (người ghi biên bản): Nguyễn Thị Thu Hà",
                        "Cuộc họp kết thúc vào 10 giờ 30, ngày 12 tháng 6 năm 2020./.",
                        // each signer's block is read whole, the left one first
                        "THƯ KÝ", "Nguyễn Thị Thu Hà", "CHỦ TỌA", "Lê Vũ Phương", "Nơi nhận:", "- Lưu: VT, Hồ sơ."});
  CHECK(text.find("Duyên Hải, ngày") == std::string::npos);  // no place-and-date line (Mẫu 1.9)
  const auto lines = stext_lines(sample.pdf);
  const auto& secretary = line_starting(lines, "THƯ KÝ");
  const auto& chair = line_starting(lines, "CHỦ TỌA");
  const auto& secretary_name = line_starting(lines, "Nguyễn Thị Thu Hà");
  const auto& chair_name = line_starting(lines, "Lê Vũ Phương");
  const auto& recipients = line_starting(lines, "Nơi nhận:");
  CHECK(secretary.x1 < chair.x0);                            // side by side, the secretary on the left
  CHECK(std::abs(secretary.y0 - chair.y0) <= 0.5);           // their titles level
  CHECK(std::abs(secretary_name.y0 - chair_name.y0) <= 0.5); // and their names
  CHECK(std::abs(secretary_name.centre() - secretary.centre()) <= 1.5 * points_per_mm);
  CHECK(std::abs(chair_name.centre() - chair.centre()) <= 1.5 * points_per_mm);
  CHECK(recipients.y0 > chair_name.y1);                      // Nơi nhận under the signatures
}

namespace {

// The images with an alpha mask in a PDF: each transparent PNG drawn is an image and its smask.
int transparent_images(const std::string& pdf) {
  const auto list = run("pdfimages -list " + quote(pdf));
  REQUIRE(list.exit_code == 0);
  std::istringstream in(list.out);
  int masks = 0;
  for (std::string line; std::getline(in, line);) masks += std::regex_search(line, std::regex(R"(^\s*\d+\s+\d+\s+smask\b)")) ? 1 : 0;
  return masks;
}

}  // namespace

TEST_CASE("every template that signs takes the signature and seal images from its data") {
  const auto dir = testing::scratch("signature-images");
  std::filesystem::create_directories(dir / "img");
  for (const char* image : {"chu-ky.png", "con-dau.png"}) {
    std::filesystem::copy_file(testing::sample(std::string("layout/images/") + image), dir / "img" / image,
                               std::filesystem::copy_options::overwrite_existing);
  }
  int signed_templates = 0;
  for (const auto& entry : std::filesystem::directory_iterator(testing::sample(""))) {
    if (entry.path().extension() != ".xml") continue;
    const std::string stem = entry.path().stem().string();
    std::string xml = read_file(entry.path().string());
    const auto signer = xml.find("<signer>");
    if (signer == std::string::npos) continue;
    INFO(stem);
    const auto name = xml.find("<name>", signer);
    REQUIRE(name != std::string::npos);
    xml.insert(name, "<signature-image>img/chu-ky.png</signature-image><seal>img/con-dau.png</seal><seal-size>34 mm</seal-size>");
    // The sample's own images (an emblem) are found beside it: point them at the samples.
    const auto data = (dir / (stem + ".xml")).string();
    write_file_atomically(data, xml);
    const auto plain = (dir / (stem + "-plain.pdf")).string(), with = (dir / (stem + ".pdf")).string();
    const auto before = run(quote(testing::vanban_cli()) + " render " + quote(entry.path().string()) + " -o " + quote(plain));
    const auto after = run("cd " + quote(testing::sample("")) + " && " + quote(testing::vanban_cli()) + " render " +
                           quote(data) + " -o " + quote(with));
    INFO(after.err);
    REQUIRE(before.exit_code == 0);
    REQUIRE(after.exit_code == 0);
    CHECK(transparent_images(with) == transparent_images(plain) + 2);
    ++signed_templates;
  }
  CHECK(signed_templates >= 7);
}

TEST_CASE("certificate of merit: BẰNG KHEN on A3 by default, on any paper in millimetres, a long name wrapped above its role") {
  const auto& sample = rendered("bang-khen");
  check_clean_render(sample);
  CHECK(info_of(sample.pdf).find("Page size:       1190.55 x 841.89 pts (A3)") != std::string::npos);
  check_in_order(text_of(sample.pdf), {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TRÀ VINH",
                                       "TẶNG", "BẰNG KHEN", "Hội Cựu chiến binh thị xã Duyên Hải, tỉnh Trà Vinh",
                                       "Quyết định số 1520/QĐ-UBND ngày 15/7/2020", "Số sổ vàng: 312",
                                       "Trà Vinh, ngày 15 tháng 7 năm 2020", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Thanh Bình"});
  const auto dir = testing::scratch("bang-khen-paper");
  std::string xml = read_file(testing::sample("bang-khen.xml"));
  const auto authority = xml.find("  <authority>");
  // A frame made to measure, and a name far too long for one line.
  std::string framed = xml;
  framed.insert(authority, "  <paper>400 x 280 mm</paper>\n");
  const std::string long_name = "Hội Cựu chiến binh thị xã Duyên Hải, tỉnh Trà Vinh và Ban Chỉ huy Quân sự các xã, phường";
  const auto name = framed.find("<name>Hội Cựu chiến binh thị xã Duyên Hải, tỉnh Trà Vinh</name>");
  REQUIRE(name != std::string::npos);
  framed.replace(name, std::string("<name>Hội Cựu chiến binh thị xã Duyên Hải, tỉnh Trà Vinh</name>").size(),
                 "<name>" + long_name + "</name>");
  write_file_atomically((dir / "framed.xml").string(), framed);
  const auto pdf = (dir / "framed.pdf").string();
  const auto result = run(quote(testing::vanban_cli()) + " render " + quote((dir / "framed.xml").string()) + " -o " + quote(pdf));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(info_of(pdf).find("Page size:       1133.86 x 793.701 pts") != std::string::npos);
  // The name wraps at 20 pt or more (scaled to the paper) rather than shrinking below the role.
  const auto lines = stext_lines(pdf);
  const auto& name_line = line_starting(lines, "Hội Cựu chiến binh");
  const auto& role_line = line_starting(lines, "Thị xã Duyên Hải, tỉnh Trà Vinh");
  CHECK(name_line.size > role_line.size * 1.3);
  CHECK(testing::collapse_spaces(text_of(pdf)).find(long_name) != std::string::npos);
  // A paper that is not one is refused at its value.
  std::string tiny = xml;
  tiny.insert(authority, "  <paper>9x9mm</paper>\n");
  write_file_atomically((dir / "tiny.xml").string(), tiny);
  const auto refused = run(quote(testing::vanban_cli()) + " render " + quote((dir / "tiny.xml").string()) + " -o " +
                           quote((dir / "tiny.pdf").string()));
  CHECK(refused.exit_code == 1);
  CHECK_THAT(refused.err, Catch::Contains("tiny.xml:10:3: error:") && Catch::Contains("from 50 to 1200 mm"));
  CHECK(!std::filesystem::exists(dir / "tiny.pdf"));
}

TEST_CASE("Party documents: ĐẢNG CỘNG SẢN VIỆT NAM and its rule, the asterisk, Số 127-QĐ/TU, the larger type name, T/M") {
  const auto& sample = rendered("dang-quyet-dinh-ban-chi-dao");
  check_clean_render(sample);
  CHECK(pages_of(sample.pdf) == 1);
  const std::string text = text_of(sample.pdf);
  check_in_order(text, {"ĐẢNG BỘ TỈNH TRÀ VINH", "THỊ ỦY DUYÊN HẢI", "*", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 127-QĐ/TU",
                        "Duyên Hải, ngày 10 tháng 9 năm 2019", "QUYẾT ĐỊNH", "BAN THƯỜNG VỤ THỊ ỦY DUYÊN HẢI",
                        "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;", "QUYẾT ĐỊNH", "Điều 1.", "Điều 3.", "Nơi nhận:",
                        "- Như Điều 3,", "- Lưu Văn phòng Thị ủy.", "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Phạm Minh Hải"});
  // Not the state's: no Quốc hiệu, no Tiêu ngữ, no "Số:".
  CHECK(text.find("CỘNG HÒA") == std::string::npos);
  CHECK(text.find("Độc lập") == std::string::npos);
  CHECK(text.find("Số:") == std::string::npos);
  const auto lines = stext_lines(sample.pdf);
  const auto& title = line_starting(lines, "ĐẢNG CỘNG SẢN VIỆT NAM");
  CHECK(title.size == 15);
  CHECK(title.font.find("Bold") != std::string::npos);
  CHECK(title.centre() > 297.6);  // on the right
  const auto& issuer = line_starting(lines, "THỊ ỦY DUYÊN HẢI");
  const auto& star = line_starting(lines, "*");
  CHECK(issuer.size == 14);
  CHECK(std::abs(star.centre() - issuer.centre()) <= 1.5 * points_per_mm);  // the asterisk under the issuer
  CHECK(star.y0 > issuer.y0);
  const auto& number = line_starting(lines, "Số 127-QĐ/TU");
  const auto& date = line_starting(lines, "Duyên Hải, ngày");
  CHECK(std::abs(number.y1 - date.y1) <= 2);  // one line, as Decree 30's
  CHECK(date.font.find("Italic") != std::string::npos);
  const auto& type = line_starting(lines, "QUYẾT ĐỊNH");
  const auto& body = line_starting(lines, "- Căn cứ Điều lệ");
  CHECK(type.size == 16);
  CHECK(type.size > body.size);
  // The rule under the title is its own length (±1 pt), just below it: the first stroke
  // mutool finds on the page that starts where the title starts.
  const auto trace = run("mutool draw -F trace -o - " + quote(sample.pdf) + " 2>/dev/null");
  REQUIRE(trace.exit_code == 0);
  const std::regex stroke(R"re(<moveto x="([\d.]+)" y="([\d.]+)"/>\s*<lineto x="([\d.]+)" y="([\d.]+)"/>)re");
  bool found = false;
  for (auto it = std::sregex_iterator(trace.out.begin(), trace.out.end(), stroke); it != std::sregex_iterator(); ++it) {
    const double x1 = std::stod((*it)[1]), x2 = std::stod((*it)[3]), y = 841.89 - std::stod((*it)[2]);
    if (std::abs(x1 - title.x0) > 1.5) continue;
    found = true;
    CHECK(std::abs((x2 - x1) - (title.x1 - title.x0)) <= 1.5);
    CHECK(y > title.y1 - 4);
    CHECK(y < title.y1 + 10);
  }
  CHECK(found);
}

TEST_CASE("phụ lục: numbered I, II by layout, each with its (Kèm theo …) line, blanks on a draft, pages from 1 again") {
  const auto dir = testing::scratch("appendices");
  std::string xml = read_file(testing::sample("bao-cao-tong-ket-thi-dua.xml"));
  const auto end = xml.rfind("</document>");
  REQUIRE(end != std::string::npos);
  const auto with_appendices = [&](int count) {
    std::string out = xml;
    std::string appendices;
    for (int k = 1; k <= count; ++k) {
      appendices += "  <appendix><title>Danh sách số " + std::to_string(k) + "</title><body><p>Nội dung phụ lục " +
                    std::to_string(k) + ".</p></body></appendix>\n";
    }
    return out.insert(end, appendices);
  };
  const auto render = [&](const std::string& name, const std::string& data) {
    write_file_atomically((dir / (name + ".xml")).string(), data);
    const auto pdf = (dir / (name + ".pdf")).string();
    const auto result = run(quote(testing::vanban_cli()) + " render " + quote((dir / (name + ".xml")).string()) + " -o " + quote(pdf));
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    return pdf;
  };
  // Two: Phụ lục I and II, each on a page of its own, unnumbered as a first page is.
  const auto two = render("two", with_appendices(2));
  CHECK(pages_of(two) == 4);
  check_in_order(text_of(two), {"Trần Thanh Tâm", "Phụ lục I", "DANH SÁCH SỐ 1",
                                "(Kèm theo Báo cáo số 145/BC-UBND ngày 06 tháng 7 năm 2020",
                                "của Ủy ban nhân dân thị xã Duyên Hải)", "Nội dung phụ lục 1.", "Phụ lục II",
                                "DANH SÁCH SỐ 2", "Nội dung phụ lục 2."});
  CHECK(text_of(two, 3, 3).rfind("Phụ lục I ", 0) == 0);  // no page number above it
  // One: "Phụ lục" alone, no numeral.
  const auto one = render("one", with_appendices(1));
  const std::string alone = text_of(one, 3, 3);
  CHECK(alone.rfind("Phụ lục DANH SÁCH SỐ 1", 0) == 0);
  // A draft: the number and the date to be written in by hand.
  std::string draft = with_appendices(1);
  draft.replace(draft.find("<number>145</number>"), std::string("<number>145</number>").size(), "<number></number>");
  draft.replace(draft.find("<date>2020-07-06</date>"), std::string("<date>2020-07-06</date>").size(), "<date></date>");
  const std::string blank = text_of(render("draft", draft), 3, 3);
  CHECK(blank.find("(Kèm theo Báo cáo số …/BC-UBND ngày") != std::string::npos);
  CHECK(blank.find("145") == std::string::npos);
  // A sealed document puts its seal on each phụ lục's title too: an image on page 3, none on
  // the phụ lục of an unsealed one.
  std::string sealed = with_appendices(1);
  const auto name = sealed.find("<name>Trần Thanh Tâm</name>");
  REQUIRE(name != std::string::npos);
  std::filesystem::copy_file(testing::sample("layout/images/con-dau.png"), dir / "con-dau.png",
                             std::filesystem::copy_options::overwrite_existing);
  sealed.insert(name, "<seal>con-dau.png</seal>");
  const auto images_on_page_3 = [](const std::string& pdf) {
    const auto list = run("pdfimages -f 3 -l 3 -list " + quote(pdf));
    REQUIRE(list.exit_code == 0);
    return std::count(list.out.begin(), list.out.end(), '\n') - 2;  // less the two heading lines
  };
  CHECK(images_on_page_3(render("sealed", sealed)) == 2);  // the seal and its mask
  CHECK(images_on_page_3(one) == 0);
}

TEST_CASE("every template prints a draft: no number and no date yet, blanks kept to write them in") {
  const auto dir = testing::scratch("drafts");
  int drafts = 0;
  for (const auto& entry : std::filesystem::directory_iterator(testing::sample(""))) {
    if (entry.path().extension() != ".xml") continue;
    const std::string stem = entry.path().stem().string();
    INFO(stem);
    std::string xml = read_file(entry.path().string());
    // The document's own number and date: its first <number> and <date> at the top level.
    std::smatch number;
    const bool numbered = std::regex_search(xml, number, std::regex("\\n  <number>([0-9]+)</number>"));
    const std::string given = numbered ? number[1].str() : "";
    if (numbered) xml.replace(static_cast<std::size_t>(number.position(0)), number.length(0), "\n  <number></number>");
    std::smatch date;
    // A biên bản's date is the meeting's, which the minutes record (Mẫu 1.9): never a blank.
    const bool dated = stem.rfind("bien-ban", 0) != 0 && std::regex_search(xml, date, std::regex("\\n  <date>[0-9-]+</date>"));
    if (dated) xml.replace(static_cast<std::size_t>(date.position(0)), date.length(0), "\n  <date></date>");
    if (!numbered && !dated) continue;
    write_file_atomically((dir / (stem + ".xml")).string(), xml);
    const auto pdf = (dir / (stem + ".pdf")).string();
    const auto result = run("cd " + quote(testing::sample("")) + " && " + quote(testing::vanban_cli()) + " render " +
                            quote((dir / (stem + ".xml")).string()) + " -o " + quote(pdf));
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    CHECK_THAT(result.err, Catch::Contains("[check.draft]"));
    const std::string text = text_of(pdf, 1, 1);
    if (numbered) {
      CHECK(text.find("Số: " + given) == std::string::npos);
      CHECK(text.find("Số " + given) == std::string::npos);
      CHECK(text.find("Số") != std::string::npos);  // the line is there, its number blank
    }
    if (dated) CHECK(std::regex_search(text, std::regex("ngày\\s+tháng\\s+năm")));
    ++drafts;
  }
  CHECK(drafts >= 16);
}
