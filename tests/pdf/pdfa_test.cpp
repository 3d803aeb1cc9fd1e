// render --pdfa and vanban lint-pdfa (docs/electronic.md, "PDF/A"): every sample and a batch
// come out as PDF/A-2b that the lint passes and qpdf reads; a file without --pdfa fails it; and
// each of a set of single-byte changes to a good file breaks exactly the rule it should, so the
// lint is seen to check what it claims.
#include <catch2/catch.hpp>

#include <filesystem>

#include "base/files.h"
#include "support/paths.h"
#include "support/run.h"

using namespace vanban;
using testing::quote;
using testing::run;

namespace {

std::string vanban_command() { return quote(testing::vanban_cli()); }

testing::Run lint(const std::string& pdf, const std::string& flags = "") {
  return run(vanban_command() + " lint-pdfa " + flags + " " + quote(pdf));
}

// The seed plan as PDF/A-2b with its signature fields, made once.
const std::string& seed_pdfa() {
  static const std::string made = [] {
    const auto dir = testing::scratch("pdfa-seed");
    const std::string pdf = (dir / "plan.pdf").string();
    const auto done = run(vanban_command() + " render --pdfa 2b --sign-fields " + quote(testing::sample("ke-hoach-54.xml")) +
                          " -o " + quote(pdf));
    REQUIRE(done.exit_code == 0);
    return pdf;
  }();
  return made;
}

}  // namespace

TEST_CASE("every sample rendered with --pdfa 2b passes the PDF/A lint and qpdf --check") {
  const auto dir = testing::scratch("pdfa-samples");
  int linted = 0;
  for (const auto& folder : {std::string("/samples"), std::string("/samples/layout")}) {
    for (const auto& entry : std::filesystem::directory_iterator(testing::source_dir() + folder)) {
      if (entry.path().extension() != ".xml") continue;
      const std::string pdf = (dir / (entry.path().stem().string() + (folder == "/samples" ? "" : "-layout") + ".pdf")).string();
      const std::string flags = folder == "/samples" ? "--pdfa 2b" : "--pdfa 2b --from-markup";
      const auto rendered = run(vanban_command() + " render " + flags + " " + quote(entry.path().string()) + " -o " + quote(pdf));
      INFO(entry.path().string() << "\n" << rendered.err);
      REQUIRE(rendered.exit_code == 0);
      const auto linted_file = lint(pdf);
      INFO(linted_file.out);
      CHECK(linted_file.exit_code == 0);
      CHECK_THAT(linted_file.out, Catch::Contains("PDF/A-2b lint: passes"));
      CHECK(run("qpdf --check " + quote(pdf)).exit_code == 0);
      ++linted;
    }
  }
  CHECK(linted >= 20);
}

TEST_CASE("a batch with --pdfa 2b: the print file and each record's PDF pass the lint") {
  const auto dir = testing::scratch("pdfa-batch");
  const std::string batch = testing::source_dir() + "/samples/batch/";
  const std::string merged = (dir / "all.pdf").string();
  // The sample list holds rows with mistakes on purpose (exit 3): the others are printed.
  const auto printed = run(vanban_command() + " batch " + quote(batch + "giay-khen-danh-sach.xlsx") + " -t giay-khen --data " +
                           quote(batch + "giay-khen-chung.xml") + " --pdfa 2b --sign-fields --merge " + quote(merged) +
                           " --out-dir " + quote((dir / "each").string()) + " -q");
  CHECK(printed.exit_code == 3);
  const auto all = lint(merged);
  INFO(all.out);
  CHECK(all.exit_code == 0);
  int records = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "each")) {
    const auto one = lint(entry.path().string());
    INFO(one.out);
    CHECK(one.exit_code == 0);
    ++records;
  }
  CHECK(records >= 4);
}

TEST_CASE("PDF/A output: the XMP names part 2 and the level, the same input gives the same bytes, 2u is linted as 2u") {
  const auto dir = testing::scratch("pdfa-claims");
  const std::string b = (dir / "b.pdf").string(), again = (dir / "again.pdf").string(), u = (dir / "u.pdf").string();
  for (const auto& [pdf, level] : {std::pair{b, "2b"}, std::pair{again, "2b"}, std::pair{u, "2u"}}) {
    REQUIRE(run(vanban_command() + " render --pdfa " + level + " " + quote(testing::sample("giay-moi-dai-hoi.xml")) + " -o " +
                quote(pdf)).exit_code == 0);
  }
  CHECK(read_file(b) == read_file(again));
  const auto meta = run("pdfinfo -meta " + quote(b)).out;
  CHECK_THAT(meta, Catch::Contains("<pdfaid:part>2</pdfaid:part>") && Catch::Contains("<pdfaid:conformance>B</pdfaid:conformance>"));
  CHECK_THAT(run("pdfinfo -meta " + quote(u)).out, Catch::Contains("<pdfaid:conformance>U</pdfaid:conformance>"));
  CHECK_THAT(lint(u).out, Catch::Contains("PDF/A-2u lint: passes"));
  // A 2b file linted as 2u fails on its claim.
  const auto as_u = lint(b, "--level u");
  CHECK(as_u.exit_code == 1);
  CHECK_THAT(as_u.out, Catch::Contains("[pdfa 6.6.4-3]"));
  // The output intent and its profile, as a reader sees them.
  const auto objects = run("qpdf --qdf --object-streams=disable " + quote(b) + " -").out;
  CHECK_THAT(objects, Catch::Contains("/S /GTS_PDFA1") && Catch::Contains("/OutputConditionIdentifier (sRGB IEC61966-2.1)") &&
                          Catch::Contains("/ID ["));
}

