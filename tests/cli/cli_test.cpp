// The vanban command as a user runs it: exit codes, located errors, stdin and stdout, and no
// output left behind when something fails.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "base/files.h"
#include "support/paths.h"
#include "support/run.h"

using namespace vanban;
using testing::quote;
using testing::run;

namespace {

std::string cli(const std::string& args) { return quote(testing::vanban_cli()) + " " + args; }

}  // namespace

TEST_CASE("help and version exit 0") {
  const auto help = run(cli("--help"));
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("render") != std::string::npos);
  const auto version = run(cli("--version"));
  CHECK(version.exit_code == 0);
  CHECK(version.out.find("vanban 0.") != std::string::npos);
}

TEST_CASE("bad usage exits 2") {
  CHECK(run(cli("")).exit_code == 2);
  CHECK(run(cli("render")).exit_code == 2);  // no data file
  CHECK(run(cli("render a.xml --no-such-option")).exit_code == 2);
  CHECK(run(cli("frobnicate")).exit_code == 2);
}

TEST_CASE("bad data exits 1 with file:line:col and leaves no output") {
  const auto dir = testing::scratch("cli-bad");
  const std::string data = (dir / "plan.xml").string();
  const std::string out = (dir / "plan.pdf").string();
  write_file_atomically(data, "<document template=\"ke-hoach\">\n  <subject>Độc lập</subjec>\n</document>\n");
  const auto result = run(cli("render " + quote(data) + " -o " + quote(out)));
  CHECK(result.exit_code == 1);
  CHECK(result.err.find(data + ":2:") != std::string::npos);
  CHECK(result.err.find("error:") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(out));
}

TEST_CASE("an impossible date is reported at its place and an existing output is kept") {
  const auto dir = testing::scratch("cli-date");
  std::string xml = read_file(testing::sample("ke-hoach-54.xml"));
  xml.replace(xml.find("2019-08-26"), 10, "2019-02-30");
  const std::string data = (dir / "plan.xml").string();
  const std::string out = (dir / "plan.pdf").string();
  write_file_atomically(data, xml);
  write_file_atomically(out, "previous output");
  const auto result = run(cli("render " + quote(data) + " -o " + quote(out)));
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("2019-02-30") != std::string::npos);
  // Located in the data file, on the <date> line.
  const auto date_line = std::count(xml.begin(), xml.begin() + static_cast<long>(xml.find("2019-02-30")), '\n') + 1;
  CHECK(result.err.find(data + ":" + std::to_string(date_line) + ":") == 0);
  CHECK(result.err.find("[data.bad-date]") != std::string::npos);
  CHECK(read_file(out) == "previous output");
}

TEST_CASE("data from standard input, PDF to standard output") {
  const auto result = run(cli("render - -o - < " + quote(testing::sample("ke-hoach-54.xml"))));
  CHECK(result.exit_code == 0);
  CHECK(result.out.rfind("%PDF-", 0) == 0);
  CHECK(result.out.find("%%EOF") != std::string::npos);
}

TEST_CASE("a template can be named on the command line, by name or by path") {
  const auto dir = testing::scratch("cli-template");
  const std::string by_name = (dir / "a.pdf").string();
  const std::string by_path = (dir / "b.pdf").string();
  CHECK(run(cli("render " + quote(testing::sample("ke-hoach-54.xml")) + " -t ke-hoach -o " + quote(by_name))).exit_code == 0);
  CHECK(run(cli("render " + quote(testing::sample("ke-hoach-54.xml")) + " -t " +
                   quote(testing::source_dir() + "/templates/ke-hoach") + " -o " + quote(by_path)))
            .exit_code == 0);
  CHECK(read_file(by_name) == read_file(by_path));
  const auto missing = run(cli("render " + quote(testing::sample("ke-hoach-54.xml")) + " -t no-such -o " +
                                  quote((dir / "c.pdf").string())));
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find("[template.not-found]") != std::string::npos);
}

