// The baseline of the batch benchmark (issue 6): a bare libharu program that writes the
// same certificate texts with no layout at all, one page per record, in one merged PDF.
// It follows libharu's own recipe for Vietnamese (docs/dependencies.md, "UTF-8 text"): the three Liberation
// Serif faces loaded whole with HPDF_LoadTTFontFromFile, the UTF-8 encoder, compression
// on; lines centred with HPDF_Page_TextWidth at fixed heights, a plain border rectangle.
//
//   build/bench/vanban_bench_bare RECORDS.tsv OUT.pdf FONT_DIR
//
// RECORDS.tsv: honorific, name, role and golden-book number, tab-separated, a line each
// (bench/batch.sh writes it from the same generated records vanban prints).

#include <hpdf.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

void on_error(HPDF_STATUS error, HPDF_STATUS detail, void*) {
  std::fprintf(stderr, "libharu error 0x%04X (detail %u)\n", static_cast<unsigned>(error), static_cast<unsigned>(detail));
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  std::istringstream in(line);
  for (std::string field; std::getline(in, field, '\t');) fields.push_back(field);
  return fields;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s RECORDS.tsv OUT.pdf FONT_DIR\n", argv[0]);
    return 2;
  }
  std::ifstream records(argv[1]);
  if (!records) {
    std::fprintf(stderr, "cannot read %s\n", argv[1]);
    return 2;
  }
  const std::string fonts = argv[3];

  HPDF_Doc pdf = HPDF_New(on_error, nullptr);
  HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(pdf);
  HPDF_SetCurrentEncoder(pdf, "UTF-8");
  const auto load = [&](const char* file) {
    const char* name = HPDF_LoadTTFontFromFile(pdf, (fonts + "/" + file).c_str(), HPDF_TRUE);
    return HPDF_GetFont(pdf, name, "UTF-8");
  };
  HPDF_Font regular = load("LiberationSerif-Regular.ttf");
  HPDF_Font bold = load("LiberationSerif-Bold.ttf");
  HPDF_Font italic = load("LiberationSerif-Italic.ttf");

  const HPDF_REAL width = 841.89f, height = 595.28f;
  for (std::string line; std::getline(records, line);) {
    const auto fields = split_tabs(line);
    if (fields.size() < 4) continue;
    HPDF_Page page = HPDF_AddPage(pdf);
    HPDF_Page_SetWidth(page, width);
    HPDF_Page_SetHeight(page, height);
    HPDF_Page_SetRGBStroke(page, 0.75f, 0, 0);
    HPDF_Page_SetLineWidth(page, 1.5f);
    HPDF_Page_Rectangle(page, 28.35f, 28.35f, width - 56.7f, height - 56.7f);
    HPDF_Page_Stroke(page);
    const struct {
      HPDF_Font font;
      HPDF_REAL size, y;
      bool red;
      std::string text;
    } lines[] = {
        {bold, 12, 470, false, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
        {bold, 13, 455, false, "Độc lập - Tự do - Hạnh phúc"},
        {bold, 16, 416, true, "CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ XÃ DUYÊN HẢI"},
        {bold, 15, 388, false, "TẶNG"},
        {bold, 40, 345, true, "GIẤY KHEN"},
        {bold, 26, 303, false, fields[0] + " " + fields[1]},
        {regular, 15, 279, false, fields[2]},
        {italic, 15, 252, false, "Đã có thành tích xuất sắc trong phong trào Thi đua yêu nước giai đoạn 2015 - 2020."},
        {regular, 11, 212, false, "Quyết định số 1250/QĐ-UBND ngày 22/6/2020"},
        {regular, 11, 199, false, "Số sổ vàng: " + fields[3]},
        {italic, 13, 212, false, "Duyên Hải, ngày 22 tháng 6 năm 2020"},
        {bold, 13, 197, false, "CHỦ TỊCH"},
        {bold, 13, 120, false, "Lê Vũ Phương"},
    };
    HPDF_Page_BeginText(page);
    for (const auto& l : lines) {
      HPDF_Page_SetFontAndSize(page, l.font, l.size);
      HPDF_Page_SetRGBFill(page, l.red ? 0.75f : 0, 0, 0);
      const HPDF_REAL x = (width - HPDF_Page_TextWidth(page, l.text.c_str())) / 2;
      HPDF_Page_TextOut(page, x, l.y, l.text.c_str());
    }
    HPDF_Page_EndText(page);
  }
  const HPDF_STATUS saved = HPDF_SaveToFile(pdf, argv[2]);
  HPDF_Free(pdf);
  return saved == HPDF_OK ? 0 : 1;
}
