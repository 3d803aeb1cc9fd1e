// The vanban command as a user runs it: exit codes, located errors, stdin and stdout, and no
// output left behind when something fails.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

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

TEST_CASE("render --from-markup lays out markup directly; images are found beside it") {
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
  const auto as_data = run(cli("render " + quote(testing::sample("layout/images.xml")) + " -o " + quote(out + ".2")));
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
  CHECK_THAT(render.err, Catch::Contains("[check.notation-type]") && Catch::Contains("vanban check"));
  CHECK_FALSE(std::filesystem::exists(out));
}