TEST_CASE("the font folder can be chosen, e.g. a licensed Times New Roman") {
  // Stands in for a user's Times New Roman: the same files under the Windows names.
  const auto dir = testing::scratch("cli-fonts");
  const std::string fonts = testing::fonts_dir();
  std::filesystem::copy_file(fonts + "/LiberationSerif-Regular.ttf", dir / "times.ttf");
  std::filesystem::copy_file(fonts + "/LiberationSerif-Bold.ttf", dir / "timesbd.ttf");
  std::filesystem::copy_file(fonts + "/LiberationSerif-Italic.ttf", dir / "timesi.ttf");
  std::filesystem::copy_file(fonts + "/LiberationSerif-BoldItalic.ttf", dir / "timesbi.ttf");
  const std::string out = (dir / "plan.pdf").string();
  const std::string trace = (dir / "plan.trace").string();
  CHECK(run(cli("render " + quote(testing::sample("ke-hoach-54.xml")) + " --font-dir " + quote(dir.string()) +
                   " -o " + quote(out) + " --trace " + quote(trace)))
            .exit_code == 0);
  CHECK(std::filesystem::exists(out));
  std::filesystem::remove(dir / "timesbi.ttf");
  const auto missing = run(cli("render " + quote(testing::sample("ke-hoach-54.xml")) + " --font-dir " +
                                  quote(dir.string()) + " -o " + quote(out)));
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find("[font.missing]") != std::string::npos);
}

TEST_CASE("render --from-markup lays out markup directly, images are found beside it") {
  const auto dir = testing::scratch("cli-markup");
  const std::string out = (dir / "images.pdf").string();
  // Run from another folder: relative image paths start at the markup file, not the cwd.
  const auto result =
      run("cd " + quote(dir.string()) + " && " + cli("render --from-markup " + quote(testing::sample("layout/images.xml")) + " -o images.pdf --stats"));
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(std::filesystem::exists(out));
  CHECK(result.err.find("pages 1") != std::string::npos);
  // Without the flag the same file is data, and it names no template.
  const auto as_data = run(cli("render " + quote(testing::sample("layout/images.xml")) + " -o " + quote(out + ".2.pdf")));
  CHECK(as_data.exit_code == 1);
  CHECK(as_data.err.find("template") != std::string::npos);
}

TEST_CASE("render --line-breaker first-fit gives the word-processor layout for comparison") {
  const auto dir = testing::scratch("cli-breaker");
  const auto total = run(cli("render " + quote(testing::sample("ke-hoach-54.xml")) + " -o " + quote((dir / "a.pdf").string()) + " --stats"));
  const auto first = run(cli("render " + quote(testing::sample("ke-hoach-54.xml")) + " -o " + quote((dir / "b.pdf").string()) +
                             " --stats --line-breaker first-fit"));
  CHECK(total.exit_code == 0);
  CHECK(first.exit_code == 0);
  CHECK(total.err.find("pages 4, lines 146, overfull 0") != std::string::npos);
  CHECK(first.err.find("pages 5") != std::string::npos);
  CHECK(run(cli("render " + quote(testing::sample("ke-hoach-54.xml")) + " --line-breaker best-fit")).exit_code == 2);
}

TEST_CASE("vanban check passes the seed with its one warning, and flags a broken copy by line") {
  const auto seed = run(cli("check " + quote(testing::sample("ke-hoach-54.xml"))));
  CHECK(seed.exit_code == 0);
  CHECK(std::count(seed.out.begin(), seed.out.end(), '\n') == 1);
  CHECK_THAT(seed.out, Catch::Contains("ke-hoach-54.xml:90:5: warning:"));
  CHECK_THAT(seed.err, Catch::Contains("0 errors, 1 warning"));

  const auto dir = testing::scratch("cli-check");
  std::string xml = read_file(testing::sample("ke-hoach-54.xml"));
  xml.replace(xml.find("<notation>KH-UBND"), std::string("<notation>KH-UBND").size(), "<notation>TTR-UBND");
  xml.replace(xml.find("<authority>TM."), std::string("<authority>TM.").size(), "<authority>T.M");
  const auto data = (dir / "broken.xml").string();
  write_file_atomically(data, xml);
  const auto broken = run(cli("check " + quote(data)));
  CHECK(broken.exit_code == 1);
  CHECK_THAT(broken.out, Catch::Contains("broken.xml:14:3: error:") && Catch::Contains("[check.notation-type]"));
  CHECK_THAT(broken.out, Catch::Contains("broken.xml:94:5: error:") && Catch::Contains("[check.authority]"));
  CHECK_THAT(broken.err, Catch::Contains("2 errors, 1 warning"));
  // render stops at the first error, names the check, and writes nothing.
  const auto out = (dir / "broken.pdf").string();
  const auto render = run(cli("render " + quote(data) + " -o " + quote(out)));
  CHECK(render.exit_code == 1);
  // Every error at once, not only the first.
  CHECK_THAT(render.err, Catch::Contains("[check.notation-type]") && Catch::Contains("[check.authority]"));
  CHECK_FALSE(std::filesystem::exists(out));
}

