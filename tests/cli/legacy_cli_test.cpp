// Vietnamese input in every state, end to end: the same plan as NFC, NFD, VNI bytes and VNI
// mojibake renders the same PDF text; bad bytes and undeclared legacy text are located errors
// that name the conversion; `vanban convert` writes UTF-8.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include <pugixml.hpp>
#include <sstream>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "base/files.h"
#include "support/paths.h"
#include "support/run.h"
#include "text/legacy.h"
#include "text/unicode.h"

using namespace vanban;
using testing::quote;
using testing::run;

namespace {

std::string cli(const std::string& args) { return quote(testing::vanban_cli()) + " " + args; }

std::string to_nfd(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  REQUIRE(U_SUCCESS(status));
  std::string out;
  nfd->normalize(icu::UnicodeString::fromUTF8(text), status).toUTF8String(out);
  REQUIRE(U_SUCCESS(status));
  return out;
}

// Legacy bytes read as Latin-1 into UTF-8.
std::string as_mojibake(const std::string& bytes) {
  std::string out;
  for (unsigned char c : bytes) text::append_utf8(c, out);
  return out;
}

// True for a capital that TCVN3 can only show through an "H" face: it encodes as its lower case.
bool needs_capitals_face(const std::string& letter) {
  const std::string lower = text::to_lower_vi(letter);
  return lower != letter &&
         text::encode_legacy(letter, text::LegacyEncoding::tcvn3) == text::encode_legacy(lower, text::LegacyEncoding::tcvn3);
}

bool has_capital_needing_face(const std::string& utf8) {
  std::string letter;
  for (const char32_t c : text::decode_utf8(utf8)) {
    letter.clear();
    text::append_utf8(c, letter);
    if (needs_capitals_face(letter)) return true;
  }
  return false;
}

// Marks the plan as an old TCVN3 document sets it: an element whose attributes hold toned
// capitals (the all-capitals section titles) is set in .VnTimeH as a whole; a toned capital in
// running text ("Ủy ban") is one letter in .VnTimeH.
void mark_capitals_fonts(pugi::xml_node element) {
  for (const auto& attribute : element.attributes()) {
    if (has_capital_needing_face(attribute.value())) {
      REQUIRE(text::to_upper_vi(attribute.value()) == attribute.value());  // all capitals, or it cannot be set so
      element.append_attribute("font") = ".VnTimeH";
      break;
    }
  }
  for (pugi::xml_node child = element.first_child(); child;) {
    const pugi::xml_node next = child.next_sibling();
    if (child.type() == pugi::node_element) {
      mark_capitals_fonts(child);
    } else if (child.type() == pugi::node_pcdata && has_capital_needing_face(child.value())) {
      std::string plain;
      const auto flush = [&] {
        if (!plain.empty()) element.insert_child_before(pugi::node_pcdata, child).set_value(plain.c_str());
        plain.clear();
      };
      for (const char32_t c : text::decode_utf8(child.value())) {
        std::string letter;
        text::append_utf8(c, letter);
        if (!needs_capitals_face(letter)) {
          plain += letter;
          continue;
        }
        flush();
        auto font = element.insert_child_before("font", child);
        font.append_attribute("face") = ".VnTimeH";
        font.append_child(pugi::node_pcdata).set_value(letter.c_str());
      }
      flush();
      element.remove_child(child);
    }
    child = next;
  }
}

std::string with_capitals_fonts(const std::string& xml) {
  pugi::xml_document document;
  REQUIRE(document.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_comments));
  mark_capitals_fonts(document.document_element());
  std::ostringstream out;
  document.save(out, "", pugi::format_raw);
  return out.str();
}

// Renders data and returns the PDF's text as a reader copies it.
std::string pdf_text(const std::filesystem::path& data, const std::string& options = "") {
  const auto pdf = data.parent_path() / (data.stem().string() + ".pdf");
  const auto result = run(cli("render " + quote(data.string()) + " -o " + quote(pdf.string()) + " " + options));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  return run("pdftotext -layout " + quote(pdf.string()) + " -").out;
}

}  // namespace

