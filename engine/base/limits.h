// Limits: how much any one input may ask of vanban. Every input is hostile until proven
// otherwise (a web form's data, a spreadsheet from who knows where): each limit stops it with a
// located "limit.*" error that names the flag raising it, rather than a crash, a hang or a
// machine out of memory. The defaults are far beyond any real administrative document.
#pragma once

#include <cstddef>
#include <string>

namespace vanban {

struct Limits {
  // A document's data file, a template, a markup file (--max-input-mb). The seed plan is 14 KB.
  std::size_t max_input_bytes = std::size_t{8} << 20;
  // A batch's records file: 100,000 rows of a spreadsheet are about 15 MB (--max-input-mb).
  std::size_t max_records_bytes = std::size_t{1} << 30;
  // Elements inside elements, in data, JSON records and markup; sections inside sections and
  // partials inside partials, in a template (--max-depth). A plan nests about ten deep.
  int max_depth = 100;
  // Pages of one document (--max-pages), and rows of one table (--max-table-rows).
  int max_pages = 1000;
  int max_table_rows = 20000;
};

// The error for an input over its size limit, naming the flag: "limit.input-size".
[[noreturn]] void fail_input_size(const std::string& file_name, std::size_t size, std::size_t limit);

}  // namespace vanban
