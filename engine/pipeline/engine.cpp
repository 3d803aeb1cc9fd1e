// The façade (vanban/engine.h): a request through the pipeline's stages, its problems
// returned as diagnostics.
#include <vanban/engine.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <new>

#include <nlohmann/json.hpp>

#include "base/diagnostics.h"
#include "base/units.h"
#include "check/contract.h"
#include "output/pdf_writer.h"
#include "output/trace_writer.h"
#include "pipeline/batch.h"
#include "pipeline/generate.h"

#ifndef VANBAN_VERSION
#define VANBAN_VERSION "0"
#endif
#ifndef VANBAN_DATADIR
#define VANBAN_DATADIR ""
#endif

namespace vanban {

namespace pipeline {

namespace {

// The home an engine reads templates and fonts from: the one given, else $VANBAN_HOME, else
// the share/vanban folder this library was installed with.
std::string home_of(const EngineOptions& options) {
  if (!options.home.empty()) return options.home;
  if (const char* env = std::getenv("VANBAN_HOME"); env && *env) return env;
  return VANBAN_DATADIR;
}

std::shared_ptr<const Resources> home_folder(const EngineOptions& options, const char* folder) {
  const std::string home = home_of(options);
  std::error_code error;
  if (home.empty() || !std::filesystem::is_directory(std::filesystem::path(home) / folder, error)) {
    fail_with("home.not-found", "no {}/ folder in vanban's home '{}'", {std::string(folder), home}, {},
         {"give the folder that holds templates/ and fonts/ (an installed share/vanban, or vanban's source folder) "
          "as the engine's home, or set VANBAN_HOME"});
  }
  return folder_resources((std::filesystem::path(home) / folder).string());
}

}  // namespace

Core::Core(const EngineOptions& options)
    : templates_(options.templates ? options.templates : home_folder(options, "templates")),
      fonts_(text::load_font_family(options.fonts ? *options.fonts : *home_folder(options, "fonts"))),
      limits_(options.limits),
      allow_template_paths_(options.allow_template_paths) {}

Core::~Core() = default;

std::shared_ptr<const DocumentMaker> Core::maker(const std::string& template_name, const GenerateOptions& options) const {
  // A maker depends on its template and on the options that shape its rules and its limits.
  const Limits& l = options.limits;
  std::string key = template_name + '\n' + (options.lenient ? "lenient" : "strict") + '\n' +
                    std::to_string(l.max_input_bytes) + ' ' + std::to_string(l.max_depth);
  for (const auto& field : options.also_read) key += '\n' + field;
  {
    const std::lock_guard guard(makers_lock_);
    if (const auto found = makers_.find(key); found != makers_.end()) return found->second;
  }
  // Made outside the lock: a template is read and checked in a few milliseconds, and other
  // templates' documents need not wait for it.
  auto made = std::make_shared<const DocumentMaker>(*this, template_name, options);
  const std::lock_guard guard(makers_lock_);
  // Templates of one's own given by path (a command line's) are few; a bound all the same.
  if (makers_.size() >= 256) makers_.clear();
  return makers_.emplace(key, std::move(made)).first->second;
}

namespace {

// What a render and a batch request share, as the pipeline's options.
template <typename Request>
GenerateOptions common_options_of(const Core& core, const Request& request) {
  GenerateOptions options;
  options.template_name = request.template_name;
  options.files = request.files;
  if (request.legacy_encoding) options.input_encoding = static_cast<text::LegacyEncoding>(*request.legacy_encoding);
  options.lenient = request.lenient;
  options.limits = request.limits ? *request.limits : core.limits();
  options.settings.margin_top = mm(request.margins.top);
  options.settings.margin_bottom = mm(request.margins.bottom);
  options.settings.margin_left = mm(request.margins.left);
  options.settings.margin_right = mm(request.margins.right);
  options.settings.line_breaker = request.line_breaking == LineBreaking::first_fit ? layout::LineBreaker::first_fit
                                                                                    : layout::LineBreaker::total_fit;
  options.settings.signature_fields = request.sign_fields;
  return options;
}

output::PdfProfile pdf_profile_of(PdfProfile profile) {
  switch (profile) {
    case PdfProfile::pdfa_2b: return output::PdfProfile::pdfa_2b;
    case PdfProfile::pdfa_2u: return output::PdfProfile::pdfa_2u;
    case PdfProfile::plain: break;
  }
  return output::PdfProfile::plain;
}

GenerateOptions options_of(const Core& core, const RenderRequest& request) {
  GenerateOptions options = common_options_of(core, request);
  options.data_format = request.format == DataFormat::markup ? DataFormat::xml : request.format;
  return options;
}

BatchOptions batch_options_of(const Core& core, const BatchRequest& request) {
  BatchOptions options;
  options.generate = common_options_of(core, request);
  options.sheet = request.sheet;
  options.column_map = request.column_map;
  options.header_row = request.header_row;
  options.name_pattern = request.name_pattern;
  options.ascii_names = request.ascii_names;
  options.dry_run = !request.want_merged && !request.want_each;
  options.jobs = request.jobs;
  options.pdf_profile = pdf_profile_of(request.pdf_profile);
  return options;
}

BatchRecord record_of(RecordOutcome&& outcome) {
  BatchRecord record;
  record.number = outcome.number;
  record.row = outcome.row;
  record.name = std::move(outcome.name);
  record.status = outcome.status == RecordOutcome::Status::failed ? RecordStatus::failed : RecordStatus::printed;
  record.file_name = std::move(outcome.output);
  record.pages = outcome.pages;
  record.diagnostics = std::move(outcome.problems);
  return record;
}

// The pipeline's report over the public result's records.
pipeline::BatchResult outcomes_of(const vanban::BatchResult& result) {
  pipeline::BatchResult outcomes;
  for (const auto& record : result.records) {
    RecordOutcome outcome;
    outcome.number = record.number;
    outcome.row = record.row;
    outcome.name = record.name;
    outcome.status = record.status == RecordStatus::failed ? RecordOutcome::Status::failed : RecordOutcome::Status::printed;
    outcome.output = record.file_name;
    outcome.pages = record.pages;
    outcome.problems = record.diagnostics;
    outcomes.outcomes.push_back(std::move(outcome));
  }
  return outcomes;
}

static_assert(static_cast<int>(LegacyEncoding::tcvn3) == static_cast<int>(text::LegacyEncoding::tcvn3) &&
              static_cast<int>(LegacyEncoding::vni) == static_cast<int>(text::LegacyEncoding::vni) &&
              static_cast<int>(LegacyEncoding::cp1258) == static_cast<int>(text::LegacyEncoding::cp1258));

// Runs work and turns what it throws into diagnostics: the errors a stage found, a machine out
// of memory, and anything else, which is a bug.
template <typename Work>
std::vector<Diagnostic> caught(Work&& work) {
  try {
    work();
    return {};
  } catch (const Error& e) {
    return e.diagnostics();
  } catch (const std::bad_alloc&) {
    return {{Severity::error, "limit.memory",
             "out of memory: the input is too large for this machine; use a smaller input or lower the --max-* limits", {}, {}}};
  } catch (const std::exception& e) {
    return {formatted(Severity::error, "internal",
                      "internal error: {} (a bug in vanban: please report it with the input that caused it)", {e.what()})};
  }
}

TemplateDescription description_of(const catalogue::TemplateInfo& info) {
  TemplateDescription out;
  out.name = info.name;
  out.summary = info.summary;
  out.summary_vi = info.summary_vi;
  out.type = info.type;
  out.sample = info.sample;
  out.profile = info.profile == check::Profile::party ? "party" : "state";
  for (const auto& field : info.fields) {
    out.fields.push_back({field.path, field.required, std::string(check::kind_name(field.kind)), field.max, field.label,
                          field.aliases, field.description});
  }
  return out;
}

}  // namespace

}  // namespace pipeline

bool RenderResult::ok() const {
  return std::none_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) { return d.severity == Severity::error; });
}

