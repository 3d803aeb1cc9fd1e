// Stage 1 for batches: a file of records -> one data map per record. A spreadsheet exported
// as CSV (libcsv), a JSON array (nlohmann-json) or an XML list (pugixml, as read_data) gives
// each row, element or child one map, whose fields the template reads as it reads a
// document's (docs/batch.md).
//
// Column names map to fields: "ho_ten" is the field ho_ten, "recipient/name" the field name
// of the map recipient. An empty cell is absent, as an empty element is. A row that cannot be
// read whole (more or fewer cells than the header) is kept with its problem, so the batch
// reports it and goes on with the others.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/data_tree.h"

namespace vanban::data {

struct Record {
  int number = 0;  // 1-based, in input order: "record 17" in every message
  Value fields;    // a map; where: the record's first line in the file
  std::optional<Diagnostic> problem;  // set when the record could not be read whole
};

enum class RecordFormat { csv, json, xml };

// The format a file name's extension names (.csv, .json, .xml); nullopt for another.
std::optional<RecordFormat> record_format_of(std::string_view file_name);

// Reads records. A file that cannot be read at all (malformed JSON or XML, a quote left
// open in CSV, no header) is an Error at its line and column.
std::vector<Record> read_records(std::string_view bytes, RecordFormat format, const std::string& file_name);

// The record's fields over the common ones (COMMON holds the authority, the signer, the
// decision): a field the record has replaces the common field of that name.
Value with_common(const Value& common, const Value& record);

}  // namespace vanban::data
