#include "pipeline/batch.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cctype>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "base/files.h"
#include "base/spelling.h"
#include "data/read_records.h"
#include "output/pdf_writer.h"
#include "data/data_input.h"
#include "mustache/template_tags.h"
#include "catalogue/templates.h"
#include "text/unicode.h"

namespace vanban::pipeline {

namespace fs = std::filesystem;

namespace {

// A record's document: its own fields, each value judged alone and converted where
// --input-encoding asks (data_input.h), over the common ones. findings gets what the
// judging found: errors that stop this record, and the conversions.
std::size_t text_bytes(const data::Value& value) {
  std::size_t bytes = 0;
  for (const auto& span : value.text) bytes += span.text.size();
  for (const auto& field : value.fields) bytes += field.name.size() + text_bytes(field.get());
  return bytes;
}

// A record is one document: its values may be as large as a document's data file, no larger
// (a 1 GB spreadsheet may hold a 100 MB cell, which no page could take and laying it out
// would exhaust the memory). The record fails alone, before its layout.
void check_record_size(const data::Value& fields, const data::Record& record, const BatchOptions& options) {
  const std::size_t bytes = text_bytes(fields), limit = options.generate.limits.max_input_bytes;
  if (bytes <= limit) return;
  fail_with("limit.record-size", "its values are {} of text, more than the {} a document's data may be",
            {format_megabytes(bytes), format_megabytes(limit)}, record.where, {"look for a cell that holds a whole file; raise the limit with --max-input-mb"});
}

data::DataTree record_tree(const data::Value& common, const data::Record& record, const BatchOptions& options,
                           const std::string& records_name, std::vector<Diagnostic>* findings = nullptr) {
  data::Value fields = data::fields_of(record);
  check_record_size(fields, record, options);
  auto found = data::check_value_encodings(fields, options.generate.input_encoding, records_name);
  data::apply_capitals_fonts(fields);
  if (findings) *findings = std::move(found);
  data::DataTree tree;
  tree.root_name = "document";
  tree.root = data::with_common(common, fields);
  tree.root.where = record.where;
  return tree;
}

// Says which record a diagnostic is about, so that a message stands on its own in a report.
Diagnostic about_record(Diagnostic diagnostic, int number) {
  diagnostic.record = number;
  return diagnostic;
}

// The field paths a --name pattern reads: "{{stt}}-{{recipient.name}}" -> stt, recipient/name.
std::vector<std::string> fields_in_pattern(const std::string& pattern) {
  using Kind = mustache::TemplateTag::Kind;
  std::vector<std::string> fields;
  for (auto tag : mustache::scan_template_tags(pattern).tags) {
    if (tag.kind == Kind::comment || tag.kind == Kind::partial || tag.kind == Kind::set_delimiter ||
        tag.kind == Kind::section_end || tag.name.empty() || tag.name == ".") {
      continue;
    }
    std::replace(tag.name.begin(), tag.name.end(), '.', '/');
    fields.push_back(std::move(tag.name));
  }
  return fields;
}

// Who or what a record is for, for the report: its first field named "name" (recipient/name),
// else its first value other than the row number. A table's row is read from its cells, not
// made into a map again (the batch makes its map once, for printing).
bool is_name_path(const std::string& path) {
  return path == "name" || (path.size() > 5 && path.compare(path.size() - 5, 5, "/name") == 0);
}

std::string first_named(const data::Value& value, bool want_name, const std::string& name = {}) {
  if (value.kind == data::Value::Kind::text) return (!want_name || name == "name") && name != "stt" ? value.plain_text() : "";
  for (const auto& field : value.fields) {
    for (const auto& item : field.value) {
      if (std::string found = first_named(item, want_name, field.name); !found.empty()) return found;
    }
  }
  return {};
}

std::string record_name(const data::Record& record) {
  if (!record.columns) {
    if (!record.fields) return {};
    std::string name = first_named(*record.fields, true);
    return name.empty() ? first_named(*record.fields, false) : name;
  }
  const auto& columns = *record.columns;
  for (const auto& cell : record.cells) {
    if (is_name_path(columns[cell.column])) return cell.text;
  }
  // A table with a name column whose cell is empty has no name to give: not another value.
  if (std::any_of(columns.begin(), columns.end(), is_name_path)) return {};
  for (const auto& cell : record.cells) {
    if (columns[cell.column] != "stt") return cell.text;
  }
  return {};
}

// The names the template gives its fields' columns (label and aliases, template.xml), and
// every field it prints, so that a header that spells a field's path is known too.
std::vector<data::ColumnNames> column_names(const catalogue::TemplateInfo& info) {
  std::vector<data::ColumnNames> names;
  for (const auto& field : info.fields) {
    if (field.kind == check::FieldKind::group) continue;
    data::ColumnNames column{field.path, {}};
    if (!field.label.empty()) column.names.push_back(field.label);
    column.names.insert(column.names.end(), field.aliases.begin(), field.aliases.end());
    names.push_back(std::move(column));
  }
  return names;
}

data::RecordFile read_batch_records(const Core& core, const BatchOptions& options, const BatchInput& input,
                                    data::RecordFormat format) {
  const Limits& limits = options.generate.limits;
  data::ReadOptions read;
  read.sheet = options.sheet;
  read.max_depth = limits.max_depth;
  read.columns.known = column_names(catalogue::load_template_info(core.find(options.generate.template_name)));
  read.columns.map = options.column_map;
  read.columns.header_row = options.header_row;
  read.delimiter = options.delimiter;
  if (input.records.size() > limits.max_records_bytes) {
    fail_input_size(input.records_name, input.records.size(), limits.max_records_bytes);
  }
  // A workbook is a zip; the other formats are text, perhaps with a BOM or in UTF-16 (Excel's
  // "Unicode Text"). Legacy text is judged record by record, value by value (record_tree).
  if (format == data::RecordFormat::xlsx) return data::read_record_file(input.records, format, input.records_name, read);
  return data::read_record_file(text::decode_text_file(input.records).text, format, input.records_name, read);
}

// A complete PDF, as --resume trusts one: it starts "%PDF-", and ends with "startxref", the
// offset of its cross-reference table and "%%EOF"; the table is there, whole (its last entry
// points at that object), and the trailer after it names the document's root. Every file is
// renamed into place only once written whole, so anything less is a file someone else cut.
bool is_complete_pdf(const fs::path& path) {
  std::error_code error;
  const auto size = fs::file_size(path, error);
  if (error || size < 64 || size > (std::uintmax_t{256} << 20) || fs::is_symlink(fs::symlink_status(path, error))) return false;
  std::string bytes;
  try {
    bytes = read_file(path.string(), std::size_t{256} << 20);
  } catch (const Error&) {
    return false;
  }
  if (bytes.compare(0, 5, "%PDF-") != 0) return false;
  const auto marker = bytes.rfind("startxref");
  if (marker == std::string::npos || bytes.find("%%EOF", marker) == std::string::npos) return false;
  const std::size_t xref = std::strtoull(bytes.c_str() + marker + 9, nullptr, 10);
  if (xref == 0 || xref >= marker || bytes.compare(xref, 4, "xref") != 0) return false;
  // "xref\n0 N\n" then N entries of 20 bytes, the trailer after them.
  std::size_t first = 0, count = 0;
  if (std::sscanf(bytes.c_str() + xref + 4, "%zu %zu", &first, &count) != 2 || count == 0) return false;
  const auto table = bytes.find('\n', bytes.find_first_of("0123456789", xref + 4));
  if (table == std::string::npos || table + 1 + count * 20 > marker) return false;
  const std::size_t last_entry = table + 1 + (count - 1) * 20;
  const std::size_t last_offset = std::strtoull(bytes.c_str() + last_entry, nullptr, 10);
  const std::string last_object = std::to_string(first + count - 1) + " 0 obj";
  if (bytes.compare(last_offset, last_object.size(), last_object) != 0) return false;
  const auto trailer = bytes.find("trailer", table + 1 + count * 20 - 1);
  return trailer != std::string::npos && trailer < marker && bytes.find("/Root", trailer) < marker;
}

// The temporary files a run killed between writing and renaming left in the folder
// (".NAME.pdf.XXXXXX", base/files.h): --resume removes them, as it redoes their records.
void remove_temporary_files(const std::string& out_dir) {
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(out_dir, error)) {
    const std::string name = entry.path().filename().string();
    const auto dot = name.rfind('.');
    const bool temporary = name.size() > 12 && name.front() == '.' && dot != std::string::npos && name.size() - dot == 7 &&
                           name.compare(dot - 4, 4, ".pdf") == 0;
    if (temporary && entry.is_regular_file(error)) fs::remove(entry.path(), error);
  }
}

// The text of the field at path ("recipient/name") of a map, if it has one.
std::optional<std::string> text_at(const data::Value& map, std::string_view path) {
  const data::Value* value = &map;
  for (std::size_t from = 0; value && from <= path.size();) {
    const std::size_t slash = std::min(path.find('/', from), path.size());
    value = value->kind == data::Value::Kind::map ? value->find(path.substr(from, slash - from)) : nullptr;
    from = slash + 1;
  }
  if (!value || value->kind != data::Value::Kind::text) return std::nullopt;
  return value->plain_text();
}

// The output names of the records, in input order, before any work is done: so they do not
// depend on which worker finishes first, and a second record with the same name gets
// "-2", never the first one's file. Names are compared without case (FAT, NTFS, macOS).
// Every record of the file is named, whatever the shard, so that shards sharing a folder
// agree on the names.
std::vector<std::string> output_names(const BatchOptions& options, const data::Value& common,
                                      const std::vector<data::Record>& records, const std::string& records_name,
                                      bool wanted) {
  std::vector<std::string> names(records.size());
  if (!wanted) return names;
  const mustache::Template pattern{.name = "--name", .file = "--name", .text = options.name_pattern};
  // A pattern of text and plain tags ({{recipient.name}}-{{number}}.pdf, as nearly all are)
  // is filled in directly, its fields looked up in the record: 100,000 records are named in
  // a fraction of the time a rendering of each would take. Sections go through Mustache.
  using Kind = mustache::TemplateTag::Kind;
  const auto scan = mustache::scan_template_tags(options.name_pattern);
  const bool plain = !scan.problem && std::all_of(scan.tags.begin(), scan.tags.end(), [](const mustache::TemplateTag& tag) {
    return (tag.kind == Kind::variable || tag.kind == Kind::unescaped || tag.kind == Kind::comment) && tag.name != ".";
  });
  std::map<std::string, std::size_t> column_of;  // a table's columns, by name, for the plain patterns
  if (plain && !records.empty() && records.front().columns) {
    for (std::size_t c = 0; c < records.front().columns->size(); ++c) column_of.emplace((*records.front().columns)[c], c);
  }
  const auto fill = [&](const data::Record& record) {
    std::string out;
    std::size_t at = 0;
    for (const auto& tag : scan.tags) {
      out += options.name_pattern.substr(at, tag.begin - at);
      at = tag.end;
      if (tag.kind == Kind::comment) continue;
      std::string path = tag.name;
      std::replace(path.begin(), path.end(), '.', '/');
      std::optional<std::string> value;
      if (record.columns) {
        if (const auto found = column_of.find(path); found != column_of.end()) {
          for (const auto& cell : record.cells) {
            if (cell.column == found->second) value = cell.text;
          }
        }
      } else if (record.fields) {
        value = text_at(*record.fields, path);
      }
      if (!value) value = text_at(common, path);
      if (!value && path == "number") value = std::to_string(record.number);
      if (value && options.generate.input_encoding) {
        if (auto converted = text::convert_value(*value, *options.generate.input_encoding)) value = std::move(converted);
      }
      out += value.value_or("");
    }
    return out + options.name_pattern.substr(at);
  };
  std::set<std::string> used;
  for (std::size_t k = 0; k < records.size(); ++k) {
    const auto& record = records[k];
    std::string filled;
    if (plain) {
      filled = fill(record);
    } else {
      data::DataTree tree = record_tree(common, record, options, records_name);
      if (!tree.root.find("number")) {  // {{number}}: the record's number, unless it has its own
        tree.root.fields.push_back({"number", false, {data::Value{data::Value::Kind::text,
                                                                  {{std::to_string(record.number), {}}}, {},
                                                                  record.where}}});
      }
      filled = mustache::markup_to_plain(mustache::render_template(pattern, tree).markup);
    }
    std::string name = safe_file_name(filled, options.ascii_names);
    // Every file is a PDF: ".pdf" is added unless the pattern wrote it (a name may hold a
    // dot of its own: "TS. Nguyễn Văn An").
    const std::string extension = ".pdf";
    const bool has_extension = name.size() >= 4 && text::to_lower_vi(name.substr(name.size() - 4)) == extension;
    std::string stem = has_extension ? name.substr(0, name.size() - 4) : name;
    if (stem.empty()) stem = std::to_string(record.number);
    name = stem + extension;
    for (int copy = 2; !used.insert(text::to_lower_vi(name)).second; ++copy) {
      name = stem + "-" + std::to_string(copy) + extension;
    }
    names[k] = options.out_dir.empty() ? name : (fs::path(options.out_dir) / name).string();
  }
  return names;
}

}  // namespace

