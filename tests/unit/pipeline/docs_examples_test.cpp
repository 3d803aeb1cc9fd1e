// The examples of docs/templates.md are run as written (the helper table and the new-template
// walkthrough), so the page a template author copies from cannot drift from what vanban does.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <unistd.h>

#include "base/files.h"
#include "data/read_data.h"
#include "pipeline/generate.h"
#include "pipeline/template_helpers.h"
#include "support/engine.h"
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
    mustache::Template tmpl{.name = "doc", .file = "templates.md", .text = example.tmpl};
    const auto data = data::read_data("<d>" + example.data + "</d>", "example.xml");
    CHECK(mustache::render_template(tmpl, data, pipeline::vietnamese_helpers()).markup == example.result);
  }
  // Every helper has an example.
  const auto& helpers = pipeline::vietnamese_helpers();
  for (const auto& [name, formatter] : helpers.formatters) CHECK(documented.count(name) == 1);
  for (const auto& [name, order] : helpers.orders) CHECK(documented.count(name) == 1);
}

namespace {

// The files of "Writing a new template": each fenced block whose info string names a file
// ("```xml file=thong-bao/main.mustache"), by that name.
std::map<std::string, std::string> walkthrough_files() {
  std::istringstream doc(read_file(testing::source_dir() + "/docs/templates.md"));
  std::map<std::string, std::string> files;
  std::string name, body;
  for (std::string line; std::getline(doc, line);) {
    if (name.empty()) {
      const auto marker = line.find(" file=");
      if (line.rfind("```", 0) == 0 && marker != std::string::npos) name = line.substr(marker + 6);
      continue;
    }
    if (line == "```") {
      files[name] = body;
      name.clear();
      body.clear();
    } else {
      body += line + "\n";
    }
  }
  return files;
}

}  // namespace

TEST_CASE("the walkthrough's new template, copied from docs/templates.md, checks clean and renders") {
  const auto files = walkthrough_files();
  REQUIRE(files.size() == 3);
  const auto dir = std::filesystem::temp_directory_path() / ("vanban-walkthrough-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  for (const auto& [name, text] : files) {
    std::filesystem::create_directories((dir / name).parent_path());
    write_file_atomically((dir / name).string(), text);
  }
  pipeline::GenerateOptions options;
  options.template_name = (dir / "thong-bao").string();
  const std::string data = files.at("thong-bao-27.xml");
  CHECK(pipeline::check_data(testing::core(), data, "thong-bao-27.xml", options).empty());
  const auto generated = pipeline::generate(testing::core(), data, "thong-bao-27.xml", options);
  CHECK(generated.warnings.empty());
  std::string text;
  for (const auto& page : generated.frame.pages) {
    for (const auto& item : page.items) {
      if (const auto* t = std::get_if<layout::TextItem>(&item)) text += t->text;
    }
  }
  CHECK_THAT(text, Catch::Contains("THÔNG BÁO") && Catch::Contains("Số: 27/TB-UBND") &&
                       Catch::Contains("Lịch tổng duyệt Đại hội") && Catch::Contains("TL. CHỦ TỊCH"));
  // The declaration is read: its type catches a ký hiệu of another type, its fields a gap.
  std::string wrong = data;
  wrong.replace(wrong.find("TB-UBND"), 7, "KH-UBND");
  const std::string signer_name = "<name>Trần Minh Trí</name>";
  wrong.replace(wrong.find(signer_name), signer_name.size(), "");
  const auto findings = pipeline::check_data(testing::core(), wrong, "thong-bao-27.xml", options);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].code == "check.notation-type");
  CHECK(findings[1].code == "check.required-field");
  std::filesystem::remove_all(dir);
}
