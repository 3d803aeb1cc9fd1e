// Records from an Excel workbook (.xlsx, Office Open XML SpreadsheetML, ECMA-376 Part 1,
// §18): a zip archive (libzip, opened on first use: data/zip_library.h) of XML parts
// (pugixml). A sheet's non-empty rows are read as they are; read_records finds the one that
// names the columns. Cells are read as Excel shows them: shared and inline strings, numbers without a trailing ".0", dates (a number in a date
// format) as YYYY-MM-DD, TRUE and FALSE. A cell holding an error (#REF!, #N/A) makes its
// record fail rather than print the error's text.
#include "data/read_workbook.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <cctype>
#include <sstream>

#include <pugixml.hpp>

#include "base/prose.h"
#include "data/zip_library.h"
#include "text/unicode.h"

namespace vanban::data {

namespace {

// The parts of a workbook we read may not unpack to more than this, all together: a guard
// against a zip bomb, whose few kilobytes unpack to gigabytes.
constexpr zip_uint64_t max_part_size = 256u << 20;

class Workbook {
 public:
  // writable: the archive may be changed and written out (written_bytes).
  Workbook(std::string_view bytes, const std::string& file_name, bool writable = false) : file_(file_name) {
    zip_error_t error;
    zip_.error_init(&error);
    zip_source_t* source = zip_.source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source) {
      if (writable) zip_.source_keep(source);
      archive_ = zip_.open_from_source(source, writable ? 0 : ZIP_RDONLY, &error);
    }
    if (archive_ && writable) source_ = source;
    if (!archive_) {
      if (writable && source) zip_.source_free(source);
      if (source) zip_.source_free(source);
      zip_.error_fini(&error);
      fail("data.xlsx-not-zip",
           "the file is not an .xlsx workbook: it is not a zip archive (save the spreadsheet as \"Excel Workbook "
           "(.xlsx)\", or as \"CSV UTF-8\" and name it .csv)",
           {file_, 1, 1});
    }
    zip_.error_fini(&error);
  }
  ~Workbook() {
    if (archive_) zip_.discard(archive_);
    if (source_) zip_.source_free(source_);
  }

  zip_t* archive() const { return archive_; }

  // Replaces a part's bytes, keeping its time.
  void replace(const std::string& name, std::string bytes) {
    const zip_int64_t index = zip_.name_locate(archive_, name.c_str(), 0);
    zip_stat_t stat;
    zip_.stat_init(&stat);
    zip_.stat_index(archive_, static_cast<zip_uint64_t>(index), 0, &stat);
    kept_.push_back(std::move(bytes));
    zip_source_t* part = zip_.source_buffer(archive_, kept_.back().data(), kept_.back().size(), 0);
    if (!part || zip_.file_replace(archive_, static_cast<zip_uint64_t>(index), part, 0) != 0) {
      if (part) zip_.source_free(part);
      fail_with("data.xlsx-part", "the workbook's part {} cannot be written again", {name}, {file_, 1, 1});
    }
    if (stat.valid & ZIP_STAT_MTIME) zip_.file_set_mtime(archive_, static_cast<zip_uint64_t>(index), stat.mtime, 0);
  }