TEST_CASE("the plan as NFC, NFD, TCVN3 and VNI (bytes and mojibake) renders the same PDF text") {
  const auto dir = testing::scratch("legacy-same-text");
  const std::string nfc = read_file(testing::sample("ke-hoach-54.xml"));
  const std::string vni = text::encode_legacy(nfc, text::LegacyEncoding::vni);
  REQUIRE(vni.find('?') == nfc.find('?'));  // every letter had a VNI code
  write_file_atomically((dir / "nfc.xml").string(), nfc);
  write_file_atomically((dir / "nfd.xml").string(), to_nfd(nfc));
  write_file_atomically((dir / "vni.xml").string(), vni);
  write_file_atomically((dir / "vni-mojibake.xml").string(), as_mojibake(vni));
  // TCVN3 with its capitals set in .VnTimeH, as the old file had them.
  const std::string marked = with_capitals_fonts(nfc);
  REQUIRE(marked.find("face=\".VnTimeH\"") != std::string::npos);
  REQUIRE(marked.find("font=\".VnTimeH\"") != std::string::npos);
  const std::string tcvn3 = text::encode_legacy(marked, text::LegacyEncoding::tcvn3);
  REQUIRE(tcvn3.find('?') == marked.find('?'));  // every letter had a TCVN3 code
  write_file_atomically((dir / "tcvn3.xml").string(), tcvn3);
  write_file_atomically((dir / "tcvn3-mojibake.xml").string(), as_mojibake(tcvn3));
  const std::string expected = pdf_text(dir / "nfc.xml");
  CHECK(expected.find("KẾ HOẠCH") != std::string::npos);
  CHECK(expected.find("I. MỤC ĐÍCH, YÊU CẦU") != std::string::npos);
  CHECK(expected.find("Ủy ban nhân dân") != std::string::npos);
  CHECK(pdf_text(dir / "tcvn3.xml", "--input-encoding tcvn3") == expected);
  CHECK(pdf_text(dir / "tcvn3-mojibake.xml", "--input-encoding tcvn3") == expected);
  CHECK(pdf_text(dir / "nfd.xml") == expected);
  CHECK(pdf_text(dir / "vni.xml", "--input-encoding vni") == expected);
  CHECK(pdf_text(dir / "vni-mojibake.xml", "--input-encoding vni") == expected);
}

TEST_CASE("a value in TCVN3 bytes is an error at its element, naming the encoding and what it reads") {
  const auto dir = testing::scratch("legacy-bad-bytes");
  const auto data = dir / "plan.xml";
  const std::string xml = read_file(testing::sample("ke-hoach-54.xml"));
  const std::string tcvn3 = text::encode_legacy(xml, text::LegacyEncoding::tcvn3);
  write_file_atomically(data.string(), tcvn3);
  const auto result = run(cli("render " + quote(data.string()) + " -o " + quote((dir / "out.pdf").string())));
  CHECK(result.exit_code == 1);
  // At the first value holding a letter above ASCII: the issuer's first line (the comment
  // above it is not data).
  const std::size_t first = tcvn3.find("<line>");
  REQUIRE(first < tcvn3.size());
  const auto line = std::count(tcvn3.begin(), tcvn3.begin() + static_cast<std::ptrdiff_t>(first), '\n') + 1;
  CHECK(result.err.find("plan.xml:" + std::to_string(line) + ":") != std::string::npos);
  CHECK(result.err.find("this value is in TCVN3 (ABC, .VnTime): it reads 'ủy ban nhân dân' once converted") != std::string::npos);
  CHECK(result.err.find("--input-encoding tcvn3") != std::string::npos);
  CHECK(result.err.find("[data.legacy-encoding]") != std::string::npos);
  CHECK(result.err.find("more values look like TCVN3") != std::string::npos);  // not one line per value
  CHECK(result.err.find("[data.bad-utf8]") == std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "out.pdf"));
}

TEST_CASE("legacy text read as Latin-1 is refused with the conversion to use, at its first sign") {
  const auto dir = testing::scratch("legacy-mojibake");
  const auto data = dir / "plan.xml";
  const std::string xml = read_file(testing::sample("ke-hoach-54.xml"));
  write_file_atomically(data.string(), as_mojibake(text::encode_legacy(xml, text::LegacyEncoding::vni)));
  const auto result = run(cli("render " + quote(data.string())));
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("[data.legacy-encoding]") != std::string::npos);
  CHECK(result.err.find("vanban convert --from vni") != std::string::npos);
}

TEST_CASE("vanban convert writes UTF-8 from TCVN3 and VNI, and capitals for an H font") {
  const auto dir = testing::scratch("legacy-convert");
  write_file_atomically((dir / "a.txt").string(), "B\xB6o Th\xBEng\n");
  write_file_atomically((dir / "b.txt").string(), "Xin chaøo caùc baïn\n");
  const auto tcvn3 = run(cli("convert --from tcvn3 " + quote((dir / "a.txt").string())));
  CHECK(tcvn3.exit_code == 0);
  CHECK(tcvn3.out == "Bảo Thắng\n");
  const auto caps = run(cli("convert --from tcvn3 --capitals " + quote((dir / "a.txt").string())));
  CHECK(caps.out == "BẢO THẮNG\n");
  const auto out = dir / "b.utf8.txt";
  CHECK(run(cli("convert --from VNI " + quote((dir / "b.txt").string()) + " -o " + quote(out.string()))).exit_code == 0);
  CHECK(read_file(out.string()) == "Xin chào các bạn\n");
  CHECK(run(cli("convert --from viscii " + quote((dir / "b.txt").string()))).exit_code == 2);
}