TEST_CASE("vanban templates lists every built-in template, and a template's fields with the required ones starred") {
  const auto listing = run(cli("templates"));
  CHECK(listing.exit_code == 0);
  for (const char* name : {"chuong-trinh", "danh-sach", "giay-khen", "giay-moi", "ke-hoach", "quyet-dinh"}) {
    INFO(name);
    CHECK(("\n" + listing.out).find(std::string("\n") + name + " ") != std::string::npos);
    // Each template's sample passes its own check: the declaration and the sample agree.
    const auto fields = run(cli(std::string("templates ") + name));
    CHECK(fields.exit_code == 0);
    const auto sample = fields.out.find("sample: samples/");
    REQUIRE(sample != std::string::npos);
    const std::string file = fields.out.substr(sample + 8, fields.out.find('\n', sample) - sample - 8);
    CHECK(run(cli("check " + quote(testing::source_dir() + "/" + file))).exit_code == 0);
  }
  const auto certificate = run(cli("templates giay-khen"));
  CHECK_THAT(certificate.out, Catch::Contains("* recipient/name") && Catch::Contains("* decision/number") &&
                                  Catch::Contains("  golden-book"));
  const auto unknown = run(cli("templates cong-dien"));
  CHECK(unknown.exit_code == 1);
  CHECK_THAT(unknown.err, Catch::Contains("[template.not-found]") && Catch::Contains("vanban templates"));
}

namespace {

struct Breakage {
  std::string from, to;  // a text of the sample and what it becomes
};

struct ExpectedFinding {
  std::string code;      // e.g. "check.notation-type"
  std::string severity;  // "error" or "warning"
  std::string at;        // a text of the broken copy whose line the finding must name
  int occurrence = 1;    // which occurrence of `at`
};

// Breaks a copy of a sample and checks that `vanban check` names each expected finding at
// its line, and nothing else; render refuses it when an error is among them.
void check_broken_copy(const std::string& sample, const std::vector<Breakage>& breakages,
                       const std::vector<ExpectedFinding>& expected) {
  std::string xml = read_file(testing::sample(sample));
  for (const auto& breakage : breakages) {
    const auto at = xml.find(breakage.from);
    INFO("breaking: " << breakage.from);
    REQUIRE(at != std::string::npos);
    xml.replace(at, breakage.from.size(), breakage.to);
  }
  const auto dir = testing::scratch("broken-" + sample);
  const std::string data = (dir / sample).string();
  write_file_atomically(data, xml);
  const auto checked = run(cli("check " + quote(data)));
  INFO(checked.out);
  CHECK(std::count(checked.out.begin(), checked.out.end(), '\n') == static_cast<long>(expected.size()));
  bool any_error = false;
  for (const auto& finding : expected) {
    auto at = xml.find(finding.at);
    for (int k = 1; k < finding.occurrence && at != std::string::npos; ++k) at = xml.find(finding.at, at + 1);
    REQUIRE(at != std::string::npos);
    const auto line = std::count(xml.begin(), xml.begin() + static_cast<std::ptrdiff_t>(at), '\n') + 1;
    const std::string where = sample + ":" + std::to_string(line) + ":";
    INFO("expected " << finding.code << " at " << where);
    const auto found = checked.out.find(where);
    REQUIRE(found != std::string::npos);
    const std::string report = checked.out.substr(found, checked.out.find('\n', found) - found);
    CHECK_THAT(report, Catch::Contains(finding.severity + ":") && Catch::Contains("[" + finding.code + "]"));
    any_error = any_error || finding.severity == "error";
  }
  const int wanted_exit = any_error ? 1 : 0;
  CHECK(checked.exit_code == wanted_exit);
  if (any_error) {
    const std::string pdf = (dir / "broken.pdf").string();
    CHECK(run(cli("render " + quote(data) + " -o " + quote(pdf))).exit_code == 1);
    CHECK_FALSE(std::filesystem::exists(pdf));
  }
}

}  // namespace

