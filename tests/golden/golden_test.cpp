// Golden layout traces: each case renders a data file and compares our own trace (positions,
// faces, sizes, text) with the expected one, never PDF bytes. Set VANBAN_UPDATE_GOLDEN=1 to
// rewrite the expectations after a deliberate layout change (tests/golden/README.md).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "base/files.h"
#include "output/trace_writer.h"
#include "pipeline/generate.h"
#include "support/paths.h"

using namespace vanban;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

void check_golden(const std::string& data_file, const std::string& trace_file) {
  pipeline::GenerateOptions options;
  options.home = testing::source_dir();
  const auto generated = pipeline::generate(read_file(data_file), data_file, options);
  const std::string actual = output::write_trace(generated.frame);
  if (const char* update = std::getenv("VANBAN_UPDATE_GOLDEN"); update && std::string(update) == "1") {
    write_file_atomically(trace_file, actual);
    WARN("updated " << trace_file);
    return;
  }
  REQUIRE(std::filesystem::exists(trace_file));  // a case without its expectation is missing
  const auto expected = lines_of(read_file(trace_file));
  const auto got = lines_of(actual);
  for (std::size_t i = 0; i < std::max(expected.size(), got.size()); ++i) {
    const std::string want = i < expected.size() ? expected[i] : "<end of trace>";
    const std::string have = i < got.size() ? got[i] : "<end of trace>";
    if (want != have) {
      FAIL_CHECK(trace_file << ":" << i + 1 << ": first difference\n  expected: " << want << "\n  actual:   " << have);
      return;
    }
  }
  SUCCEED();
}

}  // namespace

TEST_CASE("golden: the seed plan 54/KH-UBND") {
  check_golden(testing::sample("ke-hoach-54.xml"), testing::source_dir() + "/tests/golden/plan/ke-hoach-54.trace");
}
