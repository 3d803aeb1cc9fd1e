#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "data/read_data.h"
#include "mustache/render_template.h"
#include "pipeline/templates.h"
#include "support/paths.h"
#include "support/run.h"

using namespace vanban;

namespace {

// A template folder with main.mustache and the partials given, in the test's scratch folder.
std::string template_folder(const std::string& name, const std::string& main,
                            const std::vector<std::pair<std::string, std::string>>& partials) {
  const auto dir = testing::scratch(name) / "mau";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "main.mustache") << main;
  for (const auto& [partial, text] : partials) std::ofstream(dir / (partial + ".mustache")) << text;
  return dir.string();
}

std::vector<Diagnostic> load_errors(const std::string& folder) {
  try {
    pipeline::load_template(folder, testing::source_dir());
  } catch (const Error& e) {
    return e.diagnostics();
  }
  return {};
}

}  // namespace

TEST_CASE("partials: a cycle through two partials outside any section is refused at the tag") {
  const auto errors = load_errors(template_folder("partial-cycle", "<document>{{> a}}</document>",
                                                  {{"a", "<p>a</p>\n{{> b}}"}, {"b", "{{#x}}{{/x}}\n\n  {{> a}}"}}));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code == "template.partial-cycle");
  CHECK_THAT(errors[0].message, Catch::Contains("(a → b → a)"));
  CHECK_THAT(errors[0].where.file, Catch::EndsWith("b.mustache"));
  CHECK(errors[0].where.line == 3);
  CHECK(errors[0].where.column == 3);
}

TEST_CASE("partials: a partial that recurses inside a section renders a tree, and ends with the data") {
  const auto folder = template_folder("partial-tree", "<document>{{#node}}{{> node}}{{/node}}</document>",
                                      {{"node", "[{{name}}{{#node}}{{> node}}{{/node}}]"}});
  REQUIRE(load_errors(folder).empty());
  const auto tmpl = pipeline::load_template(folder, testing::source_dir());
  const auto tree = data::read_data("<d><node><name>a</name><node><name>b</name><node><name>c</name></node></node></node></d>",
                                    "d.xml");
  CHECK(mustache::render_template(tmpl, tree) == "<document>[a[b[c]]]</document>");
}

TEST_CASE("partials: a recursion whose section is always true stops at the depth limit") {
  auto tmpl = pipeline::load_template(
      template_folder("partial-runaway", "<document>{{> loop}}</document>", {{"loop", "{{#yes}}{{> loop}}{{/yes}}"}}),
      testing::source_dir());
  tmpl.max_depth = 50;
  try {
    // "yes" is text: the section pushes it, and the name is found again one scope out.
    mustache::render_template(tmpl, data::read_data("<d><yes>1</yes></d>", "d.xml"));
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.diagnostic().code == "limit.depth");
  }
}

TEST_CASE("partials: every unknown partial and every path is reported, each at its tag") {
  const auto errors = load_errors(template_folder("partial-names", "<document>\n{{> ../x}}\n{{> chu-ki}}\n</document>",
                                                  {{"chu-ky", "<p/>"}}));
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].code == "template.partial-path");
  CHECK(errors[0].where.line == 2);
  CHECK(errors[1].code == "template.unknown-partial");
  CHECK(errors[1].hints == std::vector<std::string>{"did you mean 'chu-ky'?"});
}
