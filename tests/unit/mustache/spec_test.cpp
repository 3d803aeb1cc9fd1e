// The official Mustache spec (core modules) run against kainjow, the engine under our
// template stage. Every test must pass except kainjow 4.1's known deviations, listed here by
// name; a deviation that starts to pass fails this test too, so the list stays true.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

#include "support/paths.h"

namespace km = kainjow::mustache;
using nlohmann::json;

namespace {

km::data to_data(const json& value) {
  switch (value.type()) {
    case json::value_t::object: {
      km::data object(km::data::type::object);
      for (const auto& [key, item] : value.items()) object.set(key, to_data(item));
      return object;
    }
    case json::value_t::array: {
      km::data list(km::data::type::list);
      for (const auto& item : value) list.push_back(to_data(item));
      return list;
    }
    case json::value_t::string: return km::data(value.get<std::string>());
    case json::value_t::boolean: return km::data(value.get<bool>());
    case json::value_t::null: return km::data(false);
    default: return km::data(value.dump());  // numbers: kainjow has none, use their JSON text
  }
}

// kainjow 4.1's deviations from the core spec (docs/dependencies.md, "kainjow mustache 4.1"): all but one concern the
// whitespace of standalone tags, which our XML markup ignores; the other is the v1.3 rule
// for dotted names.
const std::set<std::string> known_deviations = {
    "comments: Standalone",
    "comments: Indented Standalone",
    "comments: Standalone Line Endings",
    "comments: Standalone Without Previous Line",
    "comments: Standalone Without Newline",
    "comments: Multiline Standalone",
    "comments: Indented Multiline Standalone",
    "delimiters: Standalone Tag",
    "delimiters: Indented Standalone Tag",
    "delimiters: Standalone Line Endings",
    "delimiters: Standalone Without Previous Line",
    "delimiters: Standalone Without Newline",
    "delimiters: Sections",
    "delimiters: Inverted Sections",
    "delimiters: Partial Inheritence",
    "interpolation: Dotted Names - Context Precedence",
    "partials: Standalone Line Endings",
    "partials: Standalone Without Previous Line",
    "partials: Standalone Without Newline",
    "partials: Standalone Indentation",
};

}  // namespace

TEST_CASE("kainjow passes the core Mustache spec but for its known deviations") {
  std::set<std::string> failing;
  int total = 0;
  for (const char* module : {"comments", "delimiters", "interpolation", "inverted", "partials", "sections"}) {
    std::ifstream in(vanban::testing::source_dir() + "/tests/data/mustache-spec/" + module + ".json");
    REQUIRE(in);
    const json spec = json::parse(in);
    for (const auto& test : spec.at("tests")) {
      ++total;
      km::data data = to_data(test.at("data"));
      if (test.contains("partials")) {
        if (!data.is_object()) data = km::data(km::data::type::object);
        for (const auto& [name, text] : test.at("partials").items()) data.set(name, km::data(text.get<std::string>()));
      }
      km::mustache tmpl(test.at("template").get<std::string>());
      const std::string rendered = tmpl.is_valid() ? tmpl.render(data) : "<invalid: " + tmpl.error_message() + ">";
      if (rendered != test.at("expected").get<std::string>()) {
        failing.insert(std::string(module) + ": " + test.at("name").get<std::string>());
      }
    }
  }
  CHECK(total == 136);
  for (const auto& name : failing) {
    INFO("fails: " << name);
    CHECK(known_deviations.count(name) == 1);
  }
  for (const auto& name : known_deviations) {
    INFO("now passes, remove it from the list: " << name);
    CHECK(failing.count(name) == 1);
  }
}
