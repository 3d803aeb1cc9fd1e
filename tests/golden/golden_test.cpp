// Golden layout traces: each case renders a data file and compares our own trace (positions,
// faces, sizes, text) with the expected one, never PDF bytes. Set VANBAN_UPDATE_GOLDEN=1 to
// rewrite the expectations after a deliberate layout change (tests/golden/README.md).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include <unicode/normalizer2.h>
#include <unicode/bytestream.h>

#include "base/files.h"
#include "output/trace_writer.h"
#include "pipeline/generate.h"
#include "support/engine.h"
#include "support/paths.h"

using namespace vanban;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

enum class Input { data, markup };

void check_golden(const std::string& input_file, const std::string& trace_file, Input input = Input::data) {
  pipeline::GenerateOptions options;
  options.files = testing::files_in(std::filesystem::path(input_file).parent_path().string());
  const auto generated = input == Input::data ? pipeline::generate(testing::core(), read_file(input_file), input_file, options)
                                              : pipeline::generate_from_markup(testing::core(), read_file(input_file), input_file, options);
  const std::string actual = output::write_trace(generated.frame);
  if (const char* update = std::getenv("VANBAN_UPDATE_GOLDEN"); update && std::string(update) == "1") {
    write_file_atomically(trace_file, actual);
    WARN("updated " << trace_file);
    return;
  }
  REQUIRE(std::filesystem::exists(trace_file));  // a case without its expectation is missing
  const auto expected = lines_of(read_file(trace_file));
  const auto got = lines_of(actual);
  for (std::size_t i = 0; i < std::max(expected.size(), got.size()); ++i) {
    const std::string want = i < expected.size() ? expected[i] : "<end of trace>";
    const std::string have = i < got.size() ? got[i] : "<end of trace>";
    if (want != have) {
      FAIL_CHECK(trace_file << ":" << i + 1 << ": first difference\n  expected: " << want << "\n  actual:   " << have);
      return;
    }
  }
  SUCCEED();
}

// One case per layout feature: the samples of samples/layout/, laid out from their markup.
void check_layout_sample(const std::string& name) {
  check_golden(testing::sample("layout/" + name + ".xml"),
               testing::source_dir() + "/tests/golden/layout/" + name + ".trace", Input::markup);
}

// The document family: each built-in template's sample, through its template.
void check_family_sample(const std::string& name) {
  check_golden(testing::sample(name + ".xml"), testing::source_dir() + "/tests/golden/family/" + name + ".trace");
}

}  // namespace

TEST_CASE("golden: the seed plan 54/KH-UBND") {
  check_golden(testing::sample("ke-hoach-54.xml"), testing::source_dir() + "/tests/golden/plan/ke-hoach-54.trace");
}

TEST_CASE("golden: agenda (chuong-trinh), a table grouped by session") { check_family_sample("chuong-trinh-dai-hoi"); }

TEST_CASE("golden: invitation (giay-moi), the labelled lines of Mẫu 1.7") { check_family_sample("giay-moi-dai-hoi"); }

TEST_CASE("golden: delegate list (danh-sach), 307 delegates sorted by name in Roman-numbered groups") {
  check_family_sample("danh-sach-dai-bieu");
}

TEST_CASE("golden: decision (quyet-dinh) with its attached list as an appendix") {
  check_family_sample("quyet-dinh-khen-thuong");
}

TEST_CASE("golden: certificate (giay-khen), landscape with an ornamental border") { check_family_sample("giay-khen"); }

TEST_CASE("golden: submission (to-trinh), Mẫu 1.4 with Kính gửi, a parent body, the head signing") {
  check_family_sample("to-trinh-de-nghi-khen-thuong");
}

TEST_CASE("golden: report (bao-cao), Mẫu 1.4 with Kính gửi and a table of figures with its total") {
  check_family_sample("bao-cao-tong-ket-thi-dua");
}

TEST_CASE("golden: notice (thong-bao), Mẫu 1.4, TL. CHỦ TỊCH") { check_family_sample("thong-bao-ket-luan"); }

TEST_CASE("golden: letter of introduction (giay-gioi-thieu), Mẫu 1.8: no trích yếu, the rule under the type") {
  check_family_sample("giay-gioi-thieu-dai-bieu");
}

TEST_CASE("golden: minutes (bien-ban), Mẫu 1.9: no date line, THƯ KÝ and CHỦ TỌA side by side") {
  check_family_sample("bien-ban-hop-hoi-dong");
}

TEST_CASE("golden: certificate of merit (bang-khen), the A4 design on A3, a collective's name") {
  check_family_sample("bang-khen");
}

TEST_CASE("golden: Party plan (dang-ke-hoach): ĐẢNG CỘNG SẢN VIỆT NAM, the asterisk, Số 12-KH/ĐU") {
  check_family_sample("dang-ke-hoach-dai-hoi");
}

TEST_CASE("golden: Party decision (dang-quyet-dinh), T/M BAN THƯỜNG VỤ") { check_family_sample("dang-quyet-dinh-ban-chi-dao"); }

TEST_CASE("golden: Party notice (dang-thong-bao), T/L BAN THƯỜNG VỤ") { check_family_sample("dang-thong-bao-ket-luan"); }

TEST_CASE("golden: Party report (dang-bao-cao), a table with its total, K/T BÍ THƯ") {
  check_family_sample("dang-bao-cao-ket-qua");
}

TEST_CASE("golden: official letter (cong-van), Mẫu 1.5: V/v, Kính gửi, TM. + KT., contact lines") {
  check_family_sample("cong-van-dang-ky-dai-bieu");
}

TEST_CASE("golden: paragraphs (alignments, protected tokens, a word cut between letters)") {
  check_layout_sample("paragraphs");
}

TEST_CASE("golden: lists (I. 1. a) - + nested, Vietnamese letters, start)") { check_layout_sample("lists"); }

TEST_CASE("golden: a 300-row table over pages (repeated header, STT, spans, group rows)") {
  check_layout_sample("table");
}

TEST_CASE("golden: pagination (keep, page breaks, landscape, a row taller than a page, appendix)") {
  check_layout_sample("pagination");
}

TEST_CASE("golden: images (an image block, rules, signature and seal)") { check_layout_sample("images"); }

TEST_CASE("golden: shapes (stamp and note boxes, colours, shaded and aligned cells, a JPEG)") {
  check_layout_sample("shapes");
}

TEST_CASE("golden: an ornamental page border") { check_layout_sample("border"); }

TEST_CASE("NFD data renders exactly as NFC data") {
  // "Unicode tổ hợp" from Unikey or macOS: the same plan, every letter decomposed.
  const std::string nfc = read_file(testing::sample("ke-hoach-54.xml"));
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  REQUIRE(U_SUCCESS(status));
  std::string decomposed;
  icu::StringByteSink<std::string> sink(&decomposed);
  nfd->normalizeUTF8(0, icu::StringPiece(nfc.data(), static_cast<int32_t>(nfc.size())), sink, nullptr, status);
  REQUIRE(U_SUCCESS(status));
  REQUIRE(decomposed != nfc);  // the test means something only if the input changed

  pipeline::GenerateOptions options;
  const auto from_nfc = pipeline::generate(testing::core(), nfc, "nfc.xml", options);
  const auto from_nfd = pipeline::generate(testing::core(), decomposed, "nfd.xml", options);
  CHECK(output::write_trace(from_nfd.frame) == output::write_trace(from_nfc.frame));
}
