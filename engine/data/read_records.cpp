#include "data/read_records.h"

#include <stdexcept>

#include <algorithm>

#include <csv.h>
#include <nlohmann/json.hpp>

#include "base/prose.h"
#include "data/read_data.h"
#include "data/read_workbook.h"

namespace vanban::data {

namespace {

Value text_value(std::string text, const SourceLocation& where) {
  Value value;
  value.kind = Value::Kind::text;
  value.text.push_back({std::move(text), {}});
  value.where = where;
  return value;
}

Value map_value(const SourceLocation& where) {
  Value value;
  value.kind = Value::Kind::map;
  value.where = where;
  return value;
}

// Puts value at path ("recipient/name") in map, making the maps on the way.
void put_path(Value& map, std::string_view path, Value value) {
  const auto slash = path.find('/');
  if (slash == std::string_view::npos) {
    map.fields.push_back({std::string(path), false, {std::move(value)}});
    return;
  }
  const std::string head(path.substr(0, slash));
  auto inner = std::find_if(map.fields.begin(), map.fields.end(), [&](const Field& f) {
    return f.name == head && f.get().kind == Value::Kind::map;
  });
  if (inner == map.fields.end()) {
    map.fields.push_back({head, false, {map_value(value.where)}});
    inner = map.fields.end() - 1;
  }
  put_path(inner->value.front(), path.substr(slash + 1), std::move(value));
}

// ---- CSV (RFC 4180, as Excel and LibreOffice write it) -------------------------------------

class CsvReader {
 public:
  CsvReader(std::string_view bytes, const std::string& file_name) : bytes_(bytes), file_(file_name) {
    if (bytes_.substr(0, 3) == "\xEF\xBB\xBF") bytes_.remove_prefix(3);  // Excel's "CSV UTF-8" starts with a BOM
  }

  std::vector<Record> run() {
    csv_parser parser;
    // Strict: a stray quote is an error, not silently part of a field. Spaces around a
    // field are kept here and trimmed below, so a cell's own inner spacing is untouched.
    csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
    csv_set_space_func(&parser, [](unsigned char) { return 0; });
    // Fed a line at a time, so that each record knows the line it starts on.
    std::size_t from = 0;
    while (from < bytes_.size()) {
      const std::size_t end = std::min(bytes_.find('\n', from), bytes_.size() - 1) + 1;
      const std::size_t used = csv_parse(&parser, bytes_.data() + from, end - from, on_field, on_row, this);
      stop_on_header_error(parser);
      if (used != end - from) fail_at(parser, from + used);
      from = end;
      ++line_;
    }
    if (csv_fini(&parser, on_field, on_row, this) != 0) fail_at(parser, bytes_.size());
    stop_on_header_error(parser);
    csv_free(&parser);
    if (!columns_) fail("data.csv-header", "the CSV file has no header row naming its columns", where(1));
    return std::move(records_);
  }

 private:
  static void on_field(void* text, std::size_t length, void* self) {
    auto& reader = *static_cast<CsvReader*>(self);
    if (reader.cells_.empty()) reader.row_line_ = reader.line_;
    reader.cells_.emplace_back(static_cast<const char*>(text), length);
  }

  static void on_row(int, void* self) { static_cast<CsvReader*>(self)->end_row(); }

  void end_row() {
    std::vector<std::string> cells = std::move(cells_);
    cells_.clear();
    if (header_error_) return;
    if (std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return trim_space(c).empty(); })) return;
    if (!columns_) {
      auto columns = std::make_shared<std::vector<std::string>>();
      for (const auto& cell : cells) columns->push_back(trim_space(cell));
      columns_ = columns;
      for (std::size_t k = 0; k < columns_->size() && !header_error_; ++k) {
        if ((*columns_)[k].empty()) {
          header_error_ = Diagnostic{Severity::error, "data.csv-header",
                                     "column " + std::to_string(k + 1) + " of the header row has no name",
                                     where(row_line_), {"give every column a name in the first row"}};
        }
      }
      return;
    }
    Record record;
    record.number = static_cast<int>(records_.size()) + 1;
    record.where = where(row_line_);
    record.columns = columns_;
    if (cells.size() != columns_->size()) {
      record.problem = std::make_shared<const Diagnostic>(Diagnostic{Severity::error, "data.csv-ragged",
                                  "record " + std::to_string(record.number) + " has " + std::to_string(cells.size()) +
                                      " cells where the header names " + std::to_string(columns_->size()) + " columns",
                                  where(row_line_),
                                  {"a cell that holds a comma or a line break must be in double quotes: \"Phường 1, thị xã\""}});
    }
    record.cells.reserve(std::min(cells.size(), columns_->size()));
    for (std::size_t k = 0; k < std::min(cells.size(), columns_->size()); ++k) {
      std::string cell = trim_space(cells[k]);
      if (!cell.empty()) record.cells.push_back({static_cast<std::uint32_t>(k), 1, std::move(cell)});
    }
    records_.push_back(std::move(record));
  }

