#include "data/read_records.h"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include <csv.h>
#include <nlohmann/json.hpp>

#include "base/prose.h"
#include "base/spelling.h"
#include "base/utf8.h"
#include "data/read_data.h"
#include "data/read_workbook.h"
#include "text/unicode.h"

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

// ---- Tables (CSV, xlsx): rows as read, before the header is known ----------------------

struct RawCell {
  std::uint32_t index = 0;  // 0-based column: the cell's place in a CSV row, a workbook's column - 1
  std::uint32_t at = 1;     // its column in the file, for messages
  std::string text;         // trimmed, not empty (unless it has a problem)
  // A workbook's damaged or error cell: why it cannot be printed, as a format whose first
  // part is the cell's name ("cell {} holds the error {} …"), the other parts' arguments, and its code.
  std::string problem;
  std::vector<std::string> problem_arguments;
  std::string code;
};

struct RawRow {
  int line = 0;            // a CSV row's first line; a workbook's row
  std::size_t width = 0;   // CSV: the row's cells, empty ones too (a ragged row has too many or too few)
  std::vector<RawCell> cells;  // the non-empty ones, left to right
};

// ---- CSV (RFC 4180, as Excel and LibreOffice write it) -------------------------------------

// The separator of a CSV file: a comma, or the semicolon Excel writes where the decimal mark
// is a comma (Vietnamese settings among them), or the tab of "Unicode Text" and .tsv files.
// Of the first 30 lines, outside quotes, the one that splits the most lines into the same
// number of cells; a comma when none splits any.
char csv_delimiter(std::string_view bytes) {
  char best = ',';
  std::size_t best_score = 0;
  for (const char candidate : {',', ';', '\t'}) {
    std::map<std::size_t, std::size_t> lines_with;  // separators on a line -> lines
    std::size_t count = 0, lines = 0;
    bool quoted = false;
    for (std::size_t at = 0; at < bytes.size() && lines < 30; ++at) {
      const char c = bytes[at];
      if (c == '"') quoted = !quoted;
      if (!quoted && c == candidate) ++count;
      if ((!quoted && c == '\n') || at + 1 == bytes.size()) {
        if (count > 0) ++lines_with[count];
        count = 0;
        ++lines;
      }
    }
    for (const auto& [separators, with] : lines_with) {
      const std::size_t score = with * (separators + 1);
      if (score > best_score) best_score = score, best = candidate;
    }
  }
  return best;
}

class CsvReader {
 public:
  // delimiter: ',', ';' or '\t'; 0: found (csv_delimiter).
  CsvReader(std::string_view bytes, const std::string& file_name, char delimiter = 0) : bytes_(bytes), file_(file_name) {
    if (bytes_.substr(0, 3) == "\xEF\xBB\xBF") bytes_.remove_prefix(3);  // Excel's "CSV UTF-8" starts with a BOM
    // Old Mac line ends (CR alone): made LF, byte for byte, so that lines are counted right.
    if (bytes_.find('\r') != std::string_view::npos && bytes_.find('\n') == std::string_view::npos) {
      own_.assign(bytes_);
      std::replace(own_.begin(), own_.end(), '\r', '\n');
      bytes_ = own_;
    }
    delimiter_ = delimiter ? delimiter : csv_delimiter(bytes_);
  }

