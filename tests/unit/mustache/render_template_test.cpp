#include <catch2/catch.hpp>

#include <thread>

#include "data/read_data.h"
#include "mustache/render_template.h"

using namespace vanban;

namespace {

std::string render(const std::string& tmpl_text, const std::string& xml,
                   std::map<std::string, std::string> partials = {}) {
  mustache::Template tmpl{.name = "t", .file = "t.mustache", .text = tmpl_text, .partials = std::move(partials)};
  return mustache::render_template(tmpl, data::read_data(xml, "d.xml")).markup;
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

namespace {

// Helpers made in the test, so that the mechanism is tested apart from the Vietnamese ones.
mustache::Helpers test_helpers() {
  mustache::Helpers helpers;
  helpers.formatters["brackets"] = {[](const std::string& text, const SourceLocation&) { return "[" + text + "]"; }};
  helpers.formatters["shout"] = {[](const std::string& text, const SourceLocation&) {
                                   std::string out = text;
                                   for (auto& c : out) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
                                   return out;
                                 },
                                 true};
  helpers.formatters["refuse"] = {[](const std::string& text, const SourceLocation& where) -> std::string {
    fail("data.refused", "refused '" + text + "'", where);
  }};
  helpers.orders["reverse"] = [](const std::vector<std::string>& texts) {
    std::vector<std::size_t> order;
    for (std::size_t k = texts.size(); k-- > 0;) order.push_back(k);
    return order;
  };
  helpers.orders["by-text"] = [](const std::vector<std::string>& texts) {
    std::vector<std::size_t> order(texts.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return texts[a] < texts[b]; });
    return order;
  };
  return helpers;
}

std::string render_with_helpers(const std::string& tmpl_text, const std::string& xml) {
  mustache::Template tmpl{.name = "t", .file = "t.mustache", .text = tmpl_text};
  return mustache::render_template(tmpl, data::read_data(xml, "d.xml"), test_helpers()).markup;
}

}  // namespace

TEST_CASE("a helper gets the section's text as plain text and its result is escaped, never rendered again") {
  const std::string xml = R"(<d><name>a &amp; b</name><evil>{{name}} &lt;b&gt;</evil><x>1</x></d>)";
  CHECK(render_with_helpers("{{#vn.brackets}}{{name}}{{/vn.brackets}}", xml) == "[a &amp; b]");
  CHECK(render_with_helpers("{{#vn.brackets}}x={{x}}{{/vn.brackets}}", xml) == "[x=1]");
  // Data holding Mustache and markup stays text through a helper.
  CHECK(render_with_helpers("{{#vn.brackets}}{{evil}}{{/vn.brackets}}", xml) == "[{{name}} &lt;b&gt;]");
  // Emphasis is dropped by an ordinary formatter and kept by one that maps text runs.
  const std::string rich = "<d><n>an <b>bình</b> &amp; c</n></d>";
  CHECK(render_with_helpers("{{#vn.brackets}}{{n}}{{/vn.brackets}}", rich) == "[an bình &amp; c]");
  CHECK(render_with_helpers("{{#vn.shout}}{{n}}{{/vn.shout}}", rich) == "AN <b>BìNH</b> &amp; C");
}

TEST_CASE("a helper's error points at the data value it was given") {
  const std::string xml = "<d>\n  <x>1</x>\n  <bad>oops</bad>\n</d>";
  try {
    render_with_helpers("{{#vn.refuse}}{{bad}}{{/vn.refuse}}", xml);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.diagnostic().code == "data.refused");
    CHECK(e.diagnostic().where.file == "d.xml");
    CHECK(e.diagnostic().where.line == 3);
  }
  try {  // text from the template itself: the template is named
    render_with_helpers("{{#vn.refuse}}fixed{{/vn.refuse}}", xml);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.diagnostic().where.file == "t.mustache");
  }
}

TEST_CASE("an order helper visits a list in another order, by text or by a field") {
  const std::string xml = "<d><p>b</p><p>c</p><p>a</p>"
                          "<person><name>Y</name><unit>2</unit></person><person><name>X</name><unit>1</unit></person></d>";
  CHECK(render_with_helpers("{{#vn.reverse.p}}{{.}}{{/vn.reverse.p}}", xml) == "acb");
  CHECK(render_with_helpers("{{#vn.by-text.p}}{{.}}{{/vn.by-text.p}}", xml) == "abc");
  CHECK(render_with_helpers("{{#vn.by-text.person}}{{name}}{{unit}};{{/vn.by-text.person}}", xml) == "X1;Y2;");
  CHECK(render_with_helpers("{{#vn.by-text[unit].person}}{{unit}}{{/vn.by-text[unit].person}}", xml) == "12");
  // The list itself is untouched, and a missing list renders nothing.
  CHECK(render_with_helpers("{{#vn.by-text.p}}{{/vn.by-text.p}}{{#p}}{{.}}{{/p}}", xml) == "bca");
  CHECK(render_with_helpers("{{#vn.by-text.nothing}}x{{/vn.by-text.nothing}}", xml).empty());
  CHECK_THROWS_WITH(render_with_helpers("{{#vn.by-text[rank].person}}x{{/vn.by-text[rank].person}}", xml),
                    Catch::Contains("rank"));
}

