// The pipeline: data -> template -> markup -> layout -> PDF, as one short function.
//
// This is the only place below the CLI that opens files: it finds templates, partials and
// fonts, and hands each stage plain data.
#pragma once

#include <string>

#include <memory>
#include <optional>
#include <vector>

#include "base/limits.h"
#include "layout/layout_document.h"
#include "layout/settings.h"
#include "mustache/render_template.h"
#include "pipeline/template_check.h"
#include "pipeline/templates.h"
#include "text/font.h"
#include "pipeline/data_input.h"
#include "text/legacy.h"

namespace vanban::pipeline {

// Where vanban's own files live: the folder that holds templates/ and fonts/.
// Looked up in order: $VANBAN_HOME; <exe>/../share/vanban (installed); the nearest ancestor
// of the executable's folder that has both (a build tree inside the source tree). Throws
// Error "home.not-found" when none has them, or VANBAN_HOME names a folder without them.
std::string find_home(const std::string& executable_path);

struct GenerateOptions {
  std::string home;             // see find_home
  std::string template_name;    // a built-in template name, or a path; empty: the data's own
  std::string font_dir;         // empty: <home>/fonts
  std::string base_dir;         // where relative image paths start: the input's folder; empty: "."
  std::optional<text::LegacyEncoding> input_encoding;  // data in TCVN3 or VNI, converted first
  DataFormat data_format = DataFormat::automatic;       // XML or JSON (data_input.h)
  // Decree 30 and template findings that are errors (a ký hiệu in an office's own form, a
  // missing field) are reported as warnings and the document is printed anyway. Data that
  // cannot be printed at all (a date that does not exist) still stops it.
  bool lenient = false;
  // Field paths read outside the template ("stt" of a batch's --name pattern): not reported
  // as fields the template does not read.
  std::vector<std::string> also_read;
  Limits limits;  // input size, nesting, pages, table rows (base/limits.h)
  layout::LayoutSettings settings;
};

struct Generated {
  std::vector<Diagnostic> warnings;  // Decree 30 findings that do not stop printing (check/)
  std::string markup;  // the template's output, for --markup and debugging
  layout::Frame frame;
  layout::LayoutStats stats;
};

// Checks data against Decree 30 and its template's required fields (check/check_document.h)
// without printing anything: every finding, warnings and errors, in data order. Throws
// Error for data that cannot be read.
std::vector<Diagnostic> check_data(const std::string& data, const std::string& data_name, const GenerateOptions& options);

class ImageCache;

// A template ready for many documents: the template and its declaration, the fonts and the
// helpers, loaded once. A batch keeps one per worker; `generate` makes one for its document.
class DocumentMaker {
 public:
  // Throws Error "template.not-found" and the like.
  DocumentMaker(const std::string& template_name, const GenerateOptions& options);
  ~DocumentMaker();

  // Checks tree (errors throw, warnings are returned) and runs it through template, markup
  // and layout. data_name names it in diagnostics; clean is the data file's text when there
  // is one, so that an undrawable character is placed exactly.
  Generated make(const data::DataTree& tree, const std::string& data_name, const std::string& clean = {}) const;

  const TemplateInfo& info() const { return info_; }
  const check::TemplateRules& rules() const { return rules_; }

 private:
  GenerateOptions options_;
  mustache::Template template_;
  TemplateInfo info_;
  text::FontFamily fonts_;
  mustache::Helpers helpers_;
  check::TemplateRules rules_;  // from info_, with the --name pattern's fields: made once for every document
  TemplateReads reads_;         // where the template prints each field
  std::unique_ptr<ImageCache> images_;  // decoded once for every document (a worker's own)
};

// Runs data through template, markup and layout. data_name names the data in diagnostics.
// The Decree 30 checks run first: an error among them stops here, warnings are returned.
Generated generate(const std::string& data, const std::string& data_name, const GenerateOptions& options);

// Runs document markup (docs/markup.md) through layout, without data or template: for
// trying markup by hand and for the layout samples in samples/layout/.
Generated generate_from_markup(const std::string& markup, const std::string& markup_name,
                               const GenerateOptions& options);

// As above, with the fonts already loaded: for many markups in one process (the fuzz targets).
Generated generate_from_markup(const std::string& markup, const std::string& markup_name,
                               const GenerateOptions& options, const text::FontFamily& fonts);

}  // namespace vanban::pipeline
