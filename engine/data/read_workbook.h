// An Excel workbook's sheet as a table, for read_records (.xlsx: Office Open XML
// SpreadsheetML, ECMA-376 Part 1, §18; a zip archive read with libzip, its XML parts with
// pugixml). Cells are read as Excel shows them: shared and inline strings, numbers without a
// trailing ".0", a number in a date format as YYYY-MM-DD, TRUE and FALSE; an error value
// (#REF!, #N/A) is kept as such, for the record to fail rather than print it.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"

namespace vanban::data {

struct SheetCell {
  int column = 0;      // 1-based: A is 1
  std::string name;    // "C12"
  std::string text;    // trimmed; empty for an error cell
  std::string error;   // the error value ("#REF!"), else empty
  // What is wrong with a cell of a damaged file ("data.xlsx-bad-cell"), as a message format
  // whose first part is the cell's name ("cell {} holds '{}', which is not a number: …") and the
  // other parts' arguments; else empty.
  std::string problem;
  std::vector<std::string> problem_arguments;
  SourceLocation where;  // the file, line = the row, column = the column
};

struct SheetRow {
  int row = 0;  // as Excel numbers it
  std::vector<SheetCell> cells;  // the non-empty ones, left to right
};

struct SheetTable {
  std::vector<SheetRow> rows;  // the non-empty rows, titles and header among them (read_records finds the header)
};

// Rewrites a workbook's texts, its shared strings and the sheets' inline strings, each run of
// text through convert (the new text, or nullopt to keep it), and returns the new workbook:
// every other part copied as it was, each entry keeping its time, so the same input makes the
// same bytes. A shared string's place is that of the first cell that shows it (line = row,
// column = column; line 0 when no cell does). Throws Error "data.xlsx-*" as read_sheet does.
std::string rewrite_workbook_texts(
    std::string_view bytes, const std::string& file_name,
    const std::function<std::optional<std::string>(const std::string& text, const SourceLocation& where)>& convert);

// Reads the named sheet (as named, or failing that the one sheet whose name matches it
// without case and marks, text::matching_key), or the first when sheet is empty. Throws
// Error "data.xlsx-*" for a file that is not a zip, a damaged or incomplete workbook, a
// sheet it does not have, or an empty sheet.
SheetTable read_sheet(std::string_view bytes, const std::string& file_name, const std::string& sheet);

// A column's letters as Excel names it: 1 is A, 27 is AA.
std::string column_letters(int column);

}  // namespace vanban::data