  SourceLocation where(int line) const { return {file_, line, 1}; }

  // Errors found in libcsv's callbacks are thrown here, after it returns: never through its
  // C frames, and with its buffers freed.
  void stop_on_header_error(csv_parser& parser) {
    if (!header_error_) return;
    csv_free(&parser);
    throw Error(*header_error_);
  }

  [[noreturn]] void fail_at(csv_parser& parser, std::size_t at) {
    const int code = csv_error(&parser);
    csv_free(&parser);
    const std::string reason = code == CSV_EPARSE ? "a quote is misplaced or left open (a field with a comma, a quote "
                                                    "or a line break is quoted whole, its quotes doubled: \"\")"
                                                  : std::string(csv_strerror(code));
    fail("data.csv-syntax", "the CSV file cannot be read: " + reason, locate_offset(file_, bytes_, std::min(at, bytes_.size())));
  }

  std::string_view bytes_;
  const std::string& file_;
  int line_ = 1, row_line_ = 1;
  std::shared_ptr<const std::vector<std::string>> columns_;  // shared by every record
  std::vector<std::string> cells_;
  std::vector<Record> records_;
  std::optional<Diagnostic> header_error_;
};

// ---- JSON ---------------------------------------------------------------------------------

void put_json(Value& map, const std::string& name, const nlohmann::json& value, const SourceLocation& where) {
  switch (value.type()) {
    case nlohmann::json::value_t::null: return;  // absent
    case nlohmann::json::value_t::boolean:
      if (value.get<bool>()) map.fields.push_back({name, false, {text_value("yes", where)}});
      return;  // false is absent, as Mustache reads it
    case nlohmann::json::value_t::string: {
      std::string text = trim_space(value.get<std::string>());
      if (!text.empty()) map.fields.push_back({name, false, {text_value(std::move(text), where)}});
      return;
    }
    case nlohmann::json::value_t::array:
      for (const auto& element : value) put_json(map, name, element, where);
      return;
    case nlohmann::json::value_t::object: {
      Value inner = map_value(where);
      for (const auto& [key, element] : value.items()) put_json(inner, key, element, where);
      map.fields.push_back({name, false, {std::move(inner)}});
      return;
    }
    default:  // numbers, as JSON writes them: 1250, 12.5
      map.fields.push_back({name, false, {text_value(value.dump(), where)}});
  }
}

std::vector<Record> read_json(std::string_view bytes, const std::string& file_name, int max_depth) {
  max_depth = depth_limit(max_depth);
  nlohmann::json parsed;
  // nlohmann parses without recursion, but the records are built from the result by
  // recursion (put_json): nesting is refused while parsing, at the place it goes too deep.
  try {
    parsed = nlohmann::json::parse(bytes, [&](int depth, nlohmann::json::parse_event_t event, nlohmann::json&) {
      if ((event == nlohmann::json::parse_event_t::object_start || event == nlohmann::json::parse_event_t::array_start) &&
          depth >= max_depth) {
        throw std::length_error("too deep");
      }
      return true;
    });
  } catch (const std::length_error&) {
    // The callback knows no offset: the first bracket nested max_depth deep is found here.
    std::size_t too_deep = std::string_view::npos;
    int depth = 0;
    bool in_string = false;
    for (std::size_t at = 0; at < bytes.size(); ++at) {
      const char c = bytes[at];
      if (in_string) {
        if (c == '\\') ++at;
        else if (c == '"') in_string = false;
      } else if (c == '"') {
        in_string = true;
      } else if (c == '[' || c == '{') {
        if (++depth > max_depth) {
          too_deep = at;
          break;
        }
      } else if (c == ']' || c == '}') {
        --depth;
      }
    }
    fail("limit.depth", "arrays and objects are nested more than " + std::to_string(max_depth) + " deep here",
         locate_offset(file_name, bytes, too_deep == std::string_view::npos ? 0 : too_deep),
         {"records are flat objects, with a few nested ones (recipient: {name, role}); raise the limit with --max-depth"});
  } catch (const nlohmann::json::parse_error& e) {
    const std::string what = e.what();
    fail("data.json-syntax", "the JSON file cannot be read: " + what.substr(what.find(": ") + 2),
         locate_offset(file_name, bytes, e.byte > 0 ? e.byte - 1 : 0));
  } catch (const nlohmann::json::exception& e) {
    // A number beyond a double (1e309) is out_of_range, not a parse_error, and has no place:
    // the fuzzer found it ending the process.
    const std::string what = e.what();
    fail("data.json-syntax", "the JSON file cannot be read: " + what.substr(what.find("] ") + 2), {file_name});
  }
  if (!parsed.is_array()) {
    fail("data.json-records", "a JSON file of records is an array of objects: [{\"ho_ten\": …}, …]", {file_name, 1, 1});
  }
  std::vector<Record> records;
  for (const auto& element : parsed) {
    Record record;
    record.number = static_cast<int>(records.size()) + 1;
    const SourceLocation where{file_name, 0, 0};
    record.where = where;
    Value fields = map_value(where);
    if (!element.is_object()) {
      record.problem = std::make_shared<const Diagnostic>(Diagnostic{Severity::error, "data.json-records",
                                  "record " + std::to_string(record.number) + " is not an object of fields", where, {}});
    } else {
      for (const auto& [key, value] : element.items()) put_json(fields, key, value, where);
    }
    record.fields = std::make_shared<const Value>(std::move(fields));
    records.push_back(std::move(record));
  }
  return records;
}

