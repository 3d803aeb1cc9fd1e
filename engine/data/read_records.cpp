#include "data/read_records.h"

#include <stdexcept>
#include <unordered_map>

#include <algorithm>

#include <csv.h>
#include <nlohmann/json.hpp>

#include "base/prose.h"
#include "base/utf8.h"
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
    // libcsv grows a field's buffer by this many bytes at a time (128 by default): a
    // whole file pasted into one cell cost a copy of the field per 128 bytes, quadratic.
    csv_set_blk_size(&parser, std::size_t{1} << 20);
    // Fed a line at a time, so that each record knows the line it starts on.
    std::size_t from = 0;
    while (from < bytes_.size()) {
      const std::size_t end = std::min(bytes_.find('\n', from), bytes_.size() - 1) + 1;
      const std::size_t used = csv_parse(&parser, bytes_.data() + from, end - from, on_field, on_row, this);
      stop_on_header_error(parser);
      if (used != end - from) fail_at(parser, from + used);
      from = end;
      line_start_ = end;
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
    if (reader.cells_.empty()) {
      reader.row_line_ = reader.line_;
      reader.row_start_ = reader.line_start_;
    }
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
    const auto columns = cell_columns(cells.size());
    for (std::size_t k = 0; k < std::min(cells.size(), columns_->size()); ++k) {
      std::string cell = trim_space(cells[k]);
      if (!cell.empty()) record.cells.push_back({static_cast<std::uint32_t>(k), columns[k], std::move(cell)});
    }
    records_.push_back(std::move(record));
  }

  SourceLocation where(int line) const { return {file_, line, 1}; }

  // The column, in characters, where each of the row's cells starts on the row's first line,
  // for messages that point at a cell. libcsv has accepted the row, so a comma outside quotes
  // ends a cell. A cell that starts on a later line (after a quoted line break) is given
  // column 1 of the row's line: the record's line stays right.
  std::vector<std::uint32_t> cell_columns(std::size_t count) const {
    std::vector<std::uint32_t> columns(count, 1);
    std::uint32_t column = 1;
    bool quoted = false, first_line = true;
    std::size_t cell = 0;
    for (std::size_t at = row_start_; at < bytes_.size() && cell + 1 < count; ++at) {
      const auto byte = static_cast<unsigned char>(bytes_[at]);
      if (byte == '"') quoted = !quoted;  // a doubled quote toggles twice
      if (byte == '\n') {
        if (!quoted) break;
        first_line = false;
      }
      if ((byte & 0xC0) != 0x80) ++column;
      if (byte == ',' && !quoted) {
        ++cell;
        columns[cell] = first_line ? column : 1;
      }
    }
    return columns;
  }

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
  std::size_t line_start_ = 0, row_start_ = 0;  // offsets of the line being read, and of the row's first
  std::shared_ptr<const std::vector<std::string>> columns_;  // shared by every record
  std::vector<std::string> cells_;
  std::vector<Record> records_;
  std::optional<Diagnostic> header_error_;
};

// ---- JSON ---------------------------------------------------------------------------------
//
// nlohmann's SAX parser, in one pass: each value becomes a field as it is read, in the order
// of the file (an object's keys are not sorted), with its own line and column; numbers keep
// the digits they were written with (a 30-digit number is not rounded to a double); a key
// given twice in one object is that record's error; and a record that holds bytes that are
// not UTF-8 is read with those bytes as they are, for its values to be judged alone (a TCVN3
// record among Unicode ones), where nlohmann would refuse the whole file.

// The position nlohmann's lexer has reached, kept by the iterator it reads through.
class TrackingIterator {
 public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;
  TrackingIterator(const char* at, const char** cursor) : at_(at), cursor_(cursor) {}
  reference operator*() const { return *at_; }
  TrackingIterator& operator++() {
    *cursor_ = ++at_;
    return *this;
  }
  TrackingIterator operator++(int) {
    TrackingIterator before = *this;
    ++*this;
    return before;
  }
  bool operator==(const TrackingIterator& other) const { return at_ == other.at_; }
  bool operator!=(const TrackingIterator& other) const { return at_ != other.at_; }