TEST_CASE("vanban check flags a broken copy of the agenda at its lines") {
  check_broken_copy("chuong-trinh-dai-hoi.xml",
                    {{"<notation>CTr-UBND</notation>", "<notation>CTR-UBND</notation>"},
                     {"<time>07 giờ 15 - 07 giờ 30</time>", ""},
                     {"<recipient>Lưu: VT, NV.</recipient>", "<recipient>Lưu: VT, NV</recipient>"}},
                    {{"check.notation-type", "error", "<notation>CTR"},
                     {"check.required-field", "error", "<item>", 2},  // the item without its time
                     {"check.recipient", "warning", "<recipient>Lưu: VT, NV<"}});
}

TEST_CASE("vanban check flags a broken copy of the invitation at its lines") {
  check_broken_copy("giay-moi-dai-hoi.xml",
                    {{"<invitee>Đồng chí Trưởng Ban Thi đua - Khen thưởng tỉnh Trà Vinh</invitee>", "<invitee/>"},
                     {"<date>2020-06-25</date>", "<date>2020-06-05</date>"},
                     {"<authority>TL.</authority>", "<authority>T.L</authority>"}},
                    {{"check.required-field", "error", "<document template"},
                     {"check.date-order", "warning", "<date>2020-06-05"},
                     {"check.authority", "error", "<authority>T.L"}});
}

TEST_CASE("vanban check flags a broken copy of the delegate list at its lines") {
  check_broken_copy(
      "danh-sach-dai-bieu.xml",
      {{"<delegate><name>Lê Hữu Phúc</name><role>Phó Hiệu trưởng Trường Mầm non Hoa Mai</role></delegate>",
        "<delegate><name>Lê Hữu Phúc</name><role>Phó Hiệu trưởng Trường Mầm non Hoa Mai</role></delegate>\n"
        "    <delegate><name>Lê Hữu Phúc</name><role>Phó Hiệu trưởng Trường Mầm non Hoa Mai</role></delegate>"},
       {"<group number=\"III\" title", "<group title"},
       {"<date>2020-06-20</date>", "<date>2020-06-31</date>"}},
      {{"check.duplicate", "warning", "<delegate><name>Lê Hữu Phúc", 2},
       {"check.required-field", "error", "<group title=\"Đại biểu điển hình"},
       {"data.bad-date", "error", "<date>2020-06-31"}});
}

TEST_CASE("vanban check flags a broken copy of the decision at its lines") {
  check_broken_copy("quyet-dinh-khen-thuong.xml",
                    {{"<article number=\"3\">", "<article number=\"4\">"},
                     {"Luật Thi đua, Khen thưởng;</basis>", "Luật Thi đua, Khen thưởng</basis>"},
                     {"<recipient>Như Điều 3;</recipient>", "<recipient>Như trên;</recipient>"},
                     {"<notation>QĐ-UBND</notation>", "<notation>QĐ-UBND-2020</notation>"}},
                    {{"check.notation-form", "error", "<notation>QĐ-UBND-2020"},
                     {"check.basis", "warning", "Căn cứ Nghị định số 91/2017"},
                     {"check.article-number", "error", "<article number=\"4\">"},
                     {"check.recipient", "warning", "<recipients>"}});
}