Engine::Engine(EngineOptions options) : core_(std::make_shared<const pipeline::Core>(options)) {}
Engine::~Engine() = default;
Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&&) noexcept = default;

RenderResult Engine::render(const RenderRequest& request) const {
  RenderResult result;
  const pipeline::GenerateOptions options = pipeline::options_of(*core_, request);
  auto errors = pipeline::caught([&] {
    // 1–4: data, template, markup, layout (pipeline/generate.cpp).
    const auto start = std::chrono::steady_clock::now();
    pipeline::Generated generated =
        request.format == DataFormat::markup ? pipeline::generate_from_markup(*core_, request.data, request.data_name, options)
                                             : pipeline::generate(*core_, request.data, request.data_name, options);
    const double total_ms = pipeline::milliseconds_since(start);
    result.diagnostics = std::move(generated.warnings);
    if (request.want_markup) result.markup = std::move(generated.markup);
    for (std::size_t n = 0; n < generated.frame.pages.size(); ++n) {
      const layout::Page& page = generated.frame.pages[n];
      for (const auto& item : page.items) {
        const auto* image = std::get_if<layout::ImageItem>(&item);
        if (image && std::find(result.images.begin(), result.images.end(), image->name) == result.images.end()) {
          result.images.push_back(image->name);
        }
        if (const auto* field = std::get_if<layout::FieldItem>(&item)) {
          const layout::PdfRect rect = layout::pdf_rect(*field, page.height);
          result.signature_fields.push_back({field->name, n + 1, rect.x1, rect.y1, rect.x2, rect.y2, page.height});
        }
      }
    }
    // 5. Output.
    const auto written = std::chrono::steady_clock::now();
    if (request.want_pdf) result.pdf = output::write_pdf(generated.frame, {true, "vanban " VANBAN_VERSION, pipeline::pdf_profile_of(request.pdf_profile)});
    if (request.want_trace) result.trace = output::write_trace(generated.frame);
    RenderStats& stats = result.stats;
    stats.pdf_ms = pipeline::milliseconds_since(written);
    stats.template_ms = generated.template_ms;
    stats.layout_ms = generated.layout_ms;
    stats.data_ms = std::max(0.0, total_ms - generated.template_ms - generated.layout_ms);
    stats.pages = generated.frame.pages.size();
    const layout::LayoutStats& s = generated.stats;
    stats.lines = s.lines;
    stats.overfull_lines = s.overfull_lines;
    stats.loose_lines = s.loose_lines;
    stats.min_space_ratio = s.min_space_ratio;
    stats.max_space_ratio = s.max_space_ratio;
    stats.mean_space_ratio = s.mean_space_ratio;
    stats.tightened = s.tightened;
  });
  if (!errors.empty()) {
    // An error stops the document: nothing of it is returned but what was found.
    result.pdf.clear();
    result.trace.clear();
    result.signature_fields.clear();
    result.diagnostics = std::move(errors);
  }
  return result;
}