std::string describe_columns(const data::TableLayout& table, const std::string& template_name) {
  using Kind = data::ColumnUse::Kind;
  const bool workbook = table.workbook;
  const std::string row = workbook ? "row " : "line ";
  std::string out = "header: " + row + std::to_string(table.header_row);
  if (!table.skipped.empty()) {
    out += "; above it, not records:";
    for (const auto& skipped : table.skipped) out += "\n  " + skipped;
  }
  out += "\ncolumns:\n";
  std::size_t width = 0;
  for (const auto& column : table.columns) width = std::max(width, text::decode_utf8(column.header).size());
  width = std::min<std::size_t>(width, 28);
  for (const auto& column : table.columns) {
    std::string header = column.header.empty() ? "(no header)" : column.header;
    const std::size_t shown = text::decode_utf8(header).size();
    header += std::string(shown < width ? width - shown : 0, ' ');
    std::string use;
    switch (column.kind) {
      case Kind::field: use = "-> " + column.field + (column.by == "--map" ? " (--map)" : ""); break;
      case Kind::row_number: use = "row numbers: {{stt}} in --name, not printed"; break;
      case Kind::note: use = "notes: not printed"; break;
      case Kind::left_out: use = "left out (--map): not printed"; break;
      case Kind::unknown:
        use = "no field of " + template_name + ": a record with a value here fails (--map '" + column.header +
              "=FIELD' feeds a field, '=-' leaves it out)";
        break;
      case Kind::unnamed: use = "no header: a record with a value here fails"; break;
    }
    std::string letter = column.column;
    letter += std::string(letter.size() < 3 ? 3 - letter.size() : 0, ' ');
    out += "  " + letter + " " + header + "  " + use + "\n";
  }
  return out;
}

