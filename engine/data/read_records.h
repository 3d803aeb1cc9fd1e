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
  // A table's columns, by RecordCell::column: the field each feeds ("" for none); null otherwise.
  std::shared_ptr<const std::vector<std::string>> columns;
};

// The record's fields as a map: "recipient/name" is the field name of the map recipient;
// a column that feeds no field (STT aside: the field "stt") gives none.
Value fields_of(const Record& record);

enum class RecordFormat { csv, json, xml, xlsx };

// The format a file name's extension names (.csv, .tsv and .txt, tab-separated text as Excel
// saves "Unicode Text", are CSV; .json, .xml, .xlsx); nullopt for another.
std::optional<RecordFormat> record_format_of(std::string_view file_name);


// ---- A table's columns (CSV, xlsx): which row names them, and what each is for ----------
//
// A clerk's sheet has a title, perhaps a "(Kèm theo Quyết định …)" line, then the header row
// in the words of the office (STT, Họ và tên, Chức vụ, đơn vị …), then the records. The header
// row is the one of the first rows whose cells name the most known columns; each header is
// matched to a field by the names the template declares for it (text::matching_key: case,
// marks, NFC or NFD and punctuation do not count), by the field's own path
// ("recipient/name"), or by a --map the user gives (docs/batch.md, "Columns").

// The names a column for one of the template's fields may have: its label first, then the
// usual aliases ("Họ và tên", "Họ tên", "Tên").
struct ColumnNames {
  std::string field;               // "recipient/name"
  std::vector<std::string> names;
};

struct ColumnOptions {
  std::vector<ColumnNames> known;  // the template's fields and their names
  // COLUMN=FIELD, as --map gives it: the column with that header (matched as above) feeds
  // FIELD; FIELD "-" leaves the column out of the documents, knowingly.
  std::vector<std::pair<std::string, std::string>> map;
  int header_row = 0;  // the header's row (a workbook's row, a CSV file's line); 0: found
};

// What a column of the table is for.
struct ColumnUse {
  enum class Kind {
    field,       // feeds a field of the template
    row_number,  // STT, Số TT: the list's numbering; the field "stt", for --name, never printed
    note,        // Ghi chú: the clerk's own notes, never printed
    left_out,    // --map 'COLUMN=-'
    unknown,     // names no field: a record with a value there fails (the template does not print it)
    unnamed,     // no header: a record with a value there fails
  };
  Kind kind = Kind::unknown;
  std::string header;   // as the header row writes it
  std::string field;    // the field it feeds (field, row_number: "stt"; unknown: the header itself)
  std::string by;       // how it was matched: "label", "alias", "field name", "--map"
  std::string column;   // "C" in a workbook, "3" in CSV
  SourceLocation where; // its header cell
};

struct TableLayout {
  bool workbook = false;              // rows are a workbook's (else a CSV file's lines)
  int header_row = 0;                 // the row that names the columns
  std::vector<std::string> skipped;   // the non-empty rows above it, each "row 1: DANH SÁCH …"
  std::vector<ColumnUse> columns;     // by column, left to right
};

struct RecordFile {
  std::vector<Record> records;
  std::optional<TableLayout> table;  // a table's (CSV, xlsx); none for JSON and XML
  // A row above the header that holds more than one value: not a title, perhaps a record the
  // header search passed over ("data.row-above-header"), said even when nothing else is.
  std::vector<Diagnostic> warnings;
};

struct ReadOptions {
  std::string sheet;                     // .xlsx: the sheet; empty: the first
  int max_depth = Limits{}.max_depth;    // JSON and XML
  ColumnOptions columns;                 // CSV and xlsx
  char delimiter = 0;                    // CSV: ',', ';' or '\t'; 0: found from the first lines
};

// Reads records as read_records below does, and a table's header the way this part says.
// Two columns feeding one field, a --map naming a column the header does not have or a
// field that is not known, or a --header-row that is not a row of the file, is an Error
// ("data.column-twice", "data.column-map", "data.header-row").
RecordFile read_record_file(std::string_view bytes, RecordFormat format, const std::string& file_name,
                            const ReadOptions& options);

// Reads records; from a workbook, those of the named sheet, or of the first when sheet is
// empty (a record's line is then its row, its column the cell's). A table's header is found
// and its columns named as fields by their headers alone (no template's names). A file that cannot be
// read at all (malformed JSON or XML, a quote left open in CSV, no header, a workbook that
// is not a zip) is an Error at its line and column.
// JSON and XML nested deeper than max_depth are an Error "limit.depth".
std::vector<Record> read_records(std::string_view bytes, RecordFormat format, const std::string& file_name,
                                 const std::string& sheet = {}, int max_depth = Limits{}.max_depth);

// One document's data as JSON: an object whose keys are the fields, as the XML elements are
// (docs/data-schema.md, "JSON"): keys in the order written, each value at its own line and
// column, an array the field repeated, numbers as written, true present and false and null
// absent, "template" naming the template. A key given twice, or an array or a value where the
// object should be, is an Error ("data.json-duplicate-key", "data.json-document"); bad JSON
// "data.json-syntax".
DataTree read_json_data(std::string_view json, const std::string& file_name, int max_depth = Limits{}.max_depth);

// The record's fields over the common ones (COMMON holds the authority, the signer, the
// decision): a field the record has replaces the common field of that name.
Value with_common(const Value& common, const Value& record);

}  // namespace vanban::data
