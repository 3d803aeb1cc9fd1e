// vanban's engine: data through a template to a PDF typeset by Decree 30/2020/NĐ-CP.
//
// An Engine is made once: it reads the fonts and keeps, per template, the compiled template,
// its declaration and helpers, all read through Resources (vanban/resources.h). It is safe
// to share between threads: render, check and the template listing may run at once from any
// number of them. A document's problems never throw: they come back as diagnostics, each with
// its code, place and hints (vanban/diagnostic.h), and a document with an error has no PDF.
//
//   vanban::Engine engine({.home = "/usr/share/vanban"});
//   vanban::RenderRequest request;
//   request.template_name = "giay-khen";
//   request.data = R"({"recipient": {"name": "Nguyễn Văn An"}, …})";
//   const vanban::RenderResult result = engine.render(request);
//   if (result.ok()) write(result.pdf);
//   for (const auto& d : result.diagnostics) std::cerr << vanban::format_diagnostic(d) << '\n';
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <vanban/diagnostic.h>
#include <vanban/limits.h>
#include <vanban/resources.h>

namespace vanban {

// How the data is written: JSON for a name ending in .json, XML for .xml, else JSON when the
// text starts with '{' (automatic); markup is the document markup itself (docs/markup.md),
// laid out without a template.
enum class DataFormat { automatic, xml, json, markup };

// Text typed in one of the old Vietnamese encodings, converted value by value where the data
// holds it (docs/vietnamese.md).
enum class LegacyEncoding { tcvn3, vni, cp1258 };

// How paragraphs are broken into lines: total fit (Knuth and Plass) or first fit, as a word
// processor does.
enum class LineBreaking { total_fit, first_fit };

struct EngineOptions {
  // A folder holding templates/ (NAME/main.mustache, partials/) and fonts/ (the four faces of
  // Liberation Serif or Times New Roman): an installed share/vanban, or the source tree.
  std::string home;
  // Read instead of home/templates and home/fonts when given (in memory, say).
  std::shared_ptr<const Resources> templates;
  std::shared_ptr<const Resources> fonts;
  // A request may name a template by its path on disk (a command line's -t PATH). Off for a
  // service: data and requests name built-in templates only.
  bool allow_template_paths = false;
  // The limits of a request that gives none.
  Limits limits;
};

// Page margins in millimetres; the defaults are Decree 30's (Phụ lục I, Phần I, mục I.5).
struct Margins {
  double top = 20, bottom = 20, left = 30, right = 15;
};

// What a PDF claims besides PDF 1.7: nothing more, or PDF/A-2 for archiving, level B (the look
// kept) or U (and its text as Unicode) (docs/electronic.md, "PDF/A").
enum class PdfProfile { plain, pdfa_2b, pdfa_2u };

struct RenderRequest {
  std::string template_name;  // a template's name; empty: the one the data names
  std::string data;           // the document's data (or markup)
  std::string data_name = "data";  // names the data in diagnostics: "file:line:col"
  DataFormat format = DataFormat::automatic;
  // The files the data's images are read from (its folder); none: the data may name no image.
  std::shared_ptr<const Resources> files;
  std::optional<LegacyEncoding> legacy_encoding;
  // Decree 30 and template findings that are errors (a ký hiệu in an office's own form, a
  // missing field) are given as warnings and the document printed anyway; data that cannot
  // be printed at all (a date that does not exist) still stops it.
  bool lenient = false;
  std::optional<Limits> limits;  // none: the engine's
  Margins margins;
  LineBreaking line_breaking = LineBreaking::total_fit;
  bool want_pdf = true;      // false: checked and laid out, nothing written (a dry run)
  bool want_markup = false;  // the markup the template made, for debugging
  bool want_trace = false;   // the layout trace: every line, rule and image placed
  // Keep unsigned signature fields where the signer and the organisation sign (docs/electronic.md).
  bool sign_fields = false;
  PdfProfile pdf_profile = PdfProfile::plain;
};

// A signature field kept in the PDF (RenderRequest::sign_fields): its name ("Sig_Signer",
// "Sig_Org"), its page (1-based) and its rectangle in PDF points, from the page's lower left
// corner as the PDF's /Rect gives it; page_height turns it into a place from the top.
struct SignatureField {
  std::string name;
  std::size_t page = 1;
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double page_height = 0;
};

struct RenderStats {
  std::size_t pages = 0;
  int lines = 0;           // justified body lines, last lines included
  int overfull_lines = 0;  // lines wider than their measure
  int loose_lines = 0;     // lines whose spaces are more than 1.5 times their natural width
  double min_space_ratio = 1, max_space_ratio = 1, mean_space_ratio = 1;
  bool tightened = false;  // the pass that saves a last page of a few lines was kept
  // Milliseconds spent reading the data, in the template (with the checks), laying out and
  // writing the PDF.
  double data_ms = 0, template_ms = 0, layout_ms = 0, pdf_ms = 0;
};

struct RenderResult {
  std::string pdf;     // empty when an error stopped the document, or no PDF was asked for
  std::string markup;  // when asked for and made
  std::string trace;   // when asked for and made
  // Every error and warning, in data order.
  std::vector<Diagnostic> diagnostics;
  // The images the document prints, by their names in the request's files.
  std::vector<std::string> images;
  std::vector<SignatureField> signature_fields;  // when asked for
  RenderStats stats;