TEST_CASE("vanban check flags a broken copy of the certificate at its lines") {
  check_broken_copy("giay-khen.xml",
                    {{"<notation>QĐ-UBND</notation>", "<notation>QD-UBND</notation>"},
                     {"<date>2020-06-22</date>\n  </decision>", "<date>2020-07-01</date>\n  </decision>"},
                     {"<name>Nguyễn Văn An</name>", "<name></name>"}},
                    {{"check.notation-type", "error", "<notation>QD-UBND"},
                     {"check.date-order", "warning", "<date>2020-07-01"},
                     {"check.required-field", "error", "<recipient>"}});
}

TEST_CASE("render --lenient prints an office's own ký hiệu form with a warning, an impossible date still stops it") {
  const auto dir = testing::scratch("cli-lenient");
  std::string xml = read_file(testing::sample("giay-moi-dai-hoi.xml"));
  xml.replace(xml.find("<notation>GM-UBND"), std::string("<notation>GM-UBND").size(), "<notation>GM/UBND-VP");
  const auto data = (dir / "own-form.xml").string();
  write_file_atomically(data, xml);
  const auto pdf = (dir / "own-form.pdf").string();
  CHECK(run(cli("render " + quote(data) + " -o " + quote(pdf))).exit_code == 1);
  CHECK_FALSE(std::filesystem::exists(pdf));
  const auto lenient = run(cli("render --lenient " + quote(data) + " -o " + quote(pdf)));
  CHECK(lenient.exit_code == 0);
  CHECK_THAT(lenient.err, Catch::Contains("own-form.xml:13:3: warning:") && Catch::Contains("--lenient"));
  CHECK(std::filesystem::exists(pdf));
  CHECK_THAT(run("pdftotext " + quote(pdf) + " -").out, Catch::Contains("Số: 45/GM/UBND-VP"));

  xml.replace(xml.find("<date>2020-06-15"), std::string("<date>2020-06-15").size(), "<date>2020-06-31");
  write_file_atomically(data, xml);
  std::filesystem::remove(pdf);
  const auto bad_date = run(cli("render --lenient " + quote(data) + " -o " + quote(pdf)));
  CHECK(bad_date.exit_code == 1);
  CHECK_THAT(bad_date.err, Catch::Contains("[data.bad-date]"));
  CHECK_FALSE(std::filesystem::exists(pdf));
}

TEST_CASE("vanban finds its templates from any folder, and says so when it cannot") {
  const auto dir = testing::scratch("home");
  // From a clerk's folder, with the data named from there: the program's own files are found
  // beside the program, not in the working folder.
  std::filesystem::copy_file(testing::source_dir() + "/samples/giay-khen.xml", dir / "giay-khen.xml");
  const auto here = run("cd " + quote(dir.string()) + " && " + quote(testing::vanban_cli()) + " render giay-khen.xml");
  CHECK(here.exit_code == 0);
  CHECK(std::filesystem::exists(dir / "giay-khen.pdf"));
  // A copy of the program alone has no templates: an error, not an empty list.
  const auto lone = dir / "vanban";
  std::filesystem::copy_file(testing::vanban_cli(), lone);
  const auto listed = run("cd " + quote(dir.string()) + " && env -u VANBAN_HOME " + quote(lone.string()) + " templates");
  CHECK(listed.exit_code == 1);
  CHECK_THAT(listed.err, Catch::Contains("[home.not-found]") && Catch::Contains("VANBAN_HOME"));
  const auto told = run("VANBAN_HOME=" + quote(testing::source_dir()) + " " + quote(lone.string()) + " templates");
  CHECK(told.exit_code == 0);
  CHECK_THAT(told.out, Catch::Contains("giay-khen"));
  const auto wrong = run("VANBAN_HOME=" + quote(dir.string()) + " " + quote(lone.string()) + " templates");
  CHECK(wrong.exit_code == 1);
  CHECK_THAT(wrong.err, Catch::Contains("holds no templates/ and fonts/"));
}