int BatchResult::printed() const {
  return static_cast<int>(std::count_if(records.begin(), records.end(), [](const BatchRecord& r) { return r.status == RecordStatus::printed; }));
}
int BatchResult::failed() const {
  return static_cast<int>(std::count_if(records.begin(), records.end(), [](const BatchRecord& r) { return r.status == RecordStatus::failed; }));
}
bool BatchResult::ok() const {
  return std::none_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::string batch_report_json(const BatchResult& result) { return pipeline::batch_report_json(pipeline::outcomes_of(result)); }
std::string batch_report_csv(const BatchResult& result) { return pipeline::batch_report_csv(pipeline::outcomes_of(result)); }

BatchResult Engine::render_batch(const BatchRequest& request) const {
  BatchResult result;
  const pipeline::BatchOptions options = pipeline::batch_options_of(*core_, request);
  pipeline::BatchInput input{request.records, request.records_name, request.common, request.common_name};
  // Each record's PDF by its name (the names are told apart before any is printed).
  std::mutex pdfs_lock;
  std::map<std::string, std::string> pdfs;
  pipeline::BatchSink sink;
  if (request.want_each) {
    sink.record_pdf = [&](const std::string& name, std::string pdf) {
      const std::lock_guard guard(pdfs_lock);
      // The caller's sink, called one at a time; else kept for the result. What the sink
      // throws fails that record, as a full disk fails it for the command line.
      if (!request.on_record_pdf) {
        pdfs[name] = std::move(pdf);
        return;
      }
      try {
        request.on_record_pdf(name, std::move(pdf));
      } catch (const Error&) {
        throw;
      } catch (const std::exception& e) {
        fail_with("batch.record-sink", "the program did not take the PDF {}: {}", {name, e.what()});
      }
    };
  }
  if (request.want_merged) sink.merged_pdf = [&](std::string pdf) { result.merged_pdf = std::move(pdf); };
  auto errors = pipeline::caught([&] {
    pipeline::BatchResult printed = pipeline::print_batch(*core_, options, input, sink);
    result.diagnostics = std::move(printed.warnings);
    if (printed.table) result.columns = pipeline::describe_columns(*printed.table, request.template_name);
    result.records.reserve(printed.outcomes.size());
    for (auto& outcome : printed.outcomes) {
      BatchRecord record = pipeline::record_of(std::move(outcome));
      if (const auto pdf = pdfs.find(record.file_name); !record.file_name.empty() && pdf != pdfs.end()) {
        record.pdf = std::move(pdf->second);
      }
      result.records.push_back(std::move(record));
    }
  });
  if (!errors.empty()) {
    result = {};
    result.diagnostics = std::move(errors);
  }
  return result;
}

std::vector<Diagnostic> Engine::check(const RenderRequest& request) const {
  std::vector<Diagnostic> findings;
  auto errors = pipeline::caught([&] {
    findings = pipeline::check_data(*core_, request.data, request.data_name, pipeline::options_of(*core_, request));
  });
  return errors.empty() ? findings : errors;
}

std::vector<TemplateDescription> Engine::templates() const {
  std::vector<TemplateDescription> all;
  for (const auto& info : catalogue::list_templates(core_->templates())) all.push_back(pipeline::description_of(info));
  return all;
}

std::optional<TemplateDescription> Engine::describe_template(const std::string& name) const {
  try {
    return pipeline::description_of(catalogue::load_template_info(core_->find(name)));
  } catch (const Error& e) {
    if (e.diagnostic().code == "template.not-found") return std::nullopt;
    throw;
  }
}

namespace {

nlohmann::ordered_json template_object(const TemplateDescription& d) {
  nlohmann::ordered_json fields = nlohmann::ordered_json::array();
  for (const auto& f : d.fields) {
    fields.push_back({{"path", f.path}, {"required", f.required}, {"kind", f.kind}, {"max", f.max}, {"label", f.label},
                      {"aliases", f.aliases}, {"description", f.description}});
  }
  return {{"name", d.name}, {"summary", d.summary}, {"summary_vi", d.summary_vi}, {"type", d.type}, {"profile", d.profile}, {"sample", d.sample},
          {"fields", std::move(fields)}};
}

}  // namespace

std::string signature_fields_json(const std::vector<SignatureField>& fields) {
  const auto number = [](double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", value);
    return std::string(text);
  };
  std::string out = "{\"fields\": [";
  for (std::size_t k = 0; k < fields.size(); ++k) {
    const SignatureField& f = fields[k];
    out += k ? ",\n  " : "\n  ";
    out += "{\"name\": \"" + f.name + "\", \"page\": " + std::to_string(f.page) + ", \"rect\": [" + number(f.x1) + ", " +
           number(f.y1) + ", " + number(f.x2) + ", " + number(f.y2) + "], \"mm\": {\"left\": " + number(f.x1 / points_per_mm) +
           ", \"top\": " + number((f.page_height - f.y2) / points_per_mm) + ", \"width\": " +
           number((f.x2 - f.x1) / points_per_mm) + ", \"height\": " + number((f.y2 - f.y1) / points_per_mm) + "}}";
  }
  out += fields.empty() ? "]}\n" : "\n]}\n";
  return out;
}

std::string diagnostics_json(const std::vector<Diagnostic>& diagnostics) {
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  for (const auto& d : diagnostics) {
    all.push_back({{"severity", d.severity == Severity::error ? "error" : "warning"},
                   {"code", d.code},
                   {"message", d.message},
                   {"file", d.where.file.str()},
                   {"line", d.where.line},
                   {"column", d.where.column},
                   {"record", d.record},
                   {"field", d.field},
                   {"hints", d.hints},
                   {"arguments", d.arguments}});
  }
  // Invalid UTF-8 in a message (an echo of bad data) is replaced, never a failure.
  return all.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string template_json(const TemplateDescription& description) {
  return template_object(description).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string templates_json(const std::vector<TemplateDescription>& descriptions) {
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  for (const auto& d : descriptions) all.push_back(template_object(d));
  return all.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace vanban