 private:
  const char* at_;
  const char** cursor_;
};

// A JSON string literal's value, unescaped: for the few strings nlohmann could not be given
// as they are (those holding bytes that are not UTF-8), read from the file's own bytes.
std::string unescape_json_string(std::string_view literal) {
  std::string out;
  for (std::size_t k = 0; k < literal.size(); ++k) {
    if (literal[k] != '\\' || k + 1 >= literal.size()) {
      out += literal[k];
      continue;
    }
    const char e = literal[++k];
    switch (e) {
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'u': {
        const auto hex = [&](std::size_t at) -> long {
          if (at + 4 > literal.size()) return -1;
          return std::strtol(std::string(literal.substr(at, 4)).c_str(), nullptr, 16);
        };
        long code = hex(k + 1);
        k += 4;
        if (code >= 0xD800 && code <= 0xDBFF && k + 6 < literal.size() + 1 && literal.substr(k + 1, 2) == "\\u") {
          const long low = hex(k + 3);
          if (low >= 0xDC00 && low <= 0xDFFF) {
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            k += 6;
          }
        }
        if (code < 0) break;
        append_utf8(static_cast<char32_t>(code), out);
        break;
      }
      default: out += e;  // \" \\ \/
    }
  }
  return out;
}

class JsonRecords : public nlohmann::json_sax<nlohmann::json> {
 public:
  // text: the file with each byte that is not UTF-8 widened to the UTF-8 of the Latin-1
  // character of that value (2 bytes), at the offsets `widened` (in text) lists; original:
  // the file as it was, which every position is given in.
  JsonRecords(std::string_view text, std::string_view original, std::vector<std::size_t> widened, const std::string& file,
              int max_depth)
      : text_(text), original_(original), widened_(std::move(widened)), file_(file), max_depth_(max_depth) {}

  std::vector<Record> run() {
    cursor_ = text_.data();
    const TrackingIterator first(text_.data(), &cursor_), last(text_.data() + text_.size(), &cursor_);
    nlohmann::json::sax_parse(first, last, this);
    if (stop_) throw Error(*stop_);
    if (!seen_array_) {
      fail("data.json-records", "a JSON file of records is an array of objects: [{\"ho_ten\": …}, …]", {file_, 1, 1});
    }
    return std::move(records_);
  }

  bool null() override {
    where_now();
    return value_done(std::nullopt);
  }
  bool boolean(bool value) override {
    where_now();
    return value ? value_done(std::string("yes")) : value_done(std::nullopt);  // false is absent, as Mustache reads it
  }
  bool number_integer(number_integer_t value) override {
    where_now();
    return value_done(std::to_string(value));
  }
  bool number_unsigned(number_unsigned_t value) override {
    where_now();
    return value_done(std::to_string(value));
  }
  bool number_float(number_float_t, const string_t& written) override {
    where_now();
    return value_done(written);  // the digits as written, never a rounded double
  }
  bool string(string_t& value) override {
    const std::size_t start = where_now();
    if (widened_within(start, mapped_cursor())) {
      // Read from the file's own bytes, which are not UTF-8: the literal between its quotes.
      const std::size_t from = original_offset(start) + 1, to = original_offset(mapped_cursor()) - 1;
      return value_done(unescape_json_string(original_.substr(from, to > from ? to - from : 0)));
    }
    return value_done(std::move(value));
  }
  bool binary(binary_t&) override { return value_done(std::nullopt); }

  bool start_object(std::size_t) override {
    const SourceLocation where = location(where_now());
    if (!deeper(where)) return false;
    Frame frame;
    frame.kind = Frame::object;
    frame.map.kind = Value::Kind::map;
    frame.map.where = where;
    if (!frames_.empty() && frames_.back().kind == Frame::top_array) {
      start_record(where);
      frame.record = true;
    }
    frames_.push_back(std::move(frame));
    return true;
  }

