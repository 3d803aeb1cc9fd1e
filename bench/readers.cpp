// In-process benchmark of the readers (issue: linear cost): a million empty elements through
// the XML data reader, and 300,000 JSON records through the records reader, each generated
// in memory; the median of RUNS runs of each.
//
//   build/bench/vanban_bench_readers [RUNS] [ELEMENTS] [RECORDS]
//
// Prints one Markdown table row; bench/readers.sh adds it to bench/results-readers.md.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "data/read_data.h"
#include "data/read_records.h"
#include "timing.h"

namespace {

template <typename Run>
double median_ms(int runs, Run run) {
  std::vector<double> times;
  for (int k = 0; k < runs; ++k) {
    const auto start = vanban::bench::Clock::now();
    run();
    times.push_back(vanban::bench::ms_since(start));
  }
  return vanban::bench::median(times);
}

}  // namespace

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
  const long elements = argc > 2 ? std::atol(argv[2]) : 1000000;
  const long records = argc > 3 ? std::atol(argv[3]) : 300000;

  // Empty elements, one per line: the case that located every element from the file's start.
  std::string xml = "<d>\n";
  for (long k = 0; k < elements; ++k) xml += "<x/>\n";
  xml += "</d>\n";
  std::size_t fields = 0;
  const double xml_ms = median_ms(runs, [&] { fields = vanban::data::read_data(xml, "bench.xml", 100).root.fields.size(); });

  // Certificate records with nested recipients, on one line each: the case that parsed in
  // quadratic time.
  std::string json = "[\n";
  for (long k = 0; k < records; ++k) {
    json += std::string(k ? ",\n" : "") + "{\"stt\": " + std::to_string(k + 1) +
            ", \"recipient\": {\"honorific\": \"Ông\", \"name\": \"Nguyễn Văn An " + std::to_string(k) +
            "\", \"role\": \"Chủ tịch Hội Cựu chiến binh phường 1\"}, \"golden-book\": " + std::to_string(100 + k) + "}";
  }
  json += "\n]\n";
  std::size_t read = 0;
  const double json_ms = median_ms(runs, [&] {
    read = vanban::data::read_records(json, vanban::data::RecordFormat::json, "bench.json").size();
  });
  std::printf("| %d | %ld | %.1f | %.0f | %ld | %.1f | %.0f |\n", runs, elements, static_cast<double>(xml.size()) / 1048576.0, xml_ms, records,
              static_cast<double>(json.size()) / 1048576.0, json_ms);
  return fields == static_cast<std::size_t>(elements) && read == static_cast<std::size_t>(records) ? 0 : 1;
}
