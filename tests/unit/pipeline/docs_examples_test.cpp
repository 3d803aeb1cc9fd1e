// The helper examples of docs/templates.md are run as written, so the page a template author
// copies from cannot drift from what vanban does.
#include <catch2/catch.hpp>

#include <set>
#include <sstream>

#include "base/files.h"
#include "data/read_data.h"
#include "pipeline/template_helpers.h"
#include "support/paths.h"

using namespace vanban;

namespace {

struct Example {
  std::string helper, data, tmpl, result;
};

// Reads the rows of the table under "### Helper reference": | `helper` | `data` | `template` | `result` |
std::vector<Example> helper_examples() {
  std::istringstream doc(read_file(testing::source_dir() + "/docs/templates.md"));
  std::vector<Example> examples;
  bool in_reference = false;
  for (std::string line; std::getline(doc, line);) {
    if (line.rfind("#", 0) == 0) in_reference = line == "### Helper reference";
    if (!in_reference || line.rfind("| `", 0) != 0 || line.size() < 6 || line.substr(line.size() - 3) != "` |") continue;
    const std::string inner = line.substr(3, line.size() - 6);
    std::vector<std::string> cells;
    for (std::size_t begin = 0;;) {
      const auto split = inner.find("` | `", begin);
      cells.push_back(inner.substr(begin, split == std::string::npos ? std::string::npos : split - begin));
      if (split == std::string::npos) break;
      begin = split + 5;
    }
    REQUIRE(cells.size() == 4);
    examples.push_back({cells[0], cells[1], cells[2], cells[3]});
  }
  return examples;
}

}  // namespace

TEST_CASE("every helper example in docs/templates.md gives the result it shows") {
  const auto examples = helper_examples();
  REQUIRE(examples.size() >= 15);
  std::set<std::string> documented;
  for (const auto& example : examples) {
    INFO(example.tmpl);
    documented.insert(example.helper.substr(3));  // without "vn."
    CHECK(example.tmpl.find("vn." + example.helper.substr(3)) != std::string::npos);
    mustache::Template tmpl{"doc", "templates.md", example.tmpl, {}};
    const auto data = data::read_data("<d>" + example.data + "</d>", "example.xml");
    CHECK(mustache::render_template(tmpl, data, pipeline::vietnamese_helpers()) == example.result);
  }
  // Every helper has an example.
  const auto& helpers = pipeline::vietnamese_helpers();
  for (const auto& [name, formatter] : helpers.formatters) CHECK(documented.count(name) == 1);
  for (const auto& [name, order] : helpers.orders) CHECK(documented.count(name) == 1);
}