  bool key(string_t& name) override {
    const SourceLocation where = location(where_now());
    Frame& object = frames_.back();
    // Objects have a handful of keys: looked for in a list, not a hash table per object.
    const auto first = std::find_if(object.keys.begin(), object.keys.end(),
                                    [&](const auto& known) { return known.first == name; });
    if (first != object.keys.end() && !ignoring()) {
      problem({Severity::error, "data.json-duplicate-key",
               "the key '" + name + "' is given twice in this object (the first at line " +
                   std::to_string(first->second.line) + ", column " + std::to_string(first->second.column) + ")",
               where, {"keep the one to print: JSON keeps only one of them, and a second value would not be on the paper"}});
    } else if (object.keys.size() < 64) {
      // Past 64 keys (no record has so many), a repeated one is no longer looked for.
      object.keys.emplace_back(name, SourceLocation{{}, where.line, where.column});
    }
    object.key = name;
    return true;
  }

  bool end_object() override {
    where_now();
    Frame object = std::move(frames_.back());
    frames_.pop_back();
    --depth_;
    if (object.record) {
      records_.back().fields = std::make_shared<const Value>(std::move(object.map));
    } else if (!frames_.empty()) {
      place(std::move(object.map));
    }
    return true;
  }

  bool start_array(std::size_t) override {
    const SourceLocation where = location(where_now());
    if (!deeper(where)) return false;
    Frame frame;
    if (frames_.empty()) {
      seen_array_ = true;
      frame.kind = Frame::top_array;
    } else {
      // An array of values under a key: each is a field of that name (a list). An array where
      // a record should be is that record's error, its contents not read.
      frame.kind = Frame::array;
      if (frames_.back().kind == Frame::top_array) {
        not_an_object(where);
        frame.ignored = true;
      }
    }
    frames_.push_back(std::move(frame));
    return true;
  }