  std::vector<RawRow> run() {
    csv_parser parser;
    // Strict: a stray quote is an error, not silently part of a field. Spaces around a
    // field are kept here and trimmed below, so a cell's own inner spacing is untouched.
    csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
    csv_set_delim(&parser, static_cast<unsigned char>(delimiter_));
    csv_set_space_func(&parser, [](unsigned char) { return 0; });
    // libcsv grows a field's buffer by this many bytes at a time (128 by default): a
    // whole file pasted into one cell cost a copy of the field per 128 bytes, quadratic.
    csv_set_blk_size(&parser, std::size_t{1} << 20);
    // Fed a line at a time, so that each record knows the line it starts on.
    std::size_t from = 0;
    while (from < bytes_.size()) {
      const std::size_t end = std::min(bytes_.find('\n', from), bytes_.size() - 1) + 1;
      const std::size_t used = csv_parse(&parser, bytes_.data() + from, end - from, on_field, on_row, this);
      if (used != end - from) fail_at(parser, from + used);
      from = end;
      line_start_ = end;
      ++line_;
    }
    if (csv_fini(&parser, on_field, on_row, this) != 0) fail_at(parser, bytes_.size());
    csv_free(&parser);
    if (rows_.empty()) fail("data.csv-header", "the CSV file has no header row naming its columns", {file_, 1, 1});
    return std::move(rows_);
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
    if (std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return trim_space(c).empty(); })) return;
    RawRow row;
    row.line = row_line_;
    row.width = cells.size();
    const auto columns = cell_columns(cells.size());
    for (std::size_t k = 0; k < cells.size(); ++k) {
      std::string cell = trim_space(cells[k]);
      if (!cell.empty()) row.cells.push_back({static_cast<std::uint32_t>(k), columns[k], std::move(cell), {}, {}, {}});
    }
    rows_.push_back(std::move(row));
  }

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
      if (byte == static_cast<unsigned char>(delimiter_) && !quoted) {
        ++cell;
        columns[cell] = first_line ? column : 1;
      }
    }
    return columns;
  }

  [[noreturn]] void fail_at(csv_parser& parser, std::size_t at) {
    const int code = csv_error(&parser);
    csv_free(&parser);
    const std::string reason = code == CSV_EPARSE ? "a quote is misplaced or left open (a field with a comma, a quote "
                                                    "or a line break is quoted whole, its quotes doubled: \"\")"
                                                  : std::string(csv_strerror(code));
    fail_with("data.csv-syntax", "the CSV file cannot be read: {}", {reason}, locate_offset(file_, bytes_, std::min(at, bytes_.size())));
  }

  std::string_view bytes_;
  const std::string& file_;
  int line_ = 1, row_line_ = 1;
  std::size_t line_start_ = 0, row_start_ = 0;  // offsets of the line being read, and of the row's first
  std::vector<std::string> cells_;
  std::vector<RawRow> rows_;
  std::string own_;      // the bytes, when their line ends had to be mended
  char delimiter_ = ',';
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

// A document's JSON string with the emphasis XML data writes inline: <b>, <i> and <u>, nested
// and closed in order, as in "(<i>có danh sách kèm theo</i>)". Any other '<' is text; a string
// whose tags do not nest is all text (the check then finds no emphasis where none was meant).
std::vector<TextSpan> emphasis_spans(const std::string& text) {
  static constexpr std::string_view tags[] = {"<b>", "<i>", "<u>", "</b>", "</i>", "</u>"};
  const auto tag_at = [&](std::size_t at) -> int {
    for (int k = 0; k < 6; ++k) {
      if (text.compare(at, tags[k].size(), tags[k]) == 0) return k;
    }
    return -1;
  };
  // First, do the tags nest?
  std::vector<int> open;
  for (std::size_t at = text.find('<'); at != std::string::npos; at = text.find('<', at + 1)) {
    const int tag = tag_at(at);
    if (tag < 0) continue;
    if (tag < 3) {
      open.push_back(tag);
    } else if (open.empty() || open.back() != tag - 3) {
      return {{text, {}}};
    } else {
      open.pop_back();
    }
  }
  if (!open.empty()) return {{text, {}}};
  std::vector<TextSpan> spans;
  SpanStyle style;
  int depth[3] = {0, 0, 0};  // open <b>, <i>, <u>: one inside another of its kind keeps it on when it closes
  std::string run;
  for (std::size_t at = 0; at < text.size();) {
    const int tag = text[at] == '<' ? tag_at(at) : -1;
    if (tag < 0) {
      run += text[at++];
      continue;
    }
    if (!run.empty()) spans.push_back({std::move(run), style});
    run.clear();
    depth[tag % 3] += tag < 3 ? 1 : -1;
    style.bold = depth[0] > 0;
    style.italic = depth[1] > 0;
    style.underline = depth[2] > 0;
    at += tags[tag].size();
  }
  if (!run.empty()) spans.push_back({std::move(run), style});
  if (spans.empty()) spans.push_back({"", {}});
  return spans;
}

