#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "data/read_data.h"
#include "mustache/render_template.h"
#include "pipeline/generate.h"
#include "catalogue/templates.h"
#include "support/engine.h"
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
    catalogue::load_template(testing::core().find(folder));
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
  const auto tmpl = catalogue::load_template(testing::core().find(folder));
  const auto tree = data::read_data("<d><node><name>a</name><node><name>b</name><node><name>c</name></node></node></node></d>",
                                    "d.xml");
  CHECK(mustache::render_template(tmpl, tree).markup == "<document>[a[b[c]]]</document>");
}

TEST_CASE("partials: a recursion whose section is always true stops at the depth limit") {
  auto tmpl = catalogue::load_template(testing::core().find(
      template_folder("partial-runaway", "<document>{{> loop}}</document>", {{"loop", "{{#yes}}{{> loop}}{{/yes}}"}})));
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

namespace {

// A template folder with main.mustache and template.xml (fields given as <field> lines).
std::string declared_template(const std::string& name, const std::string& main, const std::string& fields) {
  const auto dir = template_folder(name, main, {});
  std::ofstream(std::filesystem::path(dir) / "template.xml") << "<template><summary>t</summary>" << fields << "</template>";
  return dir;
}

pipeline::GenerateOptions options_for(const std::string& folder) {
  pipeline::GenerateOptions options;
  options.template_name = folder;
  return options;
}

std::vector<Diagnostic> maker_errors(const std::string& folder) {
  try {
    pipeline::DocumentMaker maker(testing::core(), folder, options_for(folder));
  } catch (const Error& e) {
    return e.diagnostics();
  }
  return {};
}

const char* const minimal_page = "<document><header/><body>";
const char* const minimal_end = "</body></document>";

}  // namespace

TEST_CASE("a template's tags are checked against its contract when it loads, each at its place") {
  const std::string main = std::string(minimal_page) +
                           "<p>{{{subjet}}}</p>\n"
                           "{{#signer}}<p>{{name}} {{position}}</p>{{/signer}}\n"
                           "<p title=\"{{note}}\">{{ranked}}</p>\n"
                           "{{#missing}}<p>{{.}} {{whatever}}</p>{{/missing}}" + minimal_end;
  const auto errors = maker_errors(declared_template(
      "contract-tags", main,
      "<field name='subject'/><field name='signer/name' kind='text'/><field name='signer/position' kind='text' max='2'/>"
      "<field name='note'/><field name='ranked' kind='flag'/>"));
  std::vector<std::string> codes;
  for (const auto& e : errors) codes.push_back(e.code + "@" + std::to_string(e.where.line));
  // {{{subjet}}} misspelt; {{position}} may hold two values; an inline field in an attribute;
  // a flag printed; {{#missing}} unknown, and nothing inside it reported again; subject,
  // signer/position and ranked printed by no tag (ranked is tested by none either).
  CHECK(codes == std::vector<std::string>{"template.unknown-field@1", "template.not-text@2", "template.attribute-kind@3",
                                          "template.not-text@3", "template.unknown-field@4", "template.unprinted-field@1",
                                          "template.unprinted-field@1", "template.unprinted-field@1"});
  CHECK(errors[0].hints.front() == "did you mean 'subject'?");
  CHECK_THAT(errors[0].message, Catch::StartsWith("{{{subjet}}}"));
}

TEST_CASE("names resolve in the innermost map, through sections over text, a body's blocks must all be printed") {
  // Inside {{#title}} (text) the names are still the item's; {{@root.x}} reaches the top.
  const std::string main = std::string(minimal_page) +
                           "{{#item}}{{#title}}<p>{{title}} {{@root.place}}</p>{{/title}}<p>{{{text}}}</p>{{/item}}" +
                           minimal_end;
  CHECK(maker_errors(declared_template("contract-scopes", main,
                                       "<field name='item' list='yes'/><field name='item/title'/><field name='item/text'/>"
                                       "<field name='place' kind='text'/>"))
            .empty());
  // A body printed with only its paragraphs would lose its tables, sections …
  const auto errors = maker_errors(declared_template(
      "contract-body", std::string(minimal_page) + "{{#body}}{{#content}}{{#p}}<p>{{{.}}}</p>{{/p}}{{/content}}{{/body}}" +
                           minimal_end,
      "<field name='body' kind='body'/>"));
  REQUIRE(errors.size() == 5);  // section, item, point, bullet, table
  for (const auto& e : errors) CHECK(e.code == "template.unprinted-field");
  CHECK_THAT(errors[0].message, Catch::Contains("'section'"));
}

TEST_CASE("a template without a declaration is refused: nothing would say which data it prints") {
  const auto errors = maker_errors(template_folder("contract-none", std::string(minimal_page) + minimal_end, {}));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code == "template.no-declaration");
}

TEST_CASE("every value is followed to the markup: one the template did not place is an error at the value") {
  // on-behalf-of is printed only with an authority: given alone, it would be lost.
  const auto folder = declared_template(
      "contract-account", std::string(minimal_page) +
                              "{{#signer}}{{#authority}}<p>{{authority}} {{on-behalf-of}}</p>{{/authority}}"
                              "<p>{{name}}</p>{{/signer}}" + minimal_end,
      "<field name='signer/authority' kind='text'/><field name='signer/on-behalf-of' kind='text'/>"
      "<field name='signer/name' kind='text'/>");
  const pipeline::DocumentMaker maker(testing::core(), folder, options_for(folder));
  const auto tree = data::read_data("<d>\n<signer><on-behalf-of>CHỦ TỊCH</on-behalf-of>\n<name>An</name></signer></d>", "d.xml");
  try {
    maker.make(tree, "d.xml", options_for(folder));
    FAIL("no error");
  } catch (const Error& e) {
    REQUIRE(e.diagnostics().size() == 1);
    const auto& error = e.diagnostic();
    CHECK(error.code == "template.unprinted-value");
    CHECK(error.where.line == 2);
    CHECK_THAT(error.message, Catch::Contains("'signer/on-behalf-of'") && Catch::Contains("main.mustache:1:"));
  }
  const auto printed = maker.make(
      data::read_data("<d><signer><authority>TL.</authority><on-behalf-of>CHỦ TỊCH</on-behalf-of><name>An</name></signer></d>",
                      "d.xml"),
      "d.xml", options_for(folder));
  CHECK_THAT(printed.markup, Catch::Contains("TL. CHỦ TỊCH"));
}

TEST_CASE("every built-in template says what it is in Vietnamese too, for the clerks") {
  const auto all = catalogue::list_templates(testing::core().templates());
  REQUIRE(all.size() >= 17);
  for (const auto& info : all) {
    INFO(info.name);
    CHECK(!info.summary.empty());
    CHECK(!info.summary_vi.empty());
    CHECK(info.summary_vi != info.summary);
  }
}
