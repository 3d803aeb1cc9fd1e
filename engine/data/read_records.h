// Stage 1 for batches: a file of records -> one data map per record. A spreadsheet exported
// as CSV (libcsv) or saved as an Excel workbook (.xlsx, read_workbook.h), a JSON array
// (nlohmann-json) or an XML list (pugixml, as read_data) gives each row, element or child
// one map, whose fields the template reads as it reads a document's (docs/batch.md).
//
// Column names map to fields: "ho_ten" is the field ho_ten, "recipient/name" the field name
// of the map recipient. An empty cell is absent, as an empty element is. A row that cannot be
// read whole (more or fewer cells than the header) is kept with its problem, so the batch
// reports it and goes on with the others.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/limits.h"
#include "data/data_tree.h"

namespace vanban::data {

// A cell of a table's row (CSV, xlsx): the column it is under, and its text.
struct RecordCell {
  std::uint32_t column = 0;  // index into Record::columns
  std::uint32_t at = 1;      // its column in the file, for messages (a workbook's C is 3; in CSV, its first character's)
  std::string text;          // trimmed, not empty
};

struct Record {
  int number = 0;         // 1-based, in input order: "record 17" in every message
  SourceLocation where;   // the record's first line in the file
  std::shared_ptr<const Diagnostic> problem;  // set when the record could not be read whole
  // JSON and XML: the record's map. A table's row keeps its cells instead, made into a map
  // by fields_of when it is printed: 100,000 rows held as maps take 2 KB each, as cells a
  // fifth of that (what is rarely there is held by pointer for the same reason).
  std::shared_ptr<const Value> fields;
  std::vector<RecordCell> cells;
  std::shared_ptr<const std::vector<std::string>> columns;  // a table's header; null otherwise
};

// The record's fields as a map: "recipient/name" is the field name of the map recipient.
Value fields_of(const Record& record);

enum class RecordFormat { csv, json, xml, xlsx };

// The format a file name's extension names (.csv, .json, .xml, .xlsx); nullopt for another.
std::optional<RecordFormat> record_format_of(std::string_view file_name);

// Reads records; from a workbook, those of the named sheet, or of the first when sheet is
// empty (a record's line is then its row, its column the cell's). A file that cannot be
// read at all (malformed JSON or XML, a quote left open in CSV, no header, a workbook that
// is not a zip) is an Error at its line and column.
// JSON and XML nested deeper than max_depth are an Error "limit.depth".
std::vector<Record> read_records(std::string_view bytes, RecordFormat format, const std::string& file_name,
                                 const std::string& sheet = {}, int max_depth = Limits{}.max_depth);

// The record's fields over the common ones (COMMON holds the authority, the signer, the
// decision): a field the record has replaces the common field of that name.
Value with_common(const Value& common, const Value& record);

}  // namespace vanban::data
