// The pipeline: data -> template -> markup -> layout -> PDF, each stage one call.
//
// A Core holds what an engine loads once (vanban/engine.h): the fonts, the templates' folder,
// each template made ready once (a DocumentMaker), the decoded images. Everything here reads
// files only through Resources.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <vanban/engine.h>
#include <vanban/resources.h>

#include "base/limits.h"
#include "image/load_images.h"
#include "layout/layout_document.h"
#include "layout/settings.h"
#include "mustache/render_template.h"
#include "data/data_input.h"
#include "pipeline/template_check.h"
#include "catalogue/templates.h"
#include "text/font.h"
#include "text/legacy.h"

namespace vanban::pipeline {

// What one document (or every record of a batch) asks for.
struct GenerateOptions {
  std::string template_name;    // a template's name (or a path, where the engine allows them); empty: the data's own
  std::shared_ptr<const Resources> files;  // where the data's images are: its folder
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
  double template_ms = 0, layout_ms = 0;  // checks and template; markup and layout
};

class DocumentMaker;

class Core {
 public:
  // Throws Error "home.not-found", "font.missing", "font.load".
  explicit Core(const EngineOptions& options);
  ~Core();

  const text::FontFamily& fonts() const { return fonts_; }
  const std::shared_ptr<const Resources>& templates() const { return templates_; }
  const Limits& limits() const { return limits_; }
  bool allow_template_paths() const { return allow_template_paths_; }
  image::ImageStore& images() const { return images_; }

  // Finds a template by name, or by path where the engine allows it.
  catalogue::TemplateSource find(const std::string& name_or_path) const { return catalogue::find_template(name_or_path, templates_, allow_template_paths_); }

  // The maker of a template for these options (their lenience, --name fields and limits),
  // made the first time it is asked for and shared after: safe from any thread. Throws Error
  // "template.not-found" and the like.
  std::shared_ptr<const DocumentMaker> maker(const std::string& template_name, const GenerateOptions& options) const;

 private:
  std::shared_ptr<const Resources> templates_;
  text::FontFamily fonts_;
  Limits limits_;
  bool allow_template_paths_ = false;
  mutable image::ImageStore images_;
  mutable std::mutex makers_lock_;
  mutable std::map<std::string, std::shared_ptr<const DocumentMaker>> makers_;
};

// The template the data names (its template="…" attribute or field), else the one asked
// for; empty when neither names one. Data may name only a built-in template, never a path.
std::string template_name_of(const data::DataTree& tree, const GenerateOptions& options);

// Checks data against Decree 30 and its template's required fields (check/check_document.h)
// without printing anything: every finding, warnings and errors, in data order. Throws
// Error for data that cannot be read.
std::vector<Diagnostic> check_data(const Core& core, const std::string& data, const std::string& data_name,
                                   const GenerateOptions& options);

// A template ready for many documents: the template and its declaration, the fonts and the
// helpers, loaded once. A Core keeps one per template and options; make may be called from
// any number of threads at once.
class DocumentMaker {
 public:
  // Throws Error "template.not-found" and the like.
  DocumentMaker(const Core& core, const std::string& template_name, const GenerateOptions& options);
  ~DocumentMaker();

  // Checks tree (errors throw, warnings are returned) and runs it through template, markup
  // and layout, with the document's own options (its files, its layout settings, its page
  // limit). data_name names it in diagnostics; clean is the data file's text when there is
  // one, so that an undrawable character is placed exactly.
  Generated make(const data::DataTree& tree, const std::string& data_name, const GenerateOptions& options,
                 const std::string& clean = {}) const;

  const catalogue::TemplateInfo& info() const { return info_; }
  const check::TemplateRules& rules() const { return rules_; }

 private:
  const Core& core_;
  bool lenient_ = false;
  mustache::CompiledTemplate template_;  // parsed once for every document
  catalogue::TemplateInfo info_;
  mustache::Helpers helpers_;
  check::TemplateRules rules_;  // from info_, with the --name pattern's fields: made once for every document
  TemplateReads reads_;         // where the template prints each field
};

// Runs data through template, markup and layout. data_name names the data in diagnostics.
// The Decree 30 checks run first: an error among them stops here, warnings are returned.
Generated generate(const Core& core, const std::string& data, const std::string& data_name, const GenerateOptions& options);

// Runs document markup (docs/markup.md) through layout, without data or template: for
// trying markup by hand and for the layout samples in samples/layout/.
Generated generate_from_markup(const Core& core, const std::string& markup, const std::string& markup_name,
                               const GenerateOptions& options);

// Milliseconds since start, for the stage figures.
inline double milliseconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace vanban::pipeline