TEST_CASE("JSON data renders every template as its XML does, from a file or standard input") {
  const auto dir = testing::scratch("json-render");
  int compared = 0;
  for (const auto& entry : std::filesystem::directory_iterator(testing::source_dir() + "/docs/examples")) {
    if (entry.path().extension() != ".json") continue;
    const std::string stem = entry.path().stem().string();
    const std::string xml = testing::source_dir() + "/samples/" + stem + ".xml";
    REQUIRE(std::filesystem::exists(xml));
    INFO(stem);
    const auto from_xml = run(cli("render " + quote(xml) + " -o " + quote((dir / (stem + "-xml.pdf")).string()) + " --trace " +
                                  quote((dir / (stem + "-xml.trace")).string())));
    // From standard input, told by its first character; the images are found from the samples' folder.
    const auto from_json = run("cd " + quote(testing::source_dir() + "/samples") + " && " +
                               cli("render - -o " + quote((dir / (stem + "-json.pdf")).string()) + " --trace " +
                                   quote((dir / (stem + "-json.trace")).string())) +
                               " < " + quote(entry.path().string()));
    REQUIRE(from_xml.exit_code == 0);
    REQUIRE(from_json.exit_code == 0);
    // The same document to the hundredth of a point: keys in order, lists, a body's blocks.
    CHECK(read_file((dir / (stem + "-json.trace")).string()) == read_file((dir / (stem + "-xml.trace")).string()));
    ++compared;
  }
  int templates = 0;  // one example per template
  for (const auto& entry : std::filesystem::directory_iterator(testing::source_dir() + "/templates")) {
    if (entry.is_directory() && entry.path().filename() != "partials") ++templates;
  }
  CHECK(compared == templates);
}

TEST_CASE("JSON data: a key twice, an array for a document, and bad JSON are errors at their place") {
  const auto dir = testing::scratch("json-bad");
  const auto write = [&](const std::string& name, const std::string& text) {
    vanban::write_file_atomically((dir / name).string(), text);
    return run(cli("render " + quote((dir / name).string()) + " -o " + quote((dir / "out.pdf").string())));
  };
  const auto twice = write("twice.json", "{\"template\": \"giay-khen\",\n \"authority\": \"A\",\n \"authority\": \"B\"}");
  CHECK(twice.exit_code == 1);
  CHECK_THAT(twice.err, Catch::Contains("twice.json:3:2: error: the key 'authority' is given twice") &&
                            Catch::Contains("[data.json-duplicate-key]"));
  const auto list = write("list.json", "[{\"template\": \"giay-khen\"}]");
  CHECK_THAT(list.err, Catch::Contains("[data.json-document]") && Catch::Contains("vanban batch"));
  const auto broken = write("broken.json", "{\"template\": \"giay-khen\",\n \"authority\": }");
  CHECK_THAT(broken.err, Catch::Contains("broken.json:2:") && Catch::Contains("[data.json-syntax]"));
  CHECK_FALSE(std::filesystem::exists(dir / "out.pdf"));
}

TEST_CASE("a misspelt command, option, choice or template is answered with the nearest, and help shows no internals") {
  const auto command = run(cli("rendr x.xml"));
  CHECK(command.exit_code == 2);
  CHECK_THAT(command.err, Catch::Contains("'rendr' is not a command: did you mean 'render'?"));
  const auto option = run(cli("batch x.csv -t giay-khen --marge a.pdf"));
  CHECK(option.exit_code == 2);
  CHECK_THAT(option.err, Catch::Contains("--marge: did you mean '--merge'?"));
  const auto choice = run(cli("render x.xml --input-encoding tcvn"));
  CHECK(choice.exit_code == 2);
  CHECK_THAT(choice.err, Catch::Contains("'tcvn' is not one of cp1258, tcvn3, vni: did you mean 'tcvn3'?"));
  const auto name = run(cli("templates giay-khn"));
  CHECK(name.exit_code == 1);
  CHECK_THAT(name.err, Catch::Contains("did you mean 'giay-khen'?"));
  // A PDF is named .pdf: "-o x.png" would write a PDF no image viewer opens.
  const auto png = run(cli("render " + quote(testing::sample("giay-khen.xml")) + " -o x.png"));
  CHECK(png.exit_code == 2);
  CHECK_THAT(png.err, Catch::Contains("vanban writes PDF, so name a .pdf file"));
  for (const char* sub : {"render", "check", "batch", "convert"}) {
    const auto help = run(cli(std::string(sub) + " --help"));
    INFO(sub);
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("->0") == std::string::npos);  // CLI11's maps: {first-fit->1,total-fit->0}
    CHECK(help.out.find("->1") == std::string::npos);
    CHECK(help.out.find("ENUM") == std::string::npos);
  }
}