int BatchResult::failed() const {
  return static_cast<int>(std::count_if(outcomes.begin(), outcomes.end(), [](const RecordOutcome& o) {
    return o.status == RecordOutcome::Status::failed;
  }));
}

int BatchResult::printed() const {
  return static_cast<int>(std::count_if(outcomes.begin(), outcomes.end(), [](const RecordOutcome& o) {
    return o.status == RecordOutcome::Status::printed;
  }));
}

std::pair<int, int> shard_range(const Shard& shard, int total) {
  const auto at = [&](int k) { return static_cast<int>(static_cast<long long>(total) * k / shard.count); };
  return {at(shard.index - 1), at(shard.index)};
}

std::string safe_file_name(const std::string& name, bool ascii) {
  std::string text = ascii ? text::fold_to_ascii(text::to_nfc(name)) : text::to_nfc(name);
  std::string out;
  for (unsigned char c : text) {
    const bool forbidden = c < 0x20 || c == 0x7F || std::string_view("/\\:*?\"<>|").find(static_cast<char>(c)) !=
                                                        std::string_view::npos;
    const bool keep = !forbidden && (!ascii || c < 0x80);
    out += keep ? static_cast<char>(c) : '-';
  }
  // Runs of spaces made one; no leading or trailing dots or spaces (Windows drops them).
  std::string tidy;
  for (char c : out) {
    if (c == ' ' && (tidy.empty() || tidy.back() == ' ')) continue;
    tidy += c;
  }
  while (!tidy.empty() && (tidy.back() == ' ' || tidy.back() == '.')) tidy.pop_back();
  while (!tidy.empty() && tidy.front() == '.') tidy.erase(0, 1);
  // Reserved device names on Windows, whatever the extension.
  std::string base = tidy.substr(0, tidy.find('.'));
  std::transform(base.begin(), base.end(), base.begin(), [](unsigned char c) { return std::toupper(c); });
  static const std::set<std::string> reserved = {"CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4",
                                                 "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3",
                                                 "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"};
  if (reserved.count(base)) tidy = "_" + tidy;
  // At most 150 bytes before the extension, cut between characters.
  const auto dot = tidy.rfind('.');
  std::string stem = dot == std::string::npos ? tidy : tidy.substr(0, dot);
  const std::string extension = dot == std::string::npos ? "" : tidy.substr(dot);
  if (stem.size() > 150) {
    std::size_t cut = 150;
    while (cut > 0 && (static_cast<unsigned char>(stem[cut]) & 0xC0) == 0x80) --cut;
    stem.resize(cut);
  }
  return stem + extension;
}