  bool end_array() override {
    where_now();
    frames_.pop_back();
    --depth_;
    return true;
  }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& error) override {
    const std::string what = error.what();
    const auto colon = what.find("] ");
    std::string reason = colon == std::string::npos ? what : what.substr(colon + 2);
    const auto detail = reason.find(": ");
    if (reason.rfind("parse error", 0) == 0 && detail != std::string::npos) reason = reason.substr(detail + 2);
    stop_ = Diagnostic{Severity::error, "data.json-syntax", "the JSON file cannot be read: " + reason,
                       location(position > 0 ? position - 1 : 0), {}};
    return false;
  }

 private:
  struct Frame {
    enum Kind { top_array, object, array } kind = object;
    bool record = false;    // object: a record, an element of the top array
    bool ignored = false;   // array: where a record should be; its contents are not read
    Value map;              // object: its fields so far
    std::string key;        // object: the key of the value being read
    std::vector<std::pair<std::string, SourceLocation>> keys;  // object: the keys given, and where
  };

  bool ignoring() const {
    return std::any_of(frames_.begin(), frames_.end(), [](const Frame& frame) { return frame.ignored; });
  }

  std::size_t mapped_cursor() const { return static_cast<std::size_t>(cursor_ - text_.data()); }

  // The start of the token just read: the first byte after the previous token that is not
  // white space or a separator. Tokens come in order, so the line and column are counted on
  // from the last, and the whole file is counted once.
  std::size_t where_now() {
    std::size_t start = previous_end_;
    while (start < text_.size() && std::string_view(" \t\r\n,:").find(text_[start]) != std::string_view::npos) ++start;
    previous_end_ = mapped_cursor();
    previous_start_ = start;
    return start;
  }

  std::size_t original_offset(std::size_t mapped) const {
    const auto before = std::lower_bound(widened_.begin(), widened_.end(), mapped) - widened_.begin();
    return mapped - static_cast<std::size_t>(before);
  }

  bool widened_within(std::size_t begin, std::size_t end) const {
    const auto first = std::lower_bound(widened_.begin(), widened_.end(), begin);
    return first != widened_.end() && *first < end;
  }

  SourceLocation location(std::size_t mapped) {
    const std::size_t target = std::min(original_offset(mapped), original_.size());
    if (target < counted_) counted_ = 0, line_ = 1, column_ = 1;  // never needed in order, kept correct
    for (; counted_ < target; ++counted_) {
      const auto byte = static_cast<unsigned char>(original_[counted_]);
      if (byte == '\n') {
        ++line_;
        column_ = 1;
      } else if ((byte & 0xC0) != 0x80) {
        ++column_;
      }
    }
    return {file_, line_, column_};
  }

  bool deeper(const SourceLocation& where) {
    if (++depth_ > max_depth_) {
      stop_ = Diagnostic{Severity::error, "limit.depth",
                         "arrays and objects are nested more than " + std::to_string(max_depth_) + " deep here", where,
                         {"records are flat objects, with a few nested ones (recipient: {name, role}); raise the limit "
                          "with --max-depth"}};
      return false;
    }
    return true;
  }

  void start_record(const SourceLocation& where) {
    Record record;
    record.number = static_cast<int>(records_.size()) + 1;
    record.where = where;
    records_.push_back(std::move(record));
  }

  void not_an_object(const SourceLocation& where) {
    start_record(where);
    Record& record = records_.back();
    record.fields = std::make_shared<const Value>(Value{Value::Kind::map, {}, {}, where});
    record.problem = std::make_shared<const Diagnostic>(Diagnostic{Severity::error, "data.json-records",
                                                                   "record " + std::to_string(record.number) +
                                                                       " is not an object of fields", where, {}});
  }

  void problem(Diagnostic diagnostic) {
    if (records_.empty() || records_.back().problem) return;
    diagnostic.message = "record " + std::to_string(records_.back().number) + ": " + diagnostic.message;
    records_.back().problem = std::make_shared<const Diagnostic>(std::move(diagnostic));
  }

  // A value read: a field of the object it is in (under its key), or of the object around
  // the array it is in (under that array's key); a value that is a record is refused.
  bool value_done(std::optional<std::string> text) {
    const SourceLocation where = location(previous_start_);
    if (frames_.empty() || ignoring()) return true;  // a lone value instead of an array: refused after parsing
    if (frames_.back().kind == Frame::top_array) {
      not_an_object(where);
      return true;
    }
    if (!text) return true;
    std::string trimmed = trim_space(*text);
    if (!trimmed.empty()) place(text_value(std::move(trimmed), where));
    return true;
  }

  // A value read goes into the innermost object, under its key (a value in an array, under
  // the key of the array).
  void place(Value value) {
    if (ignoring()) return;
    for (auto frame = frames_.rbegin(); frame != frames_.rend(); ++frame) {
      if (frame->kind != Frame::object) continue;
      frame->map.fields.push_back({frame->key, false, {std::move(value)}});
      return;
    }
  }

  std::string_view text_, original_;
  std::vector<std::size_t> widened_;
  const FileName file_;
  int max_depth_;
  int depth_ = 0;
  const char* cursor_ = nullptr;
  std::size_t previous_end_ = 0, previous_start_ = 0;
  std::size_t counted_ = 0;
  int line_ = 1, column_ = 1;
  std::vector<Frame> frames_;
  std::vector<Record> records_;
  std::optional<Diagnostic> stop_;
  bool seen_array_ = false;
};

std::vector<Record> read_json(std::string_view bytes, const std::string& file_name, int max_depth) {
  max_depth = depth_limit(max_depth);
  // Bytes that are not UTF-8 are widened to the Latin-1 character of their value, so that
  // nlohmann reads the file; the records that hold them read those bytes as they were.
  std::string widened_text;
  std::vector<std::size_t> widened;
  std::string_view text = bytes;
  if (find_invalid_utf8(bytes)) {
    widened_text.reserve(bytes.size() + bytes.size() / 8);
    for (std::size_t at = 0; at < bytes.size();) {
      const auto bad = find_invalid_utf8(bytes.substr(at));
      const std::size_t good = bad ? bad->offset : bytes.size() - at;
      widened_text.append(bytes.substr(at, good));
      at += good;
      if (!bad) break;
      for (std::size_t k = 0; k < std::max<std::size_t>(1, bad->length); ++k, ++at) {
        const auto byte = static_cast<unsigned char>(bytes[at]);
        widened.push_back(widened_text.size());
        widened_text += static_cast<char>(0xC0 | (byte >> 6));
        widened_text += static_cast<char>(0x80 | (byte & 0x3F));
      }
    }
    text = widened_text;
  }
  return JsonRecords(text, bytes, std::move(widened), file_name, max_depth).run();
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