// ---- XML list -----------------------------------------------------------------------------

std::vector<Record> read_xml(std::string_view bytes, const std::string& file_name, int max_depth) {
  const DataTree tree = read_data(bytes, file_name, max_depth);
  std::vector<Record> records;
  for (const auto& field : tree.root.fields) {
    if (field.is_attribute) continue;
    Record record;
    record.number = static_cast<int>(records.size()) + 1;
    record.fields = std::make_shared<const Value>(field.get());
    record.where = record.fields->where;
    if (record.fields->kind != Value::Kind::map) {
      record.problem = std::make_shared<const Diagnostic>(Diagnostic{Severity::error, "data.xml-records",
                                  "record " + std::to_string(record.number) + " (<" + field.name + ">) holds no fields",
                                  record.fields->where, {}});
    }
    records.push_back(std::move(record));
  }
  return records;
}

// ---- Excel workbooks -----------------------------------------------------------------------

std::vector<Record> read_xlsx(std::string_view bytes, const std::string& file_name, const std::string& sheet) {
  SheetTable table = read_sheet(bytes, file_name, sheet);
  const auto columns = std::make_shared<const std::vector<std::string>>(std::move(table.columns));
  std::vector<Record> records;
  for (auto& row : table.rows) {
    Record record;
    record.number = static_cast<int>(records.size()) + 1;
    record.where = {file_name, row.row, 1};
    record.columns = columns;
    const std::string label = "record " + std::to_string(record.number) + ": cell ";
    for (auto& cell : row.cells) {
      if (!cell.problem.empty()) {
        if (!record.problem) {
          record.problem = std::make_shared<const Diagnostic>(Diagnostic{Severity::error, "data.xlsx-bad-cell",
                                      label + cell.name + " " + cell.problem + ": the file is damaged", cell.where, {}});
        }
      } else if (!cell.error.empty()) {
        if (!record.problem) {
          record.problem = std::make_shared<const Diagnostic>(Diagnostic{Severity::error, "data.xlsx-error-cell",
                                      label + cell.name + " holds the error " + cell.error + " instead of a value", cell.where, {}});
        }
      } else if (cell.column > static_cast<int>(columns->size())) {
        if (!record.problem) {
          record.problem = std::make_shared<const Diagnostic>(Diagnostic{Severity::error, "data.xlsx-unnamed-column",
                                      label + cell.name + " has a value in a column the header row does not name",
                                      cell.where, {"name the column in the header row, or clear the cell"}});
        }
      } else {
        record.cells.push_back({static_cast<std::uint32_t>(cell.column - 1), static_cast<std::uint32_t>(cell.column),
                                std::move(cell.text)});
      }
    }
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace

std::optional<RecordFormat> record_format_of(std::string_view file_name) {
  const auto dot = file_name.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::string extension(file_name.substr(dot + 1));
  std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
  if (extension == "csv") return RecordFormat::csv;
  if (extension == "json") return RecordFormat::json;
  if (extension == "xml") return RecordFormat::xml;
  if (extension == "xlsx") return RecordFormat::xlsx;
  return std::nullopt;
}

std::vector<Record> read_records(std::string_view bytes, RecordFormat format, const std::string& file_name,
                                 const std::string& sheet, int max_depth) {
  switch (format) {
    case RecordFormat::xlsx: return read_xlsx(bytes, file_name, sheet);
    case RecordFormat::csv: return CsvReader(bytes, file_name).run();
    case RecordFormat::json: return read_json(bytes, file_name, max_depth);
    case RecordFormat::xml: return read_xml(bytes, file_name, max_depth);
  }
  return {};
}

Value fields_of(const Record& record) {
  if (!record.columns) return record.fields ? *record.fields : map_value(record.where);
  Value fields = map_value(record.where);
  for (const auto& cell : record.cells) {
    put_path(fields, (*record.columns)[cell.column],
             text_value(cell.text, {record.where.file, record.where.line, static_cast<int>(cell.at)}));
  }
  return fields;
}

Value with_common(const Value& common, const Value& record) {
  Value merged = record;
  for (const auto& field : common.fields) {
    if (!record.find(field.name)) merged.fields.push_back(field);
  }
  return merged;
}

}  // namespace vanban::data