  // Writes the changed archive out and returns its bytes.
  std::string written_bytes() {
    if (zip_.close(archive_) != 0) fail("data.xlsx-part", "the workbook cannot be written again", {file_, 1, 1});
    archive_ = nullptr;
    zip_stat_t stat;
    zip_.stat_init(&stat);
    std::string out;
    if (zip_.source_stat(source_, &stat) == 0 && zip_.source_open(source_) == 0) {
      out.resize(static_cast<std::size_t>(stat.size));
      const zip_int64_t read = zip_.source_read(source_, out.data(), stat.size);
      zip_.source_close(source_);
      if (read != static_cast<zip_int64_t>(stat.size)) out.clear();
    }
    if (out.empty()) fail("data.xlsx-part", "the workbook cannot be written again", {file_, 1, 1});
    return out;
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  bool has(const std::string& name) const { return zip_.name_locate(archive_, name.c_str(), 0) >= 0; }

  // A part of the archive as an XML document; a missing part is an error naming it.
  pugi::xml_document xml(const std::string& name, unsigned flags = pugi::parse_default | pugi::parse_ws_pcdata_single) const {
    zip_stat_t stat;
    zip_.stat_init(&stat);
    if (zip_.stat(archive_, name.c_str(), 0, &stat) != 0) {
      fail_with("data.xlsx-part", "the workbook has no part {}: it is not a complete .xlsx file", {name}, {file_, 1, 1});
    }
    // The parts read so far count together: a bomb spread over many parts is stopped too.
    if (!(stat.valid & ZIP_STAT_SIZE) || stat.size > max_part_size - unpacked_) {
      fail("data.xlsx-part", "the workbook's parts unpack to more than 256 MB", {file_, 1, 1});
    }
    unpacked_ += stat.size;
    std::string text(static_cast<std::size_t>(stat.size), '\0');
    zip_file_t* part = zip_.fopen(archive_, name.c_str(), 0);
    const zip_int64_t read = part ? zip_.fread(part, text.data(), stat.size) : -1;
    if (part) zip_.fclose(part);
    if (read != static_cast<zip_int64_t>(stat.size)) {
      fail_with("data.xlsx-part", "the workbook's part {} cannot be unpacked: the file is damaged", {name}, {file_, 1, 1});
    }
    pugi::xml_document document;
    // No DOCTYPE processing: pugixml never loads external entities.
    const auto parsed = document.load_buffer(text.data(), text.size(), flags);
    if (!parsed) {
      fail_with("data.xlsx-part", "the workbook's part {} is not well-formed XML: {}", {name, parsed.description()},
           {file_, 1, 1});
    }
    return document;
  }

 private:
  const std::string& file_;
  const ZipLibrary& zip_ = zip_library(file_);
  zip_t* archive_ = nullptr;
  zip_source_t* source_ = nullptr;  // writable: where the archive is written
  mutable zip_uint64_t unpacked_ = 0;  // bytes of the parts read so far
  std::vector<std::string> kept_;   // replaced parts' bytes, alive until written
};

// The element's own name without its namespace prefix ("x:row" and "row" alike).
std::string_view local_name(const pugi::xml_node& node) {
  std::string_view name = node.name();
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::vector<pugi::xml_node> children(const pugi::xml_node& parent, std::string_view name) {
  std::vector<pugi::xml_node> found;
  for (const auto& child : parent.children()) {
    if (local_name(child) == name) found.push_back(child);
  }
  return found;
}

pugi::xml_node child(const pugi::xml_node& parent, std::string_view name) {
  for (const auto& c : parent.children()) {
    if (local_name(c) == name) return c;
  }
  return {};
}

// An attribute by its local name ("r:id" is found as "id").
pugi::xml_attribute attribute(const pugi::xml_node& node, std::string_view name) {
  for (const auto& a : node.attributes()) {
    std::string_view full = a.name();
    const auto colon = full.find(':');
    if ((colon == std::string_view::npos ? full : full.substr(colon + 1)) == name) return a;
  }
  return {};
}

// A rich or plain string item (<si>, <is>): its <t> texts in order, phonetic runs left out.
std::string string_item(const pugi::xml_node& item) {
  std::string text;
  for (const auto& part : item.children()) {
    if (local_name(part) == "t") text += part.text().get();
    if (local_name(part) == "r") text += child(part, "t").text().get();
  }
  return text;
}

// Built-in number formats that show a date (ECMA-376 Part 1, §18.8.30), and custom ones whose
// code has a day, month or year outside quotes and brackets, and is not only a time.
bool is_date_format(int id, const std::string& code) {
  if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return true;
  if (code.empty()) return false;
  bool quoted = false, bracket = false;
  for (char c : code) {
    if (c == '"') quoted = !quoted;
    else if (!quoted && c == '[') bracket = true;
    else if (!quoted && c == ']') bracket = false;
    else if (!quoted && !bracket && (c == 'd' || c == 'D' || c == 'y' || c == 'Y')) return true;
  }
  return false;
}

// A date serial as YYYY-MM-DD: days since 1899-12-30 (1900 system, Excel's 1900 leap-year
// bug included: serials before 61 are one day off and are not dates anyone types today), or
// since 1904-01-01. Days to a civil date: Hinnant's days_from_civil inverse.
std::string iso_date(double serial, bool system_1904) {
  long long days = static_cast<long long>(std::floor(serial)) + (system_1904 ? 24107 : -25569);  // to 1970-01-01
  days += 719468;
  const long long era = (days >= 0 ? days : days - 146096) / 146097;
  const long long doe = days - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  const long long day = doy - (153 * mp + 2) / 5 + 1;
  const long long month = mp < 10 ? mp + 3 : mp - 9;
  const long long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  char text[64];
  std::snprintf(text, sizeof text, "%04lld-%02lld-%02lld", year, month, day);
  return text;
}

// A number as Excel's General format shows it: at most 15 significant digits, no trailing
// zeros ("101", "2.5").
std::string general_number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.15g", value);
  return text;
}

// The largest sheet Excel makes: columns A to XFD, rows 1 to 1,048,576 (ECMA-376, §18.3.1.4).
constexpr int last_column = 16384, last_row = 1048576;

// "C12" -> column 3 (1-based), row 12; 0 where absent. A reference beyond the largest sheet,
// or with other characters, is a damaged file: the fuzzer found columns that overflowed.
std::pair<int, int> cell_position(std::string_view reference, const std::string& file_name) {
  int column = 0, row = 0;
  std::size_t k = 0;
  const auto bad = [&]() -> std::pair<int, int> {
    fail_with("data.xlsx-part", "the cell reference '{}' is not a cell of a sheet (A1 to XFD1048576): the file is damaged",
              {std::string(reference.substr(0, 20))}, {file_name, 1, 1});
  };
  for (; k < reference.size() && std::isalpha(static_cast<unsigned char>(reference[k])); ++k) {
    column = column * 26 + (std::toupper(static_cast<unsigned char>(reference[k])) - 'A' + 1);
    if (column > last_column) return bad();
  }
  for (; k < reference.size() && std::isdigit(static_cast<unsigned char>(reference[k])); ++k) {
    row = row * 10 + (reference[k] - '0');
    if (row > last_row) return bad();
  }
  if (k != reference.size() || column == 0) return bad();
  return {column, row};
}


}  // namespace

std::string column_letters(int column) {
  std::string letters;
  for (; column > 0; column = (column - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (column - 1) % 26));
  return letters;
}

SheetTable read_sheet(std::string_view bytes, const std::string& file_name, const std::string& sheet_name) {
  const Workbook workbook(bytes, file_name);
  const auto book = workbook.xml("xl/workbook.xml");
  const auto book_root = book.document_element();
  const bool system_1904 = std::string_view(attribute(child(book_root, "workbookPr"), "date1904").value()) == "1" ||
                           std::string_view(attribute(child(book_root, "workbookPr"), "date1904").value()) == "true";

  // The sheet: the first, or the one named; its part through the workbook's relationships.
  const auto sheets = children(child(book_root, "sheets"), "sheet");
  if (sheets.empty()) fail("data.xlsx-sheet", "the workbook has no sheets", {file_name, 1, 1});
  auto sheet = sheets.front();
  if (!sheet_name.empty()) {
    auto named = std::find_if(sheets.begin(), sheets.end(),
                              [&](const auto& s) { return sheet_name == s.attribute("name").value(); });
    // As a clerk types it: in NFD (as macOS gives it), without its marks or in other case
    // ("Ca nhan" for "Cá nhân"), when only one sheet is named so.
    if (named == sheets.end()) {
      const std::string key = text::matching_key(sheet_name);
      const auto same = [&](const auto& s) { return text::matching_key(s.attribute("name").value()) == key; };
      if (std::count_if(sheets.begin(), sheets.end(), same) == 1) named = std::find_if(sheets.begin(), sheets.end(), same);
    }
    if (named == sheets.end()) {
      std::string names;
      for (const auto& s : sheets) names += std::string(names.empty() ? "" : ", ") + "\"" + s.attribute("name").value() + "\"";
      fail_with("data.xlsx-sheet", "the workbook has no sheet \"{}\"; its sheets are {}", {sheet_name, names}, {file_name, 1, 1});
    }
    sheet = *named;
  }
  const std::string relation = attribute(sheet, "id").value();
  std::string target;
  const auto relations = workbook.xml("xl/_rels/workbook.xml.rels");
  for (const auto& r : children(relations.document_element(), "Relationship")) {
    if (relation == r.attribute("Id").value()) target = r.attribute("Target").value();
  }
  if (target.empty()) {
    fail_with("data.xlsx-part", "the workbook does not say where its sheet \"{}\" is stored",
              {sheet.attribute("name").value()}, {file_name, 1, 1});
  }
  const std::string part = target.front() == '/' ? target.substr(1) : "xl/" + target;

  std::vector<std::string> shared;
  if (workbook.has("xl/sharedStrings.xml")) {
    const auto strings = workbook.xml("xl/sharedStrings.xml");
    for (const auto& item : children(strings.document_element(), "si")) shared.push_back(string_item(item));
  }
  std::vector<bool> date_style;  // by cell style index (the s attribute)
  if (workbook.has("xl/styles.xml")) {
    const auto styles = workbook.xml("xl/styles.xml");
    std::map<int, std::string> codes;
    for (const auto& format : children(child(styles.document_element(), "numFmts"), "numFmt")) {
      codes[format.attribute("numFmtId").as_int()] = format.attribute("formatCode").value();
    }
    for (const auto& xf : children(child(styles.document_element(), "cellXfs"), "xf")) {
      const int id = xf.attribute("numFmtId").as_int();
      date_style.push_back(is_date_format(id, codes.count(id) ? codes[id] : std::string()));
    }
  }

  const auto sheet_xml = workbook.xml(part);
  SheetTable table;
  int row_number = 0;
  for (const auto& row : children(child(sheet_xml.document_element(), "sheetData"), "row")) {
    row_number = row.attribute("r") ? row.attribute("r").as_int() : row_number + 1;
    if (row_number < 1 || row_number > last_row) {
      fail_with("data.xlsx-part", "a row is numbered {}, outside 1 to 1048576: the file is damaged",
                {row.attribute("r").value()}, {file_name, 1, 1});
    }
    SheetRow read;
    read.row = row_number;
    int next_column = 1;
    for (const auto& c : children(row, "c")) {
      SheetCell cell;
      const auto reference = c.attribute("r");
      cell.column = reference ? cell_position(reference.value(), file_name).first : next_column;
      if (cell.column > last_column) {
        fail("data.xlsx-part", "a row has cells beyond column XFD, the last: the file is damaged", {file_name, 1, 1});
      }
      next_column = cell.column + 1;
      cell.where = {file_name, row_number, cell.column};
      cell.name = column_letters(cell.column) + std::to_string(row_number);
      const std::string type = c.attribute("t").value();
      const std::string value = child(c, "v").text().get();
      if (type == "s") {
        const bool digits = !value.empty() && value.size() < 10 && value.find_first_not_of("0123456789") == std::string::npos;
        const std::size_t index = digits ? static_cast<std::size_t>(std::stoull(value)) : shared.size();
        if (index < shared.size()) {
          cell.text = shared[index];
        } else {
          cell.problem = "cell {} refers to the shared string '{}', which the workbook does not have: the file is damaged";
          cell.problem_arguments = {value.substr(0, 20)};
        }
      } else if (type == "inlineStr") {
        cell.text = string_item(child(c, "is"));
      } else if (type == "str" || type == "d") {
        cell.text = value;
      } else if (type == "b") {
        cell.text = value == "1" ? "TRUE" : "FALSE";
      } else if (type == "e") {
        cell.error = value;
      } else if (!value.empty()) {
        char* end = nullptr;
        const double number = std::strtod(value.c_str(), &end);
        const auto style = static_cast<std::size_t>(c.attribute("s").as_int());
        const bool is_date = style < date_style.size() && date_style[style];
        if (end == value.c_str() || *end != '\0' || !std::isfinite(number)) {
          cell.problem = "cell {} holds '{}', which is not a number: the file is damaged";
          cell.problem_arguments = {value.substr(0, 20)};
        } else if (is_date && (number < 0 || number >= 2958466)) {
          // Excel's dates run from 1900 (serial 0) to 9999-12-31 (serial 2,958,465).
          cell.problem = "cell {} holds the date serial {}, which is no date Excel can show: the file is damaged";
          cell.problem_arguments = {general_number(number)};
        } else {
          cell.text = is_date ? iso_date(number, system_1904) : general_number(number);
        }
      }
      cell.text = trim_space(cell.text);
      if (!cell.text.empty() || !cell.error.empty() || !cell.problem.empty()) read.cells.push_back(std::move(cell));
    }
    if (!read.cells.empty()) table.rows.push_back(std::move(read));
  }
  if (table.rows.empty()) {
    fail_with("data.xlsx-header", "the sheet \"{}\" is empty: a row should name the columns, and the rows below it hold "
              "the records", {sheet.attribute("name").value()}, {file_name, 1, 1});
  }
  return table;
}

}  // namespace vanban::data

