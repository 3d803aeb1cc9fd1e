// Positions in a text, found fast: one pass over the text builds a table of line starts and
// of character counts every 256 bytes, after which a byte offset becomes a line and a
// column in O(log lines) plus a scan of at most one block. A reader that locates every
// element of a file (a million of them, or a 50 MB JSON file on one line) stays linear; the
// scan from the start of the file that locate_offset does would make it quadratic.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"

namespace vanban {

class SourceIndex {
 public:
  // The text must outlive the index.
  SourceIndex(std::string_view file_name, std::string_view text);

  // The 1-based line and column (in characters) of a byte offset, as locate_offset gives it.
  SourceLocation locate(std::size_t offset) const;

  // The place of an XML element whose parser reports the offset of its name: that of the
  // '<' before it, as locate_element gives it.
  SourceLocation locate_element(std::ptrdiff_t name_offset) const;

  const std::string& file_name() const { return file_; }
  std::string_view text() const { return text_; }

 private:
  static constexpr std::size_t block = 256;  // a locate scans at most two blocks
  // Characters (UTF-8 lead bytes) before byte offset `at`.
  std::size_t characters_before(std::size_t at) const;

  FileName file_;
  std::string_view text_;
  std::vector<std::size_t> line_starts_;       // byte offset of each line's first byte
  std::vector<std::size_t> characters_at_block_;  // characters before k * block
  // The last place found: readers locate in the order of the file, so the next place is
  // usually found by counting on from the last (not thread-safe: one index per reader).
  mutable std::size_t last_offset_ = 0;
  mutable int last_line_ = 1, last_column_ = 1;
};

}  // namespace vanban
