// Legacy encodings: every Vietnamese letter both ways in TCVN3 and VNI, published words as
// test vectors, mojibake, and detection.
#include <catch2/catch.hpp>

#include <vector>

#include "text/legacy.h"
#include "text/unicode.h"

using namespace vanban;
using text::LegacyEncoding;

namespace {

// The 144 vowel letters: 12 vowels × 6 tones × 2 cases, built from combining marks (so the
// list does not come from the tables under test), in NFC.
std::vector<std::string> vowel_letters() {
  const std::vector<std::string> vowels{"a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"};
  const std::vector<std::string> tones{"", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"};
  std::vector<std::string> out;
  for (const auto& vowel : vowels) {
    for (const auto& tone : tones) {
      const std::string lower = text::to_nfc(text::to_nfc(vowel) + tone);
      out.push_back(lower);
      out.push_back(text::to_upper_vi(lower));
    }
  }
  return out;
}

// Windows-1252 bytes read as Latin-1 into UTF-8: what an old file looks like after one
// wrong conversion. (0x80–0x9F become the Windows-1252 symbols, as editors do.)
std::string as_mojibake(const std::string& bytes) {
  static const std::pair<unsigned char, char32_t> symbols[] = {{0x93, U'\u201C'}, {0x94, U'\u201D'}, {0x96, U'\u2013'}};
  std::string out;
  for (unsigned char c : bytes) {
    char32_t cp = c;
    for (const auto& [byte, symbol] : symbols) {
      if (byte == c) cp = symbol;
    }
    text::append_utf8(cp, out);
  }
  return out;
}

}  // namespace

TEST_CASE("all 144 vowel letters and đ Đ are single NFC code points, distinct") {
  auto letters = vowel_letters();
  letters.push_back("đ");
  letters.push_back("Đ");
  REQUIRE(letters.size() == 146);
  for (const auto& letter : letters) CHECK(text::decode_utf8(letter).size() == 1);
  std::sort(letters.begin(), letters.end());
  CHECK(std::unique(letters.begin(), letters.end()) == letters.end());
}

TEST_CASE("VNI: every letter both ways, as bytes and as mojibake") {
  auto letters = vowel_letters();
  letters.push_back("đ");
  letters.push_back("Đ");
  for (const auto& letter : letters) {
    INFO(letter);
    const std::string bytes = text::encode_legacy(letter, LegacyEncoding::vni);
    CHECK(bytes != "?");
    CHECK(bytes.size() <= 2);
    CHECK(text::convert_legacy(bytes, LegacyEncoding::vni) == letter);
    CHECK(text::convert_legacy(as_mojibake(bytes), LegacyEncoding::vni) == letter);
  }
}

TEST_CASE("TCVN3: lower case and the seven plain capitals both ways, toned capitals through an H font") {
  auto letters = vowel_letters();
  letters.push_back("đ");
  letters.push_back("Đ");
  const std::string plain_capitals = "ĂÂĐÊÔƠƯ";
  int single_bytes = 0;
  for (const auto& letter : letters) {
    INFO(letter);
    const std::string bytes = text::encode_legacy(letter, LegacyEncoding::tcvn3);
    REQUIRE(bytes.size() == 1);
    const bool lower = text::to_lower_vi(letter) == letter;
    const bool ascii = static_cast<unsigned char>(letter[0]) < 0x80;
    if (lower || ascii || plain_capitals.find(letter) != std::string::npos) {
      CHECK(text::convert_legacy(bytes, LegacyEncoding::tcvn3) == letter);
      CHECK(text::convert_legacy(as_mojibake(bytes), LegacyEncoding::tcvn3) == letter);
      if (!ascii) ++single_bytes;
    } else {
      // No code of its own: the lower-case code, shown in .VnTimeH.
      CHECK(bytes == text::encode_legacy(text::to_lower_vi(letter), LegacyEncoding::tcvn3));
      CHECK(text::convert_legacy(bytes, LegacyEncoding::tcvn3, true) == letter);
    }
  }
  CHECK(single_bytes == 74);  // 66 toned or marked lower-case vowels, đ, and the 7 plain capitals
}

TEST_CASE("published TCVN3 and VNI words convert as written, as bytes and as mojibake") {
  CHECK(text::convert_legacy("B\xB6o Th\xBEng", LegacyEncoding::tcvn3) == "Bảo Thắng");
  CHECK(text::convert_legacy("B\xB8t X\xB8t", LegacyEncoding::tcvn3) == "Bát Xát");
  CHECK(text::convert_legacy("B¶o Th¾ng", LegacyEncoding::tcvn3) == "Bảo Thắng");  // mojibake
  CHECK(text::convert_legacy("Xin chaøo caùc baïn", LegacyEncoding::vni) == "Xin chào các bạn");
  CHECK(text::convert_legacy("M\xAD\xEAng", LegacyEncoding::tcvn3) == "Mường");
  CHECK(text::convert_legacy("M\xEAng", LegacyEncoding::tcvn3) == "Mờng");  // the soft hyphen lost
  // TCVN3 keeps Windows-1252's quotes at 0x93/0x94 (iconv's "TCVN" would make capitals of them).
  CHECK(text::convert_legacy("\x93V\xA8n b\xB6n\x94", LegacyEncoding::tcvn3) == "“Văn bản”");
  CHECK(text::convert_legacy("\xF1y ban nh\xA9n d\xA9n", LegacyEncoding::tcvn3, true) == "ỦY BAN NHÂN DÂN");
}

TEST_CASE("detection: TCVN3 and VNI text are recognised, Unicode text in NFC or NFD is not") {
  const std::string unicode = "Ủy ban nhân dân thị xã Duyên Hải tổ chức Đại hội Thi đua yêu nước lần thứ I";
  const std::string tcvn3 = text::encode_legacy(unicode, LegacyEncoding::tcvn3);
  const std::string vni = text::encode_legacy(unicode, LegacyEncoding::vni);
  CHECK(text::detect_legacy(tcvn3) == LegacyEncoding::tcvn3);
  CHECK(text::detect_legacy(as_mojibake(tcvn3)) == LegacyEncoding::tcvn3);
  CHECK(text::detect_legacy(vni) == LegacyEncoding::vni);
  CHECK(text::detect_legacy(as_mojibake(vni)) == LegacyEncoding::vni);
  CHECK_FALSE(text::detect_legacy(unicode));
  CHECK_FALSE(text::detect_legacy("Hòa bình, độc lập; “trích dẫn” – 25 % – ©"));
  // NFD: base letters and combining marks, nothing Latin-1 about it.
  std::string nfd = "Vie\xCC\xA3\xCC\x82t Nam";
  CHECK_FALSE(text::detect_legacy(nfd));
  // Capitals with tones come back in lower case (no TCVN3 code); the letters are all there.
  CHECK(text::to_lower_vi(text::convert_legacy(as_mojibake(tcvn3), LegacyEncoding::tcvn3)) == text::to_lower_vi(unicode));
  CHECK(text::convert_legacy(vni, LegacyEncoding::vni) == unicode);
}

TEST_CASE("TCVN3 capitals fonts are the .Vn…H faces") {
  CHECK(text::is_tcvn3_capitals_font(".VnTimeH"));
  CHECK(text::is_tcvn3_capitals_font(".VnArialH"));
  CHECK_FALSE(text::is_tcvn3_capitals_font(".VnTime"));
  CHECK_FALSE(text::is_tcvn3_capitals_font("Times New Roman"));
  CHECK(text::parse_legacy_encoding("abc") == LegacyEncoding::tcvn3);
  CHECK_FALSE(text::parse_legacy_encoding("viscii"));
}

TEST_CASE("a Vietnamese syllable: initial, vowel group, final, one tone, one case pattern") {
  for (const char* word : {"Nguyễn", "Văn", "khuyên", "quốc", "gì", "Phia", "ỦY", "NHÂN", "thuở", "người", "Đạt", "a", "oẳn",
                           "hòa", "hoà", "hoài", "xoáy", "toán", "múa", "giếng", "khuya", "huỳnh", "tiếu"}) {
    INFO(word);
    CHECK(text::is_vietnamese_syllable(word));
  }
  // Legacy text read as Latin-1: a symbol, a capital inside a word, a letter Vietnamese does
  // not use; and words that are not Vietnamese.
  for (const char* word : {"NguyÔn", "V¨n", "chøc", "Nh©n", "josé", "Xtr", "hoàà", "ngưyễn", "xaõ", "caùc", "muóa"}) {
    INFO(word);
    CHECK_FALSE(text::is_vietnamese_syllable(word));
  }
}

TEST_CASE("each value is judged alone: short legacy values are found, Unicode ones never converted") {
  using Kind = text::ValueEncoding::Kind;
  const auto verdict = [](std::string_view value) { return text::classify_value(value); };
  // "Nguyễn Văn An" in TCVN3, read as Latin-1, and as bytes: three words, one of them ASCII.
  CHECK(verdict("NguyÔn V¨n An").kind == Kind::legacy);
  CHECK(verdict("NguyÔn V¨n An").encoding == LegacyEncoding::tcvn3);
  CHECK(verdict("Nguy\xD4n V\xA8n An").kind == Kind::legacy);
  CHECK(verdict(as_mojibake(text::encode_legacy("Xin chào các bạn", LegacyEncoding::vni))).encoding == LegacyEncoding::vni);
  const std::string cp1258 = text::encode_legacy("Ủy ban nhân dân tỉnh Trà Vinh", LegacyEncoding::cp1258);
  CHECK(verdict(cp1258).kind == Kind::legacy);
  CHECK(verdict(cp1258).encoding == LegacyEncoding::cp1258);
  CHECK(text::convert_legacy(cp1258, LegacyEncoding::cp1258) == "Ủy ban nhân dân tỉnh Trà Vinh");
  // Unicode: letters above U+00FF, or words that read as they are; names of other languages.
  for (const char* value : {"ỦY BAN NHÂN DÂN", "Cà Mau", "Hà Tiên", "Tô Hoài", "José Martí", "Café", "25 % – ©", "plain"}) {
    INFO(value);
    CHECK(verdict(value).kind == Kind::unicode);
    CHECK_FALSE(text::convert_value(value, LegacyEncoding::tcvn3));
  }
  // A letter of UTF-8 cut in half is damaged, at its byte.
  const auto cut = verdict("Nguy\xE1\xBB" "n");
  CHECK(cut.kind == Kind::damaged);
  CHECK(cut.offset == 4);
  CHECK(text::convert_value("NguyÔn V¨n An", LegacyEncoding::tcvn3) == std::optional<std::string>("Nguyễn Văn An"));
}
