#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <set>

#include "base/files.h"
#include "base/messages.h"
#include "support/paths.h"

using namespace vanban;

TEST_CASE("Vietnamese messages carry over the parts that change, and the hints") {
  const Diagnostic english{Severity::error, "check.required-field",
                           "the template 'giay-khen' needs 'recipient/name': it is missing or blank in 'recipient'",
                           SourceLocation{"d.xml", 4, 3}, {"did you mean 'name'? the data has 'nmae' at line 6, column 5"}};
  CHECK(format_diagnostic(english, Language::vietnamese) ==
        "d.xml:4:3: lỗi: mẫu 'giay-khen' cần 'recipient/name': 'recipient' thiếu trường này hoặc để trống "
        "[check.required-field]\n  gợi ý: có phải ý bạn là 'name'? dữ liệu có 'nmae' ở dòng 6, cột 5");
  CHECK(format_diagnostic(english, Language::english) == format_diagnostic(english));
}

TEST_CASE("a batch record is a field, printed translated, and a message the catalog lacks stays English") {
  Diagnostic ragged{Severity::error, "data.csv-ragged", "record 4 has 6 cells where the header names 5 columns", {}, {}};
  ragged.record = 4;
  CHECK(format_diagnostic(ragged) == "error: record 4: record 4 has 6 cells where the header names 5 columns [data.csv-ragged]");
  CHECK(translate(ragged, Language::vietnamese).message == "bản ghi 4 có 6 ô trong khi hàng tiêu đề có 5 cột");
  CHECK(translate(ragged, Language::vietnamese).record == 4);
  CHECK(format_diagnostic(ragged, Language::vietnamese) ==
        "lỗi: bản ghi 4: bản ghi 4 có 6 ô trong khi hàng tiêu đề có 5 cột [data.csv-ragged]");
  const Diagnostic unknown{Severity::warning, "data.csv-ragged", "a message no one has translated yet", {}, {}};
  CHECK(translate(unknown, Language::vietnamese).message == unknown.message);
  CHECK(format_diagnostic(unknown, Language::vietnamese) == "cảnh báo: a message no one has translated yet [data.csv-ragged]");
}

TEST_CASE("language names: vi and en, as $LANG writes them too") {
  CHECK(language_named("vi") == Language::vietnamese);
  CHECK(language_named("vi_VN.UTF-8") == Language::vietnamese);
  CHECK(language_named("en") == Language::english);
  CHECK_FALSE(language_named("fr"));
}

TEST_CASE("every diagnostic code the engine uses has Vietnamese messages") {
  // The codes, as string literals in the engine's sources ("data.bad-utf8", "limit.depth").
  const std::regex code(R"re("((data|template|markup|layout|settings|text|image|io|batch|check|font|pdf|limit|convert|service|resource|home|sign)\.[a-z0-9-]+)")re");
  std::set<std::string> codes;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(testing::source_dir() + "/engine")) {
    if (entry.path().extension() != ".cpp" || entry.path().filename() == "messages_vi.cpp") continue;
    const std::string source = read_file(entry.path().string());
    for (std::sregex_iterator at(source.begin(), source.end(), code), end; at != end; ++at) {
      const std::string found = (*at)[1].str();
      if (!std::regex_search(found, std::regex(R"(\.(xml|csv|json|xlsx|pdf|png|mustache|zip)$)"))) codes.insert(found);  // file names
    }
  }
  REQUIRE(codes.size() > 60);
  for (const auto& name : codes) {
    INFO(name);
    CHECK(has_vietnamese(name));
  }
}

TEST_CASE("a diagnostic made with its format is translated by code and format, its arguments carried as they are") {
  Diagnostic d = formatted(Severity::error, "check.required-field",
                           "the template '{}' needs '{}': it is missing or blank in '{}'",
                           {"giay-khen", "recipient/name", "recipient"}, SourceLocation{"d.csv", 10, 3});
  CHECK(d.message == "the template 'giay-khen' needs 'recipient/name': it is missing or blank in 'recipient'");
  CHECK(d.arguments.size() == 3);
  // The look-up reads the format and the arguments, not the English text: an argument that
  // holds the sentence's own words does not confuse it.
  d.arguments[0] = "x': it is missing or blank in '";
  d.message = "(not parsed)";
  CHECK(translate(d, Language::vietnamese).message ==
        "mẫu 'x': it is missing or blank in '' cần 'recipient/name': 'recipient' thiếu trường này hoặc để trống");
  // A format the catalogue does not hold falls back to the English message's patterns.
  Diagnostic plain = formatted(Severity::error, "data.csv-ragged", "no such sentence {}", {"4"});
  CHECK(translate(plain, Language::vietnamese).message == "no such sentence 4");
}