  // Returns true when no diagnostic is an error.
  bool ok() const;
};

// A batch (docs/batch.md): one template over the records of a workbook, CSV, JSON or XML
// file given as bytes, to one print file, a PDF per record, or both, all in memory.
struct BatchRequest {
  std::string template_name;  // required: a batch names its template
  std::string records;        // the records file's bytes
  // Its name: the extension (.xlsx, .csv, .txt or .tsv, .json, .xml) gives the format; the
  // diagnostics name it ("records.xlsx: row 7: …").
  std::string records_name = "records.csv";
  std::string sheet;  // .xlsx: the sheet to read; empty: the first
  // A table's columns: COLUMN=FIELD pairs for headers the template's names do not match
  // (FIELD "-" leaves the column out), and the header's row when it is not to be found.
  std::vector<std::pair<std::string, std::string>> column_map;
  int header_row = 0;
  // Fields every record shares (JSON or XML), over which each record's own are laid.
  std::string common;
  std::string common_name = "common";
  std::shared_ptr<const Resources> files;  // the images the records and common data name
  std::optional<LegacyEncoding> legacy_encoding;
  bool lenient = false;
  std::optional<Limits> limits;  // none: the engine's
  Margins margins;
  LineBreaking line_breaking = LineBreaking::total_fit;
  bool sign_fields = false;  // each record's PDF keeps its signature fields (RenderRequest)
  PdfProfile pdf_profile = PdfProfile::plain;  // of each record's PDF and the print file
  bool want_merged = true;  // one print-ready PDF, every printed record in input order
  bool want_each = false;   // a PDF per record, named by name_pattern; neither: a dry run
  // With want_each: each record's PDF is handed here under its file name as soon as it is
  // made, and BatchRecord::pdf stays empty, so a batch of ten thousand holds one PDF per
  // worker in memory, not all of them. Calls come one at a time (never two at once) from
  // the workers, in the order the records finish, which is not input order; the result's
  // records tell which name is whose; what it throws fails that record (batch.record-sink).
  // Unset: the PDFs come back in BatchRecord::pdf.
  std::function<void(const std::string& file_name, std::string pdf)> on_record_pdf;
  std::string name_pattern = "{{number}}.pdf";  // a Mustache pattern over the record's fields
  bool ascii_names = false;  // fold diacritics out of the records' file names
  int jobs = 1;              // worker threads; the output does not depend on them
};

enum class RecordStatus { printed, failed };

struct BatchRecord {
  int number = 0;    // 1-based, in the records file
  int row = 0;       // its row in the sheet, or its first line in the file
  std::string name;  // who or what it is for: its first name field, else its first value
  RecordStatus status = RecordStatus::printed;
  std::string file_name;  // want_each: its PDF's name ("Nguyễn Văn An.pdf"); empty when failed
  std::string pdf;        // want_each: its PDF
  int pages = 0;
  std::vector<Diagnostic> diagnostics;  // the error that stopped it, or its warnings; record set
};

struct BatchResult {
  std::string merged_pdf;            // want_merged, when a record printed
  std::vector<BatchRecord> records;  // in input order
  // The batch's own: an error that stopped it before any record (the file unreadable, the
  // template unknown; records is then empty), and warnings (rows above a table's header that
  // look like records, legacy text converted in the common data).
  std::vector<Diagnostic> diagnostics;
  std::string columns;  // a table's header row and what each column feeds, one line a column
  int printed() const;
  int failed() const;
  bool ok() const;  // no error stopped the batch (records may have failed: see failed())
};

// The batch's report, one row per record (record, row, name, status, output, pages,
// problems): as a JSON array of objects, or as CSV (docs/batch.md, "Workers, progress, report").
std::string batch_report_json(const BatchResult& result);
std::string batch_report_csv(const BatchResult& result);

// A field a template declares (templates/NAME/template.xml; docs/templates.md).
struct TemplateField {
  std::string path;         // "signer/name"
  bool required = false;
  std::string kind;         // "text", "inline", "date", "number", "notation", "image", "flag", "group", "body"
  int max = 1;              // most values; 0: any number
  std::string label;        // a spreadsheet column's header for it ("Họ và tên")
  std::vector<std::string> aliases;  // other usual headers
  std::string description;
};

struct TemplateDescription {
  std::string name;     // "giay-khen"
  std::string summary;     // one line
  std::string summary_vi;  // the same in Vietnamese; empty when the template gives none
  std::string type;     // the document's type name, "Kế hoạch"; empty for a certificate
  std::string sample;   // a sample data file, in the source tree's samples/
  std::string profile;  // "state" (Decree 30) or "party" (Hướng dẫn 36-HD/VPTW)
  std::vector<TemplateField> fields;
};

// Writes diagnostics as a JSON array of objects {severity, code, message, file, line,
// column, record, field, hints, arguments} (docs/library.md), in the language they are in:
// translate them first for Vietnamese.
std::string diagnostics_json(const std::vector<Diagnostic>& diagnostics);

// Writes signature fields as JSON for an e-office system that places signatures itself:
// {"fields": [{name, page, rect: [x1, y1, x2, y2] in PDF points, mm: {left, top, width,
// height} from the page's top left corner}]} (docs/electronic.md, "Fields").
std::string signature_fields_json(const std::vector<SignatureField>& fields);

// Writes template descriptions as JSON: one object {name, summary, summary_vi, type, profile, sample,
// fields: [{path, required, kind, max, label, aliases, description}]}.
std::string template_json(const TemplateDescription& description);
std::string templates_json(const std::vector<TemplateDescription>& descriptions);

namespace pipeline {
class Core;
}

class Engine {
 public:
  // Reads the fonts and finds the templates. Throws vanban::Error: "home.not-found" (neither
  // home nor templates and fonts given), "font.missing", "font.load".
  explicit Engine(EngineOptions options);
  ~Engine();
  Engine(Engine&&) noexcept;
  Engine& operator=(Engine&&) noexcept;

  // Renders one document: its data checked against Decree 30 and the template's declaration,
  // run through the template, laid out and written. Never throws for bad input.
  RenderResult render(const RenderRequest& request) const;

  // Prints a batch: each record checked and rendered as render does, a bad record reported
  // with its number, row and field while the others still print. Never throws for bad input.
  // Every PDF is held in memory: for a run of tens of thousands of records to files, with
  // --resume and shards, the command line's batch (the same printing, to files).
  BatchResult render_batch(const BatchRequest& request) const;

  // Checks the data against Decree 30 and its template without printing it: every finding,
  // errors and warnings, in data order.
  std::vector<Diagnostic> check(const RenderRequest& request) const;

  // Describes every template, by name; one template, or nullopt for no such template.
  std::vector<TemplateDescription> templates() const;
  std::optional<TemplateDescription> describe_template(const std::string& name) const;

  // The engine's inside, for vanban's own batch printing and tools.
  const pipeline::Core& core() const { return *core_; }

 private:
  std::shared_ptr<const pipeline::Core> core_;
};

}  // namespace vanban