class JsonRecords : public nlohmann::json_sax<nlohmann::json> {
 public:
  // text: the file with each byte that is not UTF-8 widened to the UTF-8 of the Latin-1
  // character of that value (2 bytes), at the offsets `widened` (in text) lists; original:
  // the file as it was, which every position is given in.
  // document: the file is one document's data, an object (else an array of records).
  JsonRecords(std::string_view text, std::string_view original, std::vector<std::size_t> widened, const std::string& file,
              int max_depth, bool document = false)
      : text_(text), original_(original), widened_(std::move(widened)), file_(file), max_depth_(max_depth), document_(document) {}

  std::vector<Record> run() {
    cursor_ = text_.data();
    const TrackingIterator first(text_.data(), &cursor_), last(text_.data() + text_.size(), &cursor_);
    nlohmann::json::sax_parse(first, last, this);
    if (stop_) throw Error(*stop_);
    if (document_) {
      if (records_.empty()) {
        fail("data.json-document", "a document's JSON data is one object of fields: {\"template\": …, \"title\": …}", {file_, 1, 1});
      }
      if (records_.front().problem) throw Error(*records_.front().problem);
      return std::move(records_);
    }
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
    if ((!frames_.empty() && frames_.back().kind == Frame::top_array) || (document_ && frames_.empty())) {
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
      problem(formatted(Severity::error, "data.json-duplicate-key",
                        "the key '{}' is given twice in this object (the first at line {}, column {})",
                        {name, std::to_string(first->second.line), std::to_string(first->second.column)}, where,
                        {"keep the one to print: JSON keeps only one of them, and a second value would not be on the paper"}));
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
    if (frames_.empty() && document_) {
      fail("data.json-document", "a document's JSON data is one object of fields, not an array (an array of records is "
                                 "for vanban batch)", where);
    }
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
    stop_ = formatted(Severity::error, "data.json-syntax", "the JSON file cannot be read: {}", {reason},
                      location(position > 0 ? position - 1 : 0));
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
      stop_ = formatted(Severity::error, "limit.depth", "arrays and objects are nested more than {} deep here",
                        {std::to_string(max_depth_)}, where,
                        {"records are flat objects, with a few nested ones (recipient: {name, role}); raise the limit "
                         "with --max-depth"});
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
    record.problem = std::make_shared<const Diagnostic>(formatted(
        Severity::error, "data.json-records", "record {} is not an object of fields", {std::to_string(record.number)}, where));
  }

  void problem(Diagnostic diagnostic) {
    if (records_.empty() || records_.back().problem) return;
    if (!document_) diagnostic.record = records_.back().number;
    records_.back().problem = std::make_shared<const Diagnostic>(std::move(diagnostic));
  }

  // A value read: a field of the object it is in (under its key), or of the object around
  // the array it is in (under that array's key); a value that is a record is refused.
  bool value_done(std::optional<std::string> text) {
    const SourceLocation where = location(previous_start_);
    if (frames_.empty() || ignoring()) return true;  // a lone value instead of an array or object: refused after parsing
    if (frames_.back().kind == Frame::top_array) {
      not_an_object(where);
      return true;
    }
    if (!text) return true;
    std::string trimmed = trim_space(*text);
    if (trimmed.empty()) return true;
    Value value = text_value(std::move(trimmed), where);
    if (document_) value.text = emphasis_spans(value.text.front().text);
    place(std::move(value));
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
  bool document_ = false;
};

std::vector<Record> read_json(std::string_view bytes, const std::string& file_name, int max_depth, bool document = false) {
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
  return JsonRecords(text, bytes, std::move(widened), file_name, max_depth, document).run();
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
      record.problem = std::make_shared<const Diagnostic>(formatted(Severity::error, "data.xml-records",
                                                                    "record {} (<{}>) holds no fields",
                                                                    {std::to_string(record.number), field.name},
                                                                    record.fields->where));
    }
    records.push_back(std::move(record));
  }
  return records;
}

// ---- Excel workbooks -----------------------------------------------------------------------

