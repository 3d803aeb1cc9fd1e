// Batch printing (docs/batch.md): one template over many records (a spreadsheet's rows), to
// one print file, to one PDF per record, or both. The workers share the engine's
// DocumentMaker (template, fonts, helpers loaded once); the output does not depend on the
// number of workers. A bad record is reported with its number and field and the others are still
// printed; every file is written to a temporary name and renamed.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "data/read_records.h"
#include "output/pdf_writer.h"
#include "pipeline/generate.h"

namespace vanban::pipeline {

struct Shard {
  int index = 1;  // 1-based: K of K/N
  int count = 1;  // N
};

struct RecordOutcome;

struct BatchOptions {
  GenerateOptions generate;     // template, lenient, limits; files: the records' folder
  std::string records_file;     // .xlsx, .csv, .json or .xml
  std::string sheet;            // .xlsx: the sheet to read; empty: the first
  // A table's columns (CSV, xlsx): COLUMN=FIELD pairs for headers the template's names do not
  // match (FIELD "-" leaves the column out), and the header's row when it is not to be found.
  std::vector<std::pair<std::string, std::string>> column_map;
  int header_row = 0;
  char delimiter = 0;  // CSV: ',', ';' or '\t'; 0: found
  // Called with the table's columns once they are read, before any record is printed.
  std::function<void(const data::TableLayout&)> show_columns;
  // Called for each record once it is done, in input order (a record waits for those before
  // it), under the caller's lock: for problems to be shown as they are found, in order.
  std::function<void(const RecordOutcome&)> on_record;
  std::string common_file;      // optional XML: fields shared by every record
  std::string merge_file;       // one print-ready PDF, records in input order; empty: none
  std::string out_dir;          // one PDF per record here; empty: none
  std::string report_file;      // where the caller writes the report, if anywhere: checked against the other outputs
  std::string name_pattern = "{{number}}.pdf";  // a Mustache pattern over the record's fields
  bool ascii_names = false;     // fold diacritics out of file names
  bool resume = false;          // skip records whose complete output already exists
  bool dry_run = false;         // check and lay out every record, write nothing
  int jobs = 1;
  std::optional<Shard> shard;   // only this slice of the records
  output::PdfProfile pdf_profile = output::PdfProfile::plain;  // of each PDF written
};

struct RecordOutcome {
  enum class Status { printed, skipped, failed };
  int number = 0;          // the record's number in the whole file
  int row = 0;             // its row in the sheet, or its first line in the file
  std::string name;        // who or what it is for: its first name field ("recipient/name"), else its first value
  Status status = Status::printed;
  std::string output;      // the file written (out_dir), or already there (skipped); else empty
  int pages = 0;
  std::vector<Diagnostic> problems;  // the error that stopped it, or its warnings
};

struct BatchResult {
  std::vector<RecordOutcome> outcomes;  // the shard's records, in input order
  std::vector<Diagnostic> warnings;     // rows above a table's header that look like records; the common data's legacy values converted
  std::optional<data::TableLayout> table;  // a table's header row and what each column feeds
  int total_records = 0;                // in the whole file
  int failed() const;
  int printed() const;
};

// Called after each record, from the worker that did it (serialised by the caller's lock):
// records done so far, and the records to do.
using BatchProgress = std::function<void(int done, int total)>;

// Runs the batch over files: options.records_file and common_file are read, each record's
// PDF written into out_dir, the print file to merge_file, each to a temporary name and
// renamed. A file that cannot be read at all (records, common data, template) is an Error; a
// record that cannot be printed is an outcome with its problem.
BatchResult run_batch(const Core& core, const BatchOptions& options, const BatchProgress& progress = {});

// A batch's inputs as bytes: the records' file, named for its format (by its extension) and
// for diagnostics, and the common data (empty: none), read as JSON or XML by its name and text.
struct BatchInput {
  std::string records;
  std::string records_name;
  std::string common;
  std::string common_name = "common";
};

// Where a batch's documents go (run_batch: the files; Engine::render_batch: memory). Each is
// optional.
struct BatchSink {
  // The records' output names, in input order, before any record is printed: out_dir/NAME
  // where options.out_dir is given, else the bare file name ("Nguyễn Văn An.pdf").
  std::function<void(const std::vector<std::string>& outputs)> before_work;
  // A record's PDF under its output name, from the worker that made it (not serialised).
  // None: no record has a PDF of its own, only its outcome.
  std::function<void(const std::string& output, std::string pdf)> record_pdf;
  // Whether a record's output is already there, whole (--resume): the record is skipped,
  // unless the print file needs its pages.
  std::function<bool(const std::string& output)> printed_before;
  // The print file, every printed record's pages in input order, once all are done; not
  // called when no record printed.
  std::function<void(std::string pdf)> merged_pdf;
};

// The batch itself, on inputs in memory: options' file fields (records_file, common_file,
// merge_file, report_file, resume) are not read; options.out_dir, when given, only prefixes the
// output names.
BatchResult print_batch(const Core& core, const BatchOptions& options, const BatchInput& input, const BatchSink& sink,
                        const BatchProgress& progress = {});

// What a table's columns feed, for the user to see before the run: the header's row, the
// rows above it that were skipped, and a line per column ("C  Họ và tên  -> recipient/name").
std::string describe_columns(const data::TableLayout& table, const std::string& template_name);

// Writes the report: one row per record (record, row, name, status, output, pages, problem),
// as CSV, or as a JSON array of objects with those keys.
std::string batch_report_csv(const BatchResult& result);
std::string batch_report_json(const BatchResult& result);

// The records of shard K/N of total: a contiguous slice, the slices of 1/N … N/N together
// exactly the whole, in order. Returns [begin, end) as 0-based indices.
std::pair<int, int> shard_range(const Shard& shard, int total);

// A file name made safe for every file system (FAT, NTFS, ext4, macOS): no / \ : * ? " < > |
// or control characters, no trailing dot or space, no reserved Windows name, at most 150
// bytes before the extension; folded to ASCII when asked.
std::string safe_file_name(const std::string& name, bool ascii);

}  // namespace vanban::pipeline