namespace {

// Every field a --name pattern names is a column of the records, a field of one of them or of
// the common data, or {{number}}: a name nothing fills would name every file "pdf.pdf".
void check_name_pattern(const BatchOptions& options, const data::Value& common, const std::vector<data::Record>& records,
                        bool wanted) {
  if (!wanted) return;
  std::vector<std::string> known;
  if (!records.empty() && records.front().columns) known = *records.front().columns;
  std::vector<Diagnostic> errors;
  for (const auto& path : fields_in_pattern(options.name_pattern)) {
    if (path == "number" || text_at(common, path) || std::find(known.begin(), known.end(), path) != known.end()) continue;
    const bool in_a_record = std::any_of(records.begin(), records.end(), [&](const data::Record& record) {
      return record.fields && text_at(*record.fields, path);
    });
    if (in_a_record) continue;
    std::vector<Hint> hints;
    if (const auto near = nearest_name(path, known)) hints.push_back({"did you mean '{}'?", {*near}});
    hints.push_back("{{number}} is the record's number; other names are the records' columns or fields");
    errors.push_back(formatted(Severity::error, "batch.name-field",
                               "--name {}: no record has the field '{}', so no file would be named by it",
                               {options.name_pattern, path}, {}, std::move(hints)));
  }
  if (!errors.empty()) throw Error(std::move(errors));
}

// The folder of the records' files: made when it is not there; one that is a file, or cannot
// be made or written, is an io.out-dir error before any record is printed.
void prepare_out_dir(const BatchOptions& options) {
  std::error_code error;
  const fs::path dir(options.out_dir);
  const auto refuse = [&](const char* format, std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), options.out_dir);
    fail_with("io.out-dir", format, std::move(arguments), {options.out_dir},
              {"give a folder that exists or can be made, and that you may write to"});
  };
  if (fs::exists(fs::symlink_status(dir, error)) && !fs::is_directory(dir, error)) {
    refuse("--out-dir {}: it is a file, not a folder", {});
  }
  fs::create_directories(dir, error);
  if (error) refuse("--out-dir {}: it cannot be made: {}", {error.message()});
  if (::access(dir.c_str(), W_OK) != 0) refuse("--out-dir {}: it cannot be written to", {});
}

