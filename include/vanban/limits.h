// How much any one input may ask of vanban. Every input is hostile until proven otherwise (a
// web form's data, a spreadsheet from who knows where): each limit stops it with a located
// "limit.*" diagnostic rather than a crash, a hang or a machine out of memory. The defaults are
// far beyond any real administrative document; the CLI's flags of the same names set them.
#pragma once

#include <cstddef>
#include <cstdint>

namespace vanban {

struct Limits {
  // A document's data file, a template, a markup file (--max-input-mb). The seed plan is 14 KB.
  std::size_t max_input_bytes = std::size_t{8} << 20;
  // A batch's records file: 100,000 rows of a spreadsheet are about 15 MB (--max-input-mb).
  std::size_t max_records_bytes = std::size_t{1} << 30;
  // Elements inside elements, in data, JSON records and markup; sections inside sections and
  // partials inside partials, in a template (--max-depth). A plan nests about ten deep.
  int max_depth = 100;
  // The most --max-depth may be: data, markup and templates are read and rendered by recursion,
  // and 1000 levels fit a thread's stack (8 MB) with room to spare, under the sanitizers too.
  static constexpr int deepest = 1000;
  // Pages of one document (--max-pages), and rows of one table (--max-table-rows).
  int max_pages = 1000;
  int max_table_rows = 20000;
  // Pixels of one image (--max-image-mp, in megapixels): a seal or a signature is well under
  // one megapixel, an A4 page scanned at 300 dpi is 8.7. Decoded, 50 megapixels are 200 MB.
  std::uint64_t max_image_pixels = 50'000'000;
  // An image file, in bytes: a scanned page as a JPEG is a few megabytes.
  std::size_t max_image_bytes = std::size_t{64} << 20;
};

}  // namespace vanban