std::vector<RawRow> read_xlsx(std::string_view bytes, const std::string& file_name, const std::string& sheet) {
  SheetTable table = read_sheet(bytes, file_name, sheet);
  std::vector<RawRow> rows;
  rows.reserve(table.rows.size());
  for (auto& sheet_row : table.rows) {
    RawRow row;
    row.line = sheet_row.row;
    for (auto& cell : sheet_row.cells) {
      RawCell raw{static_cast<std::uint32_t>(cell.column - 1), static_cast<std::uint32_t>(cell.column), std::move(cell.text), {}, {}, {}};
      if (!cell.problem.empty()) {
        raw.code = "data.xlsx-bad-cell";
        raw.problem = std::move(cell.problem);
        raw.problem_arguments = std::move(cell.problem_arguments);
      } else if (!cell.error.empty()) {
        raw.code = "data.xlsx-error-cell";
        raw.problem = "cell {} holds the error {} instead of a value";
        raw.problem_arguments = {cell.error};
      }
      row.cells.push_back(std::move(raw));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// ---- A table's header and columns (read_records.h) -----------------------------------------

// The start of a text, cut between characters, for showing a row.
std::string excerpt(const std::string& text, std::size_t bytes) {
  if (text.size() <= bytes) return text;
  std::size_t cut = bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "…";
}

// Headers every table may have, whatever the template: the list's numbering and the notes.
bool is_row_number_header(const std::string& key) {
  static const std::set<std::string> names{"stt", "so tt", "tt", "so thu tu", "thu tu"};
  return names.count(key) > 0;
}

bool is_note_header(const std::string& key) {
  static const std::set<std::string> names{"ghi chu", "chu thich", "ghi chu khac", "note", "notes"};
  return names.count(key) > 0;
}

class TableColumns {
 public:
  TableColumns(const ColumnOptions& options, const std::string& file) : options_(options), file_(file) {
    for (const auto& known : options.known) {
      for (std::size_t k = 0; k < known.names.size(); ++k) {
        by_name_.emplace(text::matching_key(known.names[k]), std::make_pair(&known, k == 0 ? "label" : "alias"));
      }
      by_name_.emplace(text::matching_key(known.field), std::make_pair(&known, "field name"));
    }
    for (const auto& [column, field] : options.map) map_.emplace(text::matching_key(column), field);
  }

  // What a header names; `matched` says whether it names something known (for finding the
  // header row), not a header taken as the field it spells.
  ColumnUse use_of(const std::string& header, bool& matched) const {
    ColumnUse use;
    use.header = header;
    matched = true;
    const std::string key = text::matching_key(header);
    if (header.empty()) {
      use.kind = ColumnUse::Kind::unnamed;
      matched = false;
    } else if (const auto mapped = map_.find(key); mapped != map_.end()) {
      use.by = "--map";
      if (mapped->second == "-") {
        use.kind = ColumnUse::Kind::left_out;
      } else {
        use.kind = mapped->second == "stt" ? ColumnUse::Kind::row_number : ColumnUse::Kind::field;
        use.field = mapped->second;
      }
    } else if (const auto* known = known_path(header)) {
      use.kind = ColumnUse::Kind::field;
      use.field = known->field;
      use.by = "field name";
    } else if (const auto named = by_name_.find(key); named != by_name_.end()) {
      use.kind = ColumnUse::Kind::field;
      use.field = named->second.first->field;
      use.by = named->second.second;
    } else if (is_row_number_header(key)) {
      use.kind = ColumnUse::Kind::row_number;
      use.field = "stt";
      use.by = "row numbers";
    } else if (is_note_header(key)) {
      use.kind = ColumnUse::Kind::note;
      use.by = "notes";
    } else {
      // Not a name vanban knows: the header is taken as the field it spells ("ho_ten",
      // "recipient/name"), as with no template; the template's check says if it is not one.
      use.kind = options_.known.empty() ? ColumnUse::Kind::field : ColumnUse::Kind::unknown;
      use.field = header;
      use.by = "as written";
      matched = false;
    }
    return use;
  }

  // How many of a row's cells name a column vanban knows.
  int score(const RawRow& row) const {
    int known = 0;
    for (const auto& cell : row.cells) {
      bool matched = false;
      if (cell.problem.empty()) use_of(cell.text, matched);
      known += matched ? 1 : 0;
    }
    return known;
  }

  void check_map(const TableLayout& layout, const SourceLocation& header_where) const {
    std::vector<Diagnostic> errors;
    for (const auto& [column, field] : options_.map) {
      const std::string key = text::matching_key(column);
      const bool present = std::any_of(layout.columns.begin(), layout.columns.end(),
                                       [&](const ColumnUse& use) { return text::matching_key(use.header) == key && !use.header.empty(); });
      if (!present) {
        std::vector<std::string> headers;
        for (const auto& use : layout.columns) {
          if (!use.header.empty()) headers.push_back(use.header);
        }
        std::vector<Hint> hints;
        if (const auto near = nearest_name(column, headers)) hints.push_back({"did you mean '{}'?", {*near}});
        errors.push_back(formatted(Severity::error, "data.column-map", "--map {}: the header row has no column '{}'",
                                   {column + "=" + field, column}, header_where, std::move(hints)));
      } else if (field != "-" && field != "stt" && !options_.known.empty() && !known_path(field)) {
        std::vector<std::string> fields;
        for (const auto& known : options_.known) fields.push_back(known.field);
        std::vector<Hint> hints;
        if (const auto near = nearest_name(field, fields)) hints.push_back({"did you mean '{}'?", {*near}});
        hints.push_back("`vanban templates NAME` lists the fields; '-' leaves a column out");
        errors.push_back(formatted(Severity::error, "data.column-map", "--map {}: the template has no field '{}'",
                                   {column + "=" + field, field}, header_where, std::move(hints)));
      }
    }
    if (!errors.empty()) throw Error(std::move(errors));
  }

 private:
  const ColumnNames* known_path(const std::string& header) const {
    std::string path = header;
    std::replace(path.begin(), path.end(), '.', '/');
    for (const auto& known : options_.known) {
      if (known.field == path) return &known;
    }
    return nullptr;
  }

  const ColumnOptions& options_;
  const std::string& file_;
  std::map<std::string, std::pair<const ColumnNames*, const char*>> by_name_;  // by matching key
  std::map<std::string, std::string> map_;                                     // --map, by matching key
};

// The rows the header is looked for in: a title, a "(Kèm theo …)" line, a date line, an empty
// merged banner are above it in the sheets clerks keep, never this many.
constexpr std::size_t header_search_rows = 30;

RecordFile table_records(std::vector<RawRow> rows, bool workbook, const std::string& file, const ColumnOptions& options) {
  const TableColumns columns(options, file);
  // The header row: the one given, or the first of the highest score (the first non-empty
  // row when none names a known column, as a table with no template's names has it).
  std::size_t header = 0;
  if (options.header_row > 0) {
    const auto given = std::find_if(rows.begin(), rows.end(), [&](const RawRow& row) { return row.line == options.header_row; });
    if (given == rows.end()) {
      fail_with("data.header-row",
                workbook ? "--header-row {}: row {} is empty or not in the file" : "--header-row {}: line {} is empty or not in the file",
                {std::to_string(options.header_row), std::to_string(options.header_row)}, {file, 1, 1},
                {"the header row is the one that names the columns: STT, Họ và tên, …"});
    }
    header = static_cast<std::size_t>(given - rows.begin());
  } else {
    int best = 0;
    for (std::size_t k = 0; k < std::min(rows.size(), header_search_rows); ++k) {
      const int score = columns.score(rows[k]);
      if (score > best) {
        best = score;
        header = k;
      }
    }
  }
  const RawRow& head = rows[header];
  TableLayout layout;
  layout.workbook = workbook;
  layout.header_row = head.line;
  std::vector<Diagnostic> above;
  for (std::size_t k = 0; k < header; ++k) {
    std::string text;
    for (const auto& cell : rows[k].cells) text += (text.empty() ? "" : " | ") + cell.text;
    const std::string row = (workbook ? "row " : "line ") + std::to_string(rows[k].line);
    layout.skipped.push_back(row + ": " + excerpt(text, 60));
    // A title, a "(Kèm theo …)" line is one (merged) cell; a row of several may be a record.
    if (rows[k].cells.size() > 1) {
      above.push_back(formatted(Severity::warning, "data.row-above-header",
                                workbook ? "row {} is above the header (row {}) and is not printed: {}"
                                         : "line {} is above the header (line {}) and is not printed: {}",
                                {std::to_string(rows[k].line), std::to_string(head.line), excerpt(text, 60)},
                                {file, rows[k].line, 1}, {"if it is a record, give the header's row with --header-row"}));
    }
  }
  // A workbook's cells are in column order as Excel writes them, but a damaged file may list
  // them in any order: the width is the rightmost header cell's.
  std::size_t width = head.width;
  if (workbook) {
    width = 0;
    for (const auto& cell : head.cells) width = std::max<std::size_t>(width, cell.index + 1);
  }
  layout.columns.resize(width);
  for (std::size_t k = 0; k < width; ++k) {
    layout.columns[k].kind = ColumnUse::Kind::unnamed;
    layout.columns[k].column = workbook ? column_letters(static_cast<int>(k) + 1) : std::to_string(k + 1);
    layout.columns[k].where = {file, head.line, workbook ? static_cast<int>(k) + 1 : 1};
  }
  for (const auto& cell : head.cells) {
    if (!cell.problem.empty()) continue;  // a header cell that cannot be read names no column
    bool matched = false;
    ColumnUse use = columns.use_of(cell.text, matched);
    use.column = layout.columns[cell.index].column;
    use.where = {file, head.line, static_cast<int>(cell.at)};
    layout.columns[cell.index] = std::move(use);
  }
  columns.check_map(layout, {file, head.line, 1});
  // Two columns feeding one field would print one of them, or make a list of a name.
  std::vector<Diagnostic> twice;
  for (std::size_t k = 0; k < width; ++k) {
    const ColumnUse& use = layout.columns[k];
    if (use.field.empty()) continue;
    for (std::size_t before = 0; before < k; ++before) {
      if (layout.columns[before].field != use.field) continue;
      const bool same_header = text::matching_key(use.header) == text::matching_key(layout.columns[before].header);
      twice.push_back(formatted(Severity::error, "data.column-twice", "columns {} ({}) and {} ({}) both feed the field {}",
                                {layout.columns[before].column, layout.columns[before].header, use.column, use.header, use.field},
                                use.where,
                                {same_header ? Hint("the sheet names the column twice: delete one, or rename it")
                                             : Hint("leave one out with --map '{}=-', or map it to another field", {use.header})}));
      break;
    }
  }
  if (!twice.empty()) throw Error(std::move(twice));

  auto fields = std::make_shared<std::vector<std::string>>(width);
  for (std::size_t k = 0; k < width; ++k) {
    const ColumnUse& use = layout.columns[k];
    if (use.kind == ColumnUse::Kind::field || use.kind == ColumnUse::Kind::row_number || use.kind == ColumnUse::Kind::unknown) {
      (*fields)[k] = use.field;
    }
  }
  const std::shared_ptr<const std::vector<std::string>> shared_fields = fields;

  RecordFile file_records;
  file_records.records.reserve(rows.size() - header - 1);
  for (std::size_t r = header + 1; r < rows.size(); ++r) {
    RawRow& row = rows[r];
    Record record;
    record.number = static_cast<int>(file_records.records.size()) + 1;
    record.where = {file, row.line, 1};
    record.columns = shared_fields;
    const auto problem = [&](std::string code, std::string format, std::vector<std::string> arguments, SourceLocation where,
                             std::vector<Hint> hints = {}) {
      if (!record.problem) {
        Diagnostic found = formatted(Severity::error, std::move(code), std::move(format), std::move(arguments), std::move(where),
                                     std::move(hints));
        found.record = record.number;
        record.problem = std::make_shared<const Diagnostic>(std::move(found));
      }
    };
    if (!workbook && row.width != width) {
      Diagnostic ragged = formatted(Severity::error, "data.csv-ragged", "record {} has {} cells where the header names {} columns",
                                    {std::to_string(record.number), std::to_string(row.width), std::to_string(width)},
                                    record.where,
                                    {"a cell that holds a comma or a line break must be in double quotes: \"Phường 1, thị xã\""});
      record.problem = std::make_shared<const Diagnostic>(std::move(ragged));
    }
    record.cells.reserve(row.cells.size());
    for (auto& cell : row.cells) {
      const SourceLocation where{file, row.line, static_cast<int>(cell.at)};
      // The cell, as the problem's first argument: "C12" of a workbook.
      const std::string cell_name = column_letters(static_cast<int>(cell.at)) + std::to_string(row.line);
      if (!cell.problem.empty()) {
        std::vector<std::string> arguments{cell_name};
        arguments.insert(arguments.end(), cell.problem_arguments.begin(), cell.problem_arguments.end());
        problem(cell.code, cell.problem, std::move(arguments), where);
      } else if (cell.index >= width || layout.columns[cell.index].kind == ColumnUse::Kind::unnamed) {
        if (workbook) {
          problem("data.xlsx-unnamed-column", "cell {} has a value in a column the header row does not name", {cell_name}, where,
                  {Hint("name the column in the header row (row {}), or clear the cell", {std::to_string(head.line)})});
        } else if (cell.index < width) {
          problem("data.csv-unnamed-column", "the cell in column {} has a value in a column the header row does not name",
                  {std::to_string(cell.index + 1)}, where,
                  {Hint("name the column in the header row (row {}), or clear the cell", {std::to_string(head.line)})});
        }
      } else if (!(*fields)[cell.index].empty()) {
        record.cells.push_back({cell.index, cell.at, std::move(cell.text)});
      }
    }
    file_records.records.push_back(std::move(record));
  }
  file_records.table = std::move(layout);
  file_records.warnings = std::move(above);
  return file_records;
}

}  // namespace

std::optional<RecordFormat> record_format_of(std::string_view file_name) {
  const auto dot = file_name.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::string extension(file_name.substr(dot + 1));
  std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
  if (extension == "csv" || extension == "tsv" || extension == "txt") return RecordFormat::csv;  // .txt: Excel's "Unicode Text"
  if (extension == "json") return RecordFormat::json;
  if (extension == "xml") return RecordFormat::xml;
  if (extension == "xlsx") return RecordFormat::xlsx;
  return std::nullopt;
}

RecordFile read_record_file(std::string_view bytes, RecordFormat format, const std::string& file_name,
                            const ReadOptions& options) {
  switch (format) {
    case RecordFormat::xlsx: return table_records(read_xlsx(bytes, file_name, options.sheet), true, file_name, options.columns);
    case RecordFormat::csv:
      return table_records(CsvReader(bytes, file_name, options.delimiter).run(), false, file_name, options.columns);
    case RecordFormat::json: return {read_json(bytes, file_name, options.max_depth), std::nullopt, {}};
    case RecordFormat::xml: return {read_xml(bytes, file_name, options.max_depth), std::nullopt, {}};
  }
  return {};
}

DataTree read_json_data(std::string_view json, const std::string& file_name, int max_depth) {
  auto records = read_json(json, file_name, max_depth, true);
  DataTree tree;
  tree.root_name = "document";
  tree.root = *records.front().fields;
  // "template" names the template, as the XML root's attribute does: not a field of the document.
  for (auto& field : tree.root.fields) {
    if (field.name == "template") field.is_attribute = true;
  }
  return tree;
}

std::vector<Record> read_records(std::string_view bytes, RecordFormat format, const std::string& file_name,
                                 const std::string& sheet, int max_depth) {
  ReadOptions options;
  options.sheet = sheet;
  options.max_depth = max_depth;
  return read_record_file(bytes, format, file_name, options).records;
}

Value fields_of(const Record& record) {
  if (!record.columns) return record.fields ? *record.fields : map_value(record.where);
  Value fields = map_value(record.where);
  for (const auto& cell : record.cells) {
    if ((*record.columns)[cell.column].empty()) continue;
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