TEST_CASE("a hint made with its sentence is translated by it, its parts carried as they are, a plain one by its text") {
  Diagnostic d = formatted(Severity::error, "check.unknown-field", "the template '{}' has no field '{}': it would not be printed",
                           {"giay-khen", "ten"}, {},
                           {Hint("did you mean '{}'? the data has '{}' at line {}, column {}", {"name", "n'? x '", "4", "7"}),
                            "it is left out of the document (--lenient)"});
  REQUIRE(d.hints.size() == 2);
  CHECK(d.hints[0] == "did you mean 'name'? the data has 'n'? x '' at line 4, column 7");
  CHECK(d.hint_formats.size() == 2);
  const auto vietnamese = translate(d, Language::vietnamese);
  CHECK(vietnamese.hints[0] == "có phải ý bạn là 'name'? dữ liệu có 'n'? x '' ở dòng 4, cột 7");
  CHECK(vietnamese.hints[1] != d.hints[1]);
  CHECK(vietnamese.hints[1].find("--lenient") != std::string::npos);
}

TEST_CASE("every message format in the engine's sources has its Vietnamese entry under its code") {
  // A format is a string literal holding "{}" after its code's literal, in the same call
  // (formatted, fail_with, a stage's report), or a hint's; adjacent literals are one, as the
  // compiler joins them.
  const std::regex run(R"re("(?:[^"\\\n]|\\.)*"(?:\s*"(?:[^"\\\n]|\\.)*")*)re");
  const std::regex piece(R"re("((?:[^"\\\n]|\\.)*)")re");
  const std::regex code(R"re("((data|template|markup|layout|settings|text|image|io|batch|check|font|pdf|limit|convert|service|resource|home|sign)\.[a-z0-9-]+|internal)")re");
  // A hint's sentence (Hint("…", {…}), hints.push_back({"…", …}), add_hint(d, {"…", …})) is
  // looked up under "hint".
  const std::regex hint_before(R"re((Hint\s*[({]|push_back\(\{|add_hint\([^,;]*,\s*\{)\s*$)re");
  int formats = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(testing::source_dir() + "/engine")) {
    if (entry.path().extension() != ".cpp" || entry.path().filename() == "messages_vi.cpp") continue;
    const std::string source = read_file(entry.path().string());
    for (std::sregex_iterator at(source.begin(), source.end(), run), end; at != end; ++at) {
      std::string written;
      const std::string literals = at->str();
      for (std::sregex_iterator p(literals.begin(), literals.end(), piece), none; p != none; ++p) written += (*p)[1].str();
      if (written.find("{}") == std::string::npos) continue;
      const auto begin = static_cast<std::size_t>(at->position());
      const std::string before = source.substr(begin > 400 ? begin - 400 : 0, std::min<std::size_t>(begin, 400));
      std::string last_code;
      for (std::sregex_iterator c(before.begin(), before.end(), code), none; c != none; ++c) last_code = (*c)[1].str();
      const std::string just_before = source.substr(begin > 40 ? begin - 40 : 0, std::min<std::size_t>(begin, 40));
      if (std::regex_search(just_before, hint_before)) last_code = "hint";
      if (last_code.empty()) continue;
      // The literal as the program sees it: \" and \\ unescaped.
      std::string format;
      for (std::size_t k = 0; k < written.size(); ++k) format += written[k] == '\\' && k + 1 < written.size() ? written[++k] : written[k];
      ++formats;
      INFO(entry.path().filename().string() << ": " << last_code << ": " << format);
      CHECK(has_vietnamese_format(last_code, format));
    }
  }
  CHECK(formats >= 10);
}

TEST_CASE("an error printed anyway under --lenient is translated and so are the words that say so") {
  auto finding = formatted(Severity::warning, "check.authority", "KT. is signed by a deputy, but the position '{}' is not a Phó position",
                           {"CHỦ TỊCH"});
  finding.message += std::string(lenient_suffix);
  finding.message_format += std::string(lenient_suffix);
  const auto vietnamese = translate(finding, Language::vietnamese).message;
  CHECK(vietnamese.find("CHỦ TỊCH") != std::string::npos);
  CHECK(vietnamese.find("deputy") == std::string::npos);
  CHECK(vietnamese.size() > std::string(" (vẫn in: --lenient)").size());
  CHECK(vietnamese.compare(vietnamese.size() - std::string(" (vẫn in: --lenient)").size(), std::string::npos,
                           " (vẫn in: --lenient)") == 0);
  // The same made as plain text, matched by pattern.
  const Diagnostic plain{Severity::warning, "check.authority",
                         "KT. is signed by a deputy, but the position 'CHỦ TỊCH' is not a Phó position" + std::string(lenient_suffix),
                         {}, {}};
  CHECK(translate(plain, Language::vietnamese).message == vietnamese);
}

TEST_CASE("a required field is named by its Vietnamese label in Vietnamese and by label and description in English") {
  const auto finding = formatted(Severity::error, "check.required-field",
                                 "the template '{}' needs '{}' ({}: {}): it is missing or blank in '{}'",
                                 {"giay-khen", "recipient/name", "Họ và tên", "the person's full name", "recipient"});
  CHECK(finding.message ==
        "the template 'giay-khen' needs 'recipient/name' (Họ và tên: the person's full name): it is missing or blank in 'recipient'");
  CHECK(translate(finding, Language::vietnamese).message ==
        "mẫu 'giay-khen' cần 'recipient/name' (Họ và tên): 'recipient' thiếu trường này hoặc để trống");
}
