// Characters the fonts cannot draw are refused at their place, never printed as spaces.
#include <catch2/catch.hpp>

#include "pipeline/generate.h"
#include "support/engine.h"
#include "support/paths.h"

using namespace vanban;

namespace {

Diagnostic error_of(const std::string& xml, const std::string& markup = "") {
  pipeline::GenerateOptions options;
  try {
    if (markup.empty()) pipeline::generate(testing::core(), xml, "d.xml", options);
    else pipeline::generate_from_markup(testing::core(), markup, "m.xml", options);
  } catch (const Error& e) {
    return e.diagnostic();
  }
  FAIL("no error");
  return {};
}

// A plan with one line of body text.
std::string plan_with(const std::string& body_line) {
  return "<document template='ke-hoach'>\n"
         "  <issuer><line>Ủy ban nhân dân</line></issuer><number>5</number><notation>KH-UBND</notation>\n"
         "  <subject>Thử</subject>\n"
         "  <body>\n" + body_line + "\n  </body>\n  <signer><name>Lê Vũ Phương</name></signer>\n</document>\n";
}

}  // namespace

TEST_CASE("an emoji (outside the BMP) is an error at its line and column, with its code point and name") {
  const auto error = error_of(plan_with("    <p>Chúc mừng 😀 thành công</p>"));
  CHECK(error.code == "text.undrawable");
  CHECK(error.where.file == "d.xml");
  CHECK(error.where.line == 5);
  CHECK(error.where.column == 18);
  CHECK_THAT(error.message, Catch::Contains("U+1F600 GRINNING FACE") && Catch::Contains("Basic Multilingual Plane"));
}

TEST_CASE("a CJK character is an error naming the font that lacks it") {
  const auto error = error_of(plan_with("    <p>Hợp tác Việt – 中国</p>"));
  CHECK(error.code == "text.undrawable");
  CHECK(error.where.line == 5);
  CHECK(error.where.column == 23);
  CHECK_THAT(error.message, Catch::Contains("U+4E2D CJK UNIFIED IDEOGRAPH-4E2D") && Catch::Contains("LiberationSerif"));
}

TEST_CASE("a character reference is reported at its element, and template text at the markup") {
  const auto reference = error_of(plan_with("    <p>ký hiệu &#x2603; lạ</p>"));
  CHECK(reference.code == "text.undrawable");
  CHECK(reference.where.line == 5);
  CHECK(reference.where.column == 5);
  CHECK_THAT(reference.message, Catch::Contains("U+2603 SNOWMAN"));
  const auto markup = error_of("", "<document><header><issuer><name>Ủy ban</name></issuer>"
                                   "<number value='7' notation='TB-UBND'/><place-date place='Duyên Hải' date='2019-09-05'/></header>\n"
                                   "<title><type>Thông báo</type><subject>Thử</subject></title>\n"
                                   "<body><p>a ☃ b</p></body></document>");
  CHECK(markup.code == "text.undrawable");
  CHECK(markup.where.file == "m.xml");
  CHECK(markup.where.line == 3);
  CHECK(markup.where.column == 12);
}

TEST_CASE("every Vietnamese letter, in NFC and NFD, and the usual symbols are drawable") {
  pipeline::GenerateOptions options;
  const std::string letters = "aàảãáạ ăằẳẵắặ âầẩẫấậ eèẻẽéẹ êềểễếệ iìỉĩíị oòỏõóọ ôồổỗốộ ơờởỡớợ uùủũúụ ưừửữứự "
                              "yỳỷỹýỵ đ AÀẢÃÁẠ ĂẰẲẴẮẶ ÂẦẨẪẤẬ EÈẺẼÉẸ ÊỀỂỄẾỆ IÌỈĨÍỊ OÒỎÕÓỌ ÔỒỔỖỐỘ ƠỜỞỠỚỢ "
                              "UÙỦŨÚỤ ƯỪỬỮỨỰ YỲỶỸÝỴ Đ – — “ ” ‘ ’ … § № ° % ₫ € ×";
  const std::string nfd = "Vie\xCC\xA3\xCC\x82t Nam";
  CHECK_NOTHROW(pipeline::generate(testing::core(), plan_with("<p>" + letters + "</p><p>" + nfd + "</p>"), "d.xml", options));
}
