// In-process benchmark: renders the seed plan many times in one process and reports the
// median time of each stage, with fonts and the template loaded once (as a batch would).
//
//   build/bench/vanban_bench_inprocess [RUNS]
//
// Prints a header and a Markdown table row; bench/render-seed.sh adds the row to
// bench/results-inprocess.md.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "base/files.h"
#include "data/read_data.h"
#include "layout/layout_document.h"
#include "markup/parse_markup.h"
#include "mustache/render_template.h"
#include "output/pdf_writer.h"
#include "pipeline/generate.h"
#include "text/font.h"
#include "timing.h"

using vanban::bench::Clock;
using vanban::bench::median;
using vanban::bench::ms_since;

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 200;
  const std::string home = VANBAN_SOURCE_DIR;
  const std::string data = vanban::read_file(home + "/samples/ke-hoach-54.xml");
  const auto tmpl = vanban::pipeline::load_template("ke-hoach", home);
  const auto fonts = vanban::text::load_font_family(home + "/fonts");
  const vanban::layout::LayoutSettings settings;

  std::vector<double> t_data, t_template, t_markup, t_layout, t_pdf, t_total;
  std::size_t bytes = 0;
  for (int i = 0; i < runs; ++i) {
    const auto start = Clock::now();
    auto t = Clock::now();
    const auto tree = vanban::data::read_data(data, "ke-hoach-54.xml");
    t_data.push_back(ms_since(t));
    t = Clock::now();
    const std::string markup = vanban::mustache::render_template(tmpl, tree).markup;
    t_template.push_back(ms_since(t));
    t = Clock::now();
    const auto doc = vanban::markup::parse_markup(markup, "markup");
    t_markup.push_back(ms_since(t));
    t = Clock::now();
    const auto frame = vanban::layout::layout_document(doc, fonts, settings);
    t_layout.push_back(ms_since(t));
    t = Clock::now();
    const std::string pdf = vanban::output::write_pdf(frame);
    t_pdf.push_back(ms_since(t));
    t_total.push_back(ms_since(start));
    bytes = pdf.size();
  }

  char row[512];
  std::snprintf(row, sizeof row, "| %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %zu |", runs, median(t_data),
                median(t_template), median(t_markup), median(t_layout), median(t_pdf), median(t_total), bytes);
  std::printf("runs | data | template | markup | layout | pdf | total (median ms) | PDF bytes\n%s\n", row);
  return 0;
}