TEST_CASE("a PDF made without --pdfa fails the lint, naming the rules it breaks") {
  const auto dir = testing::scratch("pdfa-plain");
  const std::string pdf = (dir / "plain.pdf").string();
  REQUIRE(run(vanban_command() + " render --from-markup " + quote(testing::source_dir() + "/samples/layout/images.xml") +
              " -o " + quote(pdf)).exit_code == 0);
  const auto linted = lint(pdf);
  CHECK(linted.exit_code == 1);
  CHECK_THAT(linted.out, Catch::Contains("[pdfa 6.1.3-1]") && Catch::Contains("[pdfa 6.6.2.1-1]") &&
                             Catch::Contains("[pdfa 6.6.4-1]") && Catch::Contains("[pdfa 6.2.4.3-2]") &&
                             Catch::Contains("PDF/A-2b lint: FAILS"));
}

TEST_CASE("each change to a good PDF/A file breaks the rule it should, and only the file changed") {
  const std::string good = read_file(seed_pdfa());
  REQUIRE(lint(seed_pdfa()).exit_code == 0);
  const auto dir = testing::scratch("pdfa-broken");
  struct Change {
    const char* rule;
    std::string from, to;
    bool last = false;  // the last occurrence, not the first
  };
  const std::vector<Change> changes{
      {"6.1.2-1", "%PDF-1.7", "%PDF-1.8"},
      {"6.1.4-2", "xref\n", "xref "},
      {"6.1.9-1", "1 0 obj\n", "1  0 obj"},
      {"6.2.11.5-1", "/DW 500", "/DW 900"},
      {"6.3.2-2", "/F 4", "/F 6"},
      {"6.6.2.1-1", "/Subtype /XML", "/Subtype /XMM"},
      {"6.6.4-2", "<pdfaid:part>2<", "<pdfaid:part>3<"},
      {"6.6.2.1-4", "</x:xmpmeta>", "</x:xmpmetA>"},
      {"6.6.2.3.1-1", "http://ns.adobe.com/xap/1.0/", "http://ns.adobe.com/xap/9.0/"},
      {"6.1.3-1", "/ID [", "/XD ["},
      {"6.6.2.1-3", "id=\"W5M0MpCehiHzreSzNTczkc9d\"", "encoding=\"UTF-8\" id=\"W5M0MpC\""},
  };
  for (const auto& change : changes) {
    std::string bytes = good;
    const auto at = change.last ? bytes.rfind(change.from) : bytes.find(change.from);
    INFO(change.rule << ": " << change.from);
    REQUIRE(at != std::string::npos);
    REQUIRE(change.from.size() == change.to.size());
    bytes.replace(at, change.from.size(), change.to);
    const auto pdf = (dir / (std::string(change.rule) + ".pdf")).string();
    write_file_atomically(pdf, bytes);
    const auto linted = lint(pdf);
    INFO(linted.out << linted.err);
    CHECK(linted.exit_code == 1);
    CHECK_THAT(linted.out, Catch::Contains(std::string("[pdfa ") + change.rule + "]"));
  }
  // Bytes after the last %%EOF.
  const auto trailing = (dir / "trailing.pdf").string();
  write_file_atomically(trailing, good + "garbage\n");
  CHECK_THAT(lint(trailing).out, Catch::Contains("[pdfa 6.1.3-3]"));
}

TEST_CASE("the lint lists its rules by veraPDF's numbers") {
  const auto listed = run(vanban_command() + " lint-pdfa --rules");
  CHECK(listed.exit_code == 0);
  CHECK_THAT(listed.out, Catch::Contains("6.1.3-1\t") && Catch::Contains("6.2.11.8-1\t") && Catch::Contains("6.4.3-1\t") &&
                             Catch::Contains("6.6.4-2\t"));
  CHECK(std::count(listed.out.begin(), listed.out.end(), '\n') >= 70);
}