TEST_CASE("every vanban command the README and docs/ show runs as written") {
  // Each indented line "build/vanban …" (placeholders such as DATA.xml aside), run from a
  // folder like a fresh clone's: samples/ as in the repository, build/vanban the program.
  const auto dir = testing::scratch("docs-commands");
  std::filesystem::create_directories(dir / "build");
  std::filesystem::create_directory_symlink(testing::source_dir() + "/samples", dir / "samples");
  std::filesystem::create_symlink(testing::vanban_cli(), dir / "build" / "vanban");
  std::vector<std::string> pages{testing::source_dir() + "/README.md"};
  for (const auto& entry : std::filesystem::directory_iterator(testing::source_dir() + "/docs")) {
    if (entry.path().extension() == ".md") pages.push_back(entry.path().string());
  }
  int ran = 0;
  for (const auto& page : pages) {
    // The page's curl commands, each joined across its "\" continuations: they are run
    // against the service its "build/vanban serve" command starts.
    std::vector<std::string> curls;
    {
      std::istringstream text(read_file(page));
      std::string joined;
      for (std::string line; std::getline(text, line);) {
        const auto start = line.find_first_not_of(' ');
        if (start == std::string::npos || start < 4) continue;
        if (joined.empty() && line.compare(start, 5, "curl ") != 0) continue;
        joined += line.substr(start);
        if (!joined.empty() && joined.back() == '\\') {
          joined.pop_back();
          continue;
        }
        curls.push_back(joined);
        joined.clear();
      }
    }
    std::istringstream text(read_file(page));
    for (std::string line; std::getline(text, line);) {
      const auto start = line.find_first_not_of(' ');
      if (start == std::string::npos || start < 4) continue;
      // The openssl lines that make a throw-away key to sign with (docs/electronic.md) run too,
      // in their place among the vanban commands.
      if (line.compare(start, 8, "openssl ") == 0) {
        INFO(page << ": " << line.substr(start));
        CHECK(run("cd " + quote(dir.string()) + " && " + line.substr(start) + " > /dev/null 2>&1").exit_code == 0);
        continue;
      }
      if (line.compare(start, 13, "build/vanban ") != 0) continue;
      const std::string command = line.substr(start);
      if (command.find(" serve") != std::string::npos) {
        // A service runs until it is stopped: started, asked what the page asks it, stopped.
        INFO(page << ": " << command);
        std::string script = command + " 2> serve.err & pid=$!; for i in $(seq 100); do grep -q listening serve.err && break; "
                             "sleep 0.1; done; status=0;";
        for (const auto& curl : curls) script += " " + curl + " || status=1;";
        script += " kill -TERM $pid; wait $pid || status=1; exit $status";
        const auto result = run("cd " + quote(dir.string()) + " && bash -c " + quote(script));
        CHECK(result.exit_code == 0);
        for (const auto& curl : curls) {
          const auto output = curl.find(" -o ");
          if (output == std::string::npos) continue;
          const std::string file = curl.substr(output + 4, curl.find(' ', output + 4) - output - 4);
          INFO(curl);
          CHECK(read_file((dir / file).string()).rfind("%PDF-", 0) == 0);
        }
        ++ran;
        continue;
      }
      const bool placeholder = std::any_of(command.begin(), command.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) &&
                               (command.find("DATA") != std::string::npos || command.find("TEMPLATE") != std::string::npos ||
                                command.find("OUT") != std::string::npos);
      if (placeholder) continue;
      INFO(page << ": " << command);
      const auto result = run("cd " + quote(dir.string()) + " && " + command + " > /dev/null");
      // A batch of the sample list has two bad rows on purpose: exit 3, the others printed.
      const bool sample_batch = command.find(" batch ") != std::string::npos;
      CHECK((result.exit_code == 0 || (sample_batch && result.exit_code == 3)));
      CHECK(result.err.find("[io.") == std::string::npos);
      ++ran;
    }
  }
  CHECK(ran >= 5);
}