TEST_CASE("an unknown helper is an error that lists the helpers") {
  try {
    render_with_helpers("{{#vn.dat}}{{x}}{{/vn.dat}}", "<d><x>1</x></d>");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.diagnostic().code == "template.unknown-helper");
    CHECK_THAT(e.diagnostic().message, Catch::Contains("vn.dat") && Catch::Contains("vn.brackets"));
  }
}

TEST_CASE("@first and @last tell a list's ends, a value alone is a list of one") {
  const std::string joined = "{{#a}}{{#@first}}[{{/@first}}{{.}}{{^@last}}; {{/@last}}{{#@last}}]{{/@last}}{{/a}}";
  CHECK(render(joined, "<d><a>x</a><a>y</a><a>z</a></d>") == "[x; y; z]");
  CHECK(render(joined, "<d><a>x</a></d>") == "[x]");
}

TEST_CASE("the rendering says where each data value went, and the marks that follow them are gone") {
  mustache::Template tmpl{.name = "t", .file = "t.mustache", .text = "<p>{{name}}</p><q a=\"{{place}}\"/>{{#skip}}{{/skip}}"};
  const auto tree = data::read_data("<d><name>An &amp; Bình</name><place>Hà Nội</place><other>x</other></d>", "d.xml");
  const auto rendered = mustache::render_template(tmpl, tree);
  CHECK(rendered.markup == "<p>An &amp; Bình</p><q a=\"Hà Nội\"/>");
  REQUIRE(rendered.placed.size() == 2);
  CHECK(rendered.markup.substr(rendered.placed[0].begin, rendered.placed[0].end - rendered.placed[0].begin) == "An &amp; Bình");
  CHECK(rendered.placed[0].value == tree.root.find("name"));
  CHECK(rendered.placed[1].value == tree.root.find("place"));
  CHECK(mustache::markup_to_plain(rendered.markup) == "An & Bình");
}

TEST_CASE("a template parsed once renders each document as a fresh parse would, from any thread") {
  // A recursive partial (as a plan's body), a partial in a text that sets other delimiters,
  // and values placed inside partials.
  mustache::Template tmpl{.name = "t", .file = "t.mustache",
                          .text = "{{#node}}{{> tree}}{{/node}}|{{=<% %>=}}<%> leaf%>",
                          .partials = {{"tree", "({{name}}{{#node}}{{> tree}}{{/node}})"}, {"leaf", "[{{@root.last}}]"}}};
  const mustache::CompiledTemplate compiled(tmpl);
  const std::vector<std::string> inputs = {
      "<d><node name='a'><node name='b'><node name='c'/></node><node name='d'/></node><last>x</last></d>",
      "<d><node name='e'/><last>y</last></d>"};
  const std::vector<std::string> expected = {"(a(b(c))(d))|[x]", "(e)|[y]"};
  for (std::size_t k = 0; k < inputs.size(); ++k) {
    const auto tree = data::read_data(inputs[k], "d.xml");
    CHECK(mustache::render_template(compiled, tree).markup == expected[k]);
    CHECK(mustache::render_template(tmpl, tree).markup == expected[k]);
    // Every value placed inside the partials is followed to the markup.
    CHECK(mustache::render_template(compiled, tree).placed.size() == (k == 0 ? 5u : 2u));
  }
  std::vector<std::string> seen(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < seen.size(); ++t) {
    threads.emplace_back([&, t] {
      const auto tree = data::read_data(inputs[t % 2], "d.xml");
      for (int round = 0; round < 50; ++round) seen[t] = mustache::render_template(compiled, tree).markup;
    });
  }
  for (auto& thread : threads) thread.join();
  for (std::size_t t = 0; t < seen.size(); ++t) CHECK(seen[t] == expected[t % 2]);
}

TEST_CASE("a partial's syntax error is placed in the partial's own file") {
  mustache::Template tmpl{.name = "t", .file = "t.mustache", .text = "{{> closing}}",
                          .partials = {{"closing", "<p>\n {{#signer}}x</p>"}},
                          .partial_files = {{"closing", "partials/closing.mustache"}}};
  try {
    const mustache::CompiledTemplate compiled(tmpl);
    FAIL("accepted an unclosed section in a partial");
  } catch (const Error& e) {
    CHECK(e.diagnostic().code == "template.syntax");
    CHECK(e.diagnostic().where.file == "partials/closing.mustache");
    CHECK(e.diagnostic().where.line == 2);
    CHECK(e.diagnostic().where.column == 2);
  }
}
