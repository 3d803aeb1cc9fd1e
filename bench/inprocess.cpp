// In-process benchmark: renders the seed plan many times through one engine (vanban/engine.h)
// and reports the median time of each stage, with the fonts and the template loaded once, as
// a batch or a service has them.
//
//   build/bench/vanban_bench_inprocess [RUNS]
//
// Prints a header and a Markdown table row; bench/render-seed.sh adds the row to
// bench/results-inprocess.md.

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <vanban/engine.h>

#include "base/files.h"
#include "timing.h"

using vanban::bench::Clock;
using vanban::bench::median;
using vanban::bench::ms_since;

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 200;
  const std::string home = VANBAN_SOURCE_DIR;
  vanban::EngineOptions options;
  options.home = home;
  const vanban::Engine engine(options);
  vanban::RenderRequest request;
  request.data = vanban::read_file(home + "/samples/ke-hoach-54.xml");
  request.data_name = "ke-hoach-54.xml";
  request.files = vanban::folder_resources(home + "/samples");

  std::vector<double> t_data, t_template, t_layout, t_pdf, t_total;
  std::size_t bytes = 0;
  // One render first, not counted: the template is made ready on first use.
  if (const auto first = engine.render(request); !first.ok()) {
    for (const auto& d : first.diagnostics) std::fprintf(stderr, "%s\n", vanban::format_diagnostic(d).c_str());
    return 1;
  }
  for (int i = 0; i < runs; ++i) {
    const auto start = Clock::now();
    const vanban::RenderResult result = engine.render(request);
    t_total.push_back(ms_since(start));
    t_data.push_back(result.stats.data_ms);
    t_template.push_back(result.stats.template_ms);
    t_layout.push_back(result.stats.layout_ms);
    t_pdf.push_back(result.stats.pdf_ms);
    bytes = result.pdf.size();
  }

  char row[512];
  std::snprintf(row, sizeof row, "| %d | %.2f | %.2f | %.2f | %.2f | %.2f | %zu |", runs, median(t_data),
                median(t_template), median(t_layout), median(t_pdf), median(t_total), bytes);
  std::printf("runs | data | checks and template | markup and layout | pdf | total (median ms) | PDF bytes\n%s\n", row);
  return 0;
}