// What the records' file is, by its name, and whether the options fit it.
void check_records_options(const BatchOptions& options, const std::string& records_name) {
  const auto format = data::record_format_of(records_name);
  if (!format) {
    fail_with("batch.records-format", "{}: records are read from .xlsx, .csv, .json or .xml files (save a spreadsheet as "
              "\"Excel Workbook\" or \"CSV UTF-8\")", {records_name}, {}, {"tab-separated text (Excel's \"Unicode Text\") is read as .txt or .tsv"});
  }
  if (!options.sheet.empty() && *format != data::RecordFormat::xlsx) {
    fail_with("batch.sheet", "--sheet names a sheet of an .xlsx workbook; {} is not one", {records_name});
  }
  if ((!options.column_map.empty() || options.header_row > 0) && *format != data::RecordFormat::xlsx &&
      *format != data::RecordFormat::csv) {
    fail_with("batch.columns", "--map and --header-row are for a table's columns (.xlsx, .csv); {} names its fields itself",
              {records_name});
  }
}

}  // namespace

BatchResult run_batch(const Core& core, const BatchOptions& options, const BatchProgress& progress) {
  if (options.generate.template_name.empty()) fail("batch.template", "a batch needs its template: -t NAME");
  if (options.merge_file.empty() && options.out_dir.empty() && !options.dry_run) {
    fail("batch.output", "a batch needs somewhere to print: --merge FILE, --out-dir DIR, or both (or --dry-run to check it)");
  }
  check_records_options(options, options.records_file);
  // Before any work: no output replaces an input or another output, or a link or a device.
  check_outputs({{options.merge_file, "--merge"}, {options.report_file, "--report"}},
                {options.records_file, options.common_file});
  if (!options.out_dir.empty() && fs::exists(options.out_dir) && !fs::is_directory(options.out_dir)) {
    fail_with("io.out-dir", "--out-dir {}: it is a file, not a folder", {options.out_dir}, {options.out_dir},
              {"give a folder that exists or can be made, and that you may write to"});
  }
  const Limits& limits = options.generate.limits;
  BatchInput input;
  input.records_name = options.records_file;
  input.records = read_file(options.records_file, limits.max_records_bytes);
  if (!options.common_file.empty()) {
    input.common_name = options.common_file;
    input.common = read_file(options.common_file, limits.max_input_bytes);
  }
  BatchSink sink;
  if (!options.out_dir.empty() && !options.dry_run) {
    sink.before_work = [&](const std::vector<std::string>& outputs) {
      // The print file and the report are never one of the records' files.
      std::vector<OutputFile> all{{options.merge_file, "--merge"}, {options.report_file, "--report"}};
      for (const auto& output : outputs) all.push_back({output, "--out-dir"});
      check_outputs(all, {});
      prepare_out_dir(options);
      if (options.resume) remove_temporary_files(options.out_dir);
    };
    sink.record_pdf = [](const std::string& output, std::string pdf) { write_file_atomically(output, pdf); };
    if (options.resume) sink.printed_before = [](const std::string& output) { return is_complete_pdf(output); };
  }
  if (!options.merge_file.empty() && !options.dry_run) {
    sink.merged_pdf = [&](std::string pdf) { write_file_atomically(options.merge_file, pdf); };
  }
  return print_batch(core, options, input, sink, progress);
}