TEST_CASE("the bash completion and the manual page are made from the commands themselves") {
  const auto completion = run(cli("completion bash"));
  CHECK(completion.exit_code == 0);
  CHECK_THAT(completion.out, Catch::Contains("complete -o filenames -F _vanban vanban") &&
                                 Catch::Contains("batch) words=\"") && Catch::Contains("--dry-run"));
  const auto dir = testing::scratch("completion");
  vanban::write_file_atomically((dir / "vanban.bash").string(), completion.out);
  // It is valid bash, and completes "vanban ba" to batch.
  const auto completed = run("bash -c " + quote("source " + (dir / "vanban.bash").string() +
                                                  " && COMP_WORDS=(vanban ba) COMP_CWORD=1 && _vanban && echo ${COMPREPLY[*]}"));
  CHECK(completed.out == "batch\n");
  const auto page = run(cli("man"));
  CHECK(page.exit_code == 0);
  CHECK_THAT(page.out, Catch::StartsWith(".TH VANBAN 1") && Catch::Contains(".SS batch") && Catch::Contains("\\-\\-merge") &&
                           Catch::Contains(".SH EXIT STATUS"));
}

TEST_CASE("the help in Vietnamese under --lang vi, every command's and option's line") {
  for (const char* sub : {"", "render", "check", "templates", "batch", "convert"}) {
    INFO(sub);
    const auto english = run(cli(std::string(sub) + " --help")).out;
    const auto vietnamese = run(cli(std::string("--lang vi ") + sub + " --help")).out;
    CHECK_THAT(vietnamese, Catch::Contains("Cách dùng") && Catch::Contains("Tùy chọn"));
    // Each description of the English help (past the names' column) is gone from the Vietnamese.
    std::istringstream lines(english);
    for (std::string line; std::getline(lines, line);) {
      // CLI11 writes the description from column 30, after two spaces, or on the next line.
      if (line.size() <= 30 || line.compare(0, 2, "  ") != 0 || line.compare(28, 2, "  ") != 0 || line[30] == ' ') continue;
      const std::string description = line.substr(30);
      if (description == "bash") continue;
      INFO(description);
      CHECK(vietnamese.find(description) == std::string::npos);
    }
  }
}

TEST_CASE("a draft with no number or date yet keeps room to write them by hand, and check says it is a draft") {
  const auto dir = testing::scratch("draft");
  std::string plan = read_file(testing::sample("ke-hoach-54.xml"));
  for (const std::string given : {"<number>54</number>", "<date>2019-08-26</date>"}) {
    const auto at = plan.find(given);
    REQUIRE(at != std::string::npos);
    plan.erase(at, given.size());
  }
  vanban::write_file_atomically((dir / "du-thao.xml").string(), plan);
  const auto rendered = run(cli("render " + quote((dir / "du-thao.xml").string()) + " -o " + quote((dir / "du-thao.pdf").string())));
  REQUIRE(rendered.exit_code == 0);
  CHECK_THAT(rendered.err, Catch::Contains("a draft: no number yet") && Catch::Contains("[check.draft]"));
  const std::string page = run("pdftotext -f 1 -l 1 -layout " + quote((dir / "du-thao.pdf").string()) + " -").out;
  // "Số:", room for a number, then the ký hiệu; the place, then room between the words.
  CHECK_THAT(page, Catch::Matches("[\\s\\S]*Số: {5,}/KH-UBND[\\s\\S]*"));
  CHECK_THAT(page, Catch::Matches("[\\s\\S]*Duyên Hải, ngày {5,}tháng {5,}năm[\\s\\S]*"));
  CHECK_THAT(page, !Catch::Contains("26 tháng 8"));
  const auto checked = run(cli("check " + quote((dir / "du-thao.xml").string())));
  CHECK(checked.exit_code == 0);
  CHECK_THAT(checked.out + checked.err, Catch::Contains("a draft: no date yet"));
}