namespace vanban::data {

namespace {

std::string saved(const pugi::xml_document& document) {
  std::ostringstream out;
  document.save(out, "", pugi::format_raw, pugi::encoding_utf8);
  return out.str();
}

// The text runs of a string item (<si>, <is>): its <t>, and the <t> of each rich run <r>.
std::vector<pugi::xml_node> text_runs(const pugi::xml_node& item) {
  std::vector<pugi::xml_node> runs;
  for (const auto& part : item.children()) {
    if (local_name(part) == "t") runs.push_back(part);
    if (local_name(part) == "r") runs.push_back(child(part, "t"));
  }
  return runs;
}

}  // namespace

std::string rewrite_workbook_texts(
    std::string_view bytes, const std::string& file_name,
    const std::function<std::optional<std::string>(const std::string& text, const SourceLocation& where)>& convert) {
  Workbook workbook(bytes, file_name, true);
  constexpr unsigned flags = pugi::parse_default | pugi::parse_declaration | pugi::parse_ws_pcdata;
  // Every sheet's part, through the workbook's relationships.
  const auto book = workbook.xml("xl/workbook.xml");
  const auto relations = workbook.xml("xl/_rels/workbook.xml.rels");
  std::vector<std::string> sheet_parts;
  for (const auto& sheet : children(child(book.document_element(), "sheets"), "sheet")) {
    const std::string relation = attribute(sheet, "id").value();
    for (const auto& r : children(relations.document_element(), "Relationship")) {
      if (relation != r.attribute("Id").value()) continue;
      const std::string target = r.attribute("Target").value();
      if (!target.empty()) sheet_parts.push_back(target.front() == '/' ? target.substr(1) : "xl/" + target);
    }
  }
  const auto convert_runs = [&](const std::vector<pugi::xml_node>& runs, const SourceLocation& where) {
    bool changed = false;
    for (const auto& run : runs) {
      if (const auto converted = convert(run.text().get(), where)) {
        pugi::xml_node node = run;
        node.text().set(converted->c_str());
        changed = true;
      }
    }
    return changed;
  };
  // The sheets: the first cell of each shared string, and the inline strings converted.
  std::map<std::size_t, SourceLocation> first_use;
  for (const auto& part : sheet_parts) {
    if (!workbook.has(part)) continue;
    pugi::xml_document sheet = workbook.xml(part, flags);
    bool changed = false;
    for (const auto& row : children(child(sheet.document_element(), "sheetData"), "row")) {
      for (const auto& c : children(row, "c")) {
        const auto reference = c.attribute("r");
        const auto [column, row_number] = reference ? cell_position(reference.value(), file_name) : std::pair{0, 0};
        const SourceLocation where{file_name, row_number, column};
        const std::string type = c.attribute("t").value();
        if (type == "s") {
          const std::string value = child(c, "v").text().get();
          if (!value.empty() && value.size() < 10 && value.find_first_not_of("0123456789") == std::string::npos) {
            first_use.emplace(static_cast<std::size_t>(std::stoull(value)), where);
          }
        } else if (type == "inlineStr") {
          changed = convert_runs(text_runs(child(c, "is")), where) || changed;
        }
      }
    }
    if (changed) workbook.replace(part, saved(sheet));
  }
  if (workbook.has("xl/sharedStrings.xml")) {
    pugi::xml_document strings = workbook.xml("xl/sharedStrings.xml", flags);
    bool changed = false;
    std::size_t index = 0;
    for (const auto& item : children(strings.document_element(), "si")) {
      const auto found = first_use.find(index++);
      const SourceLocation where = found != first_use.end() ? found->second : SourceLocation{file_name, 0, 0};
      changed = convert_runs(text_runs(item), where) || changed;
    }
    if (changed) workbook.replace("xl/sharedStrings.xml", saved(strings));
  }
  return workbook.written_bytes();
}

}  // namespace vanban::data
