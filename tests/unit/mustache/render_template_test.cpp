#include <catch2/catch.hpp>

#include "data/read_data.h"
#include "mustache/render_template.h"

using namespace vanban;

namespace {

std::string render(const std::string& tmpl_text, const std::string& xml,
                   std::map<std::string, std::string> partials = {}) {
  mustache::Template tmpl{"t", "t.mustache", tmpl_text, std::move(partials)};
  return mustache::render_template(tmpl, data::read_data(xml, "d.xml"));
}

}  // namespace

TEST_CASE("data can never become markup or a tag") {
  const std::string xml = R"(<d><name>A &lt;b&gt;bold&lt;/b&gt; &amp; {{x}} "q" 'a'</name><x>INJECTED</x></d>)";
  const std::string expected = "A &lt;b&gt;bold&lt;/b&gt; &amp; {{x}} &quot;q&quot; &apos;a&apos;";
  CHECK(render("{{name}}", xml) == expected);
  CHECK(render("{{{name}}}", xml) == expected);  // triple braces place the same safe text
}

TEST_CASE("emphasis in data arrives as markup") {
  CHECK(render("<p>{{{p}}}</p>", "<d><p>x (<i>y &amp; z</i>)</p></d>") == "<p>x (<i>y &amp; z</i>)</p>");
}

TEST_CASE("content walks mixed children in document order") {
  const std::string xml = "<d><body><p>one</p><item n='1'>two</item><p>three</p></body></d>";
  const std::string tmpl = "{{#body}}{{#content}}{{#p}}[p:{{.}}]{{/p}}{{#item}}[item {{n}}:{{text}}]{{/item}}{{/content}}{{/body}}";
  CHECK(render(tmpl, xml) == "[p:one][item 1:two][p:three]");
}

TEST_CASE("a name means the innermost map's field, never an outer one's") {
  // The item has no title: {{#title}} must not find the section's.
  const std::string xml = "<d><section title='S'><item n='1'>a</item><item n='2' title='T'>b</item></section></d>";
  const std::string tmpl = "{{#section}}{{#content}}{{#item}}{{n}}={{#title}}{{title}}{{/title}}{{^title}}-{{/title}};{{/item}}{{/content}}{{/section}}";
  CHECK(render(tmpl, xml) == "1=-;2=T;");
}

TEST_CASE("@root reaches the top of the data from inside any section") {
  const std::string xml = "<d><number>54</number><section><item number='1'>a</item></section></d>";
  CHECK(render("{{#section}}{{#item}}{{number}}/{{@root.number}}{{/item}}{{/section}}", xml) == "1/54");
}

TEST_CASE("repeated names are lists, single names are values, empty values are false") {
  const std::string xml = "<d><r>a</r><r>b</r><one>c</one><parent></parent></d>";
  CHECK(render("{{#r}}<{{.}}>{{/r}}|{{#one}}<{{.}}>{{/one}}|{{#parent}}P{{/parent}}{{^parent}}none{{/parent}}", xml) ==
        "<a><b>|<c>|none");
}

TEST_CASE("partials come from the template, not from data of the same name") {
  const std::string xml = "<d><sig>DATA</sig><name>N</name></d>";
  CHECK(render("{{> sig}}", xml, {{"sig", "[{{name}}]"}}) == "[N]");
}

TEST_CASE("a template syntax error names its line and column") {
  try {
    render("<document>\n  {{#a}}open\n</document>", "<d/>");
    FAIL("accepted an unclosed section");
  } catch (const Error& e) {
    CHECK(e.diagnostic().code == "template.syntax");
    CHECK(e.diagnostic().where.file == "t.mustache");
    CHECK(e.diagnostic().where.line == 2);
    CHECK(e.diagnostic().where.column == 3);
  }
}