BatchResult print_batch(const Core& core, const BatchOptions& options, const BatchInput& input, const BatchSink& sink,
                        const BatchProgress& progress) {
  if (options.generate.template_name.empty()) fail("batch.template", "a batch needs its template: -t NAME");
  check_records_options(options, input.records_name);
  const auto format = data::record_format_of(input.records_name);
  data::RecordFile file = read_batch_records(core, options, input, *format);
  const std::vector<data::Record> records = std::move(file.records);
  data::Value common;
  common.kind = data::Value::Kind::map;
  BatchResult result;
  result.table = std::move(file.table);
  result.warnings = std::move(file.warnings);
  if (result.table && options.show_columns) options.show_columns(*result.table);
  if (!input.common.empty()) {
    data::DocumentData shared = data::read_document_data(input.common, input.common_name, options.generate.input_encoding,
                                                         options.generate.limits);
    common = std::move(shared.tree.root);
    result.warnings.insert(result.warnings.end(), shared.warnings.begin(), shared.warnings.end());
  }

  result.total_records = static_cast<int>(records.size());
  // Plain ints, not a structured binding: the worker lambda captures them (clang 14, which
  // builds the fuzz targets, cannot capture bindings).
  const auto range = options.shard ? shard_range(*options.shard, result.total_records)
                                   : std::pair{0, result.total_records};
  const int begin = range.first, end = range.second;
  // Names are made for a dry run with --out-dir too, so that its --name pattern is checked.
  const bool named_outputs = static_cast<bool>(sink.record_pdf) || !options.out_dir.empty();
  check_name_pattern(options, common, records, named_outputs);
  const std::vector<std::string> outputs = output_names(options, common, records, input.records_name, named_outputs);
  if (sink.before_work) sink.before_work(outputs);

  const int count = end - begin;
  result.outcomes.resize(static_cast<std::size_t>(count));
  const bool needs_merge = sink.merged_pdf && !options.dry_run;
  std::vector<layout::Frame> frames(needs_merge ? static_cast<std::size_t>(count) : 0);
  std::atomic<int> next{0};
  std::mutex progress_lock;
  int done = 0, told = 0;  // records done; records given to on_record, in order
  std::vector<bool> finished(static_cast<std::size_t>(count));
  // The workers share the engine's maker for the template (its fonts, helpers and images);
  // the records are only read.
  GenerateOptions generate = options.generate;
  const auto named = fields_in_pattern(options.name_pattern);
  generate.also_read.insert(generate.also_read.end(), named.begin(), named.end());
  // A spreadsheet's STT column numbers its rows: understood as such, never printed.
  generate.also_read.push_back("stt");
  const auto maker = core.maker(generate.template_name, generate);
  const auto work = [&] {
    const output::PdfOptions pdf_options{true, "vanban " VANBAN_VERSION, options.pdf_profile};
    for (int k = next++; k < count; k = next++) {
      const auto& record = records[static_cast<std::size_t>(begin + k)];
      RecordOutcome& outcome = result.outcomes[static_cast<std::size_t>(k)];
      outcome.number = record.number;
      outcome.row = record.where.line;
      outcome.name = record_name(record);
      outcome.output = options.dry_run || !sink.record_pdf ? std::string() : outputs[static_cast<std::size_t>(begin + k)];
      if (sink.printed_before && !needs_merge && !outcome.output.empty() && sink.printed_before(outcome.output)) {
        outcome.status = RecordOutcome::Status::skipped;
      } else if (record.problem) {
        outcome.status = RecordOutcome::Status::failed;
        outcome.problems.push_back(*record.problem);
      } else {
        try {
          std::vector<Diagnostic> judged;
          const data::DataTree tree = record_tree(common, record, options, input.records_name, &judged);
          if (std::any_of(judged.begin(), judged.end(), [](const Diagnostic& d) { return d.severity == Severity::error; })) {
            throw Error(std::move(judged));
          }
          for (auto& conversion : judged) outcome.problems.push_back(about_record(std::move(conversion), record.number));
          Generated generated = maker->make(tree, input.records_name, generate);
          for (auto& warning : generated.warnings) outcome.problems.push_back(about_record(std::move(warning), record.number));
          if (!outcome.output.empty()) sink.record_pdf(outcome.output, output::write_pdf(generated.frame, pdf_options));
          // Counted once its PDF is taken: a record whose file could not be written has no pages.
          outcome.pages = static_cast<int>(generated.frame.pages.size());
          if (needs_merge) frames[static_cast<std::size_t>(k)] = std::move(generated.frame);
        } catch (const Error& e) {
          outcome.status = RecordOutcome::Status::failed;
          for (const auto& problem : e.diagnostics()) outcome.problems.push_back(about_record(problem, record.number));
        } catch (const std::bad_alloc&) {
          // One record too large for this machine fails alone; the others, the print file and
          // the report still come out.
          outcome.status = RecordOutcome::Status::failed;
          outcome.problems.push_back(about_record({Severity::error, "limit.memory",
                                                   "out of memory: the record is too large for this machine",
                                                   record.where, {"shorten its longest texts, or lower the --max-* limits"}},
                                                  record.number));
        } catch (const std::exception& e) {
          outcome.status = RecordOutcome::Status::failed;
          outcome.problems.push_back(
              about_record(formatted(Severity::error, "internal",
                                     "internal error: {} (a bug in vanban: please report it with the input that caused it)",
                                     {e.what()}, record.where),
                           record.number));
        }
      }
      if (outcome.status == RecordOutcome::Status::failed) outcome.output.clear();  // nothing was written
      std::lock_guard lock(progress_lock);
      finished[static_cast<std::size_t>(k)] = true;
      for (; options.on_record && told < count && finished[static_cast<std::size_t>(told)]; ++told) {
        options.on_record(result.outcomes[static_cast<std::size_t>(told)]);
      }
      if (progress) progress(++done, count);
    }
  };
  const int jobs = std::max(1, std::min(options.jobs, count));
  std::vector<std::thread> workers;
  for (int j = 1; j < jobs; ++j) workers.emplace_back(work);
  work();
  for (auto& worker : workers) worker.join();

  if (needs_merge) {
    // One print file, the records in input order; a failed record leaves no page.
    layout::Frame merged;
    for (std::size_t k = 0; k < frames.size(); ++k) {
      if (frames[k].pages.empty()) continue;
      if (merged.pages.empty()) {
        merged.info = frames[k].info;
        merged.fonts = frames[k].fonts;
      }
      const std::size_t offset = merged.pages.size();
      for (auto entry : frames[k].outline) {
        entry.page += offset;
        merged.outline.push_back(std::move(entry));
      }
      std::move(frames[k].pages.begin(), frames[k].pages.end(), std::back_inserter(merged.pages));
      frames[k] = {};
    }
    if (!merged.pages.empty()) sink.merged_pdf(output::write_pdf(merged, {true, "vanban " VANBAN_VERSION, options.pdf_profile}));
  }
  return result;
}

namespace {

const char* status_name(RecordOutcome::Status status) {
  static constexpr const char* names[] = {"printed", "skipped", "failed"};
  return names[static_cast<int>(status)];
}

// A record's problems on one line: the hints follow their message.
std::string problems_line(const RecordOutcome& outcome) {
  std::string problems;
  for (const auto& problem : outcome.problems) {
    std::string line = format_diagnostic(problem);
    for (auto at = line.find("\n  hint: "); at != std::string::npos; at = line.find("\n  hint: ", at)) {
      line.replace(at, 9, " (hint: ");
      const auto next = line.find('\n', at);
      line.insert(next == std::string::npos ? line.size() : next, ")");
    }
    problems += (problems.empty() ? "" : "; ") + line;
  }
  return problems;
}

}  // namespace

std::string batch_report_json(const BatchResult& result) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const auto& outcome : result.outcomes) {
    nlohmann::ordered_json problems = nlohmann::ordered_json::array();
    for (const auto& problem : outcome.problems) {
      nlohmann::ordered_json entry;
      entry["severity"] = problem.severity == Severity::error ? "error" : "warning";
      entry["code"] = problem.code;
      entry["message"] = problem.message;
      if (!problem.where.file.empty()) {
        entry["file"] = std::string(problem.where.file);
        entry["line"] = problem.where.line;
        entry["column"] = problem.where.column;
      }
      if (!problem.field.empty()) entry["field"] = problem.field;
      entry["hints"] = problem.hints;
      problems.push_back(std::move(entry));
    }
    nlohmann::ordered_json row;
    row["record"] = outcome.number;
    row["row"] = outcome.row;
    row["name"] = outcome.name;
    row["status"] = status_name(outcome.status);
    row["output"] = outcome.output.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(outcome.output);
    row["pages"] = outcome.pages;
    row["problems"] = std::move(problems);
    rows.push_back(std::move(row));
  }
  // Invalid UTF-8 (a legacy value in a message) is replaced, never a throw.
  return rows.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string batch_report_csv(const BatchResult& result) {
  const auto quoted = [](const std::string& text) {
    std::string out = "\"";
    for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
  };
  std::string csv = "record,row,name,status,output,pages,problem\n";
  for (const auto& outcome : result.outcomes) {
    csv += std::to_string(outcome.number) + "," + std::to_string(outcome.row) + "," + quoted(outcome.name) + "," +
           status_name(outcome.status) + "," + quoted(outcome.output) + "," + std::to_string(outcome.pages) + "," +
           quoted(problems_line(outcome)) + "\n";
  }
  return csv;
}

}  // namespace vanban::pipeline
