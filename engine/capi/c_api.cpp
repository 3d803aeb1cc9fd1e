// The C API (vanban/vanban.h): opaque handles over the C++ façade (vanban/engine.h). No
// exception crosses into C: each is turned into a NULL, a -1 or a diagnostic.
#include <vanban/vanban.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <vanban/engine.h>

#ifndef VANBAN_VERSION
#define VANBAN_VERSION "0"
#endif

struct vanban_engine {
  vanban::Engine engine;
};

struct vanban_request {
  vanban::RenderRequest request;
  vanban::Language language = vanban::Language::english;
};

struct vanban_result {
  vanban::RenderResult result;
  std::vector<std::string> texts;  // each diagnostic as printed
  std::string json;
  std::string fields_json;
};

struct vanban_batch {
  vanban::BatchRequest request;
  vanban::Language language = vanban::Language::english;
};

struct vanban_batch_result {
  vanban::BatchResult result;
  std::string report;
  std::string json;
};

namespace {

char* copy_of(const std::string& text) {
  char* copy = static_cast<char*>(std::malloc(text.size() + 1));
  if (copy) std::memcpy(copy, text.c_str(), text.size() + 1);
  return copy;
}

// What a render and a batch request both take: the folder of their images, their language.
int set_files_dir(std::shared_ptr<const vanban::Resources>& files, const char* folder) {
  try {
    files = folder && *folder ? vanban::folder_resources(folder) : nullptr;
  } catch (const std::exception&) {
    return -1;
  }
  return 0;
}

int set_language(vanban::Language& language, const char* name) {
  const auto found = name ? vanban::language_named(name) : std::nullopt;
  if (!found) return -1;
  language = *found;
  return 0;
}

const vanban::Diagnostic* diagnostic_at(const vanban_result* result, size_t index) {
  if (!result || index >= result->result.diagnostics.size()) return nullptr;
  return &result->result.diagnostics[index];
}

}  // namespace

extern "C" {

const char* vanban_version(void) { return VANBAN_VERSION; }

vanban_engine* vanban_engine_new(const char* home, char** error) {
  if (error) *error = nullptr;
  try {
    vanban::EngineOptions options;
    if (home) options.home = home;
    return new vanban_engine{vanban::Engine(std::move(options))};
  } catch (const vanban::Error& e) {
    if (error) *error = copy_of(vanban::format_diagnostic(e.diagnostic()));
  } catch (const std::exception& e) {
    if (error) *error = copy_of(e.what());
  }
  return nullptr;
}

void vanban_engine_free(vanban_engine* engine) { delete engine; }

char* vanban_engine_templates_json(const vanban_engine* engine) {
  if (!engine) return nullptr;
  try {
    return copy_of(vanban::templates_json(engine->engine.templates()));
  } catch (const std::exception&) {
    return nullptr;
  }
}

void vanban_string_free(char* text) { std::free(text); }

vanban_request* vanban_request_new(void) { return new (std::nothrow) vanban_request; }
void vanban_request_free(vanban_request* request) { delete request; }

int vanban_request_set_template(vanban_request* request, const char* template_name) {
  if (!request) return -1;
  request->request.template_name = template_name ? template_name : "";
  return 0;
}

int vanban_request_set_data(vanban_request* request, const char* data, size_t size) {
  if (!request || (!data && size > 0)) return -1;
  request->request.data.assign(data ? data : "", size);
  return 0;
}

int vanban_request_set_data_name(vanban_request* request, const char* data_name) {
  if (!request || !data_name || !*data_name) return -1;
  request->request.data_name = data_name;
  return 0;
}

int vanban_request_set_files_dir(vanban_request* request, const char* folder) {
  return request ? set_files_dir(request->request.files, folder) : -1;
}

int vanban_request_set_lenient(vanban_request* request, int lenient) {
  if (!request) return -1;
  request->request.lenient = lenient != 0;
  return 0;
}

int vanban_request_set_language(vanban_request* request, const char* language) {
  return request ? set_language(request->language, language) : -1;
}

int vanban_request_set_sign_fields(vanban_request* request, int sign_fields) {
  if (!request) return -1;
  request->request.sign_fields = sign_fields != 0;
  return 0;
}

namespace {

int set_profile(vanban::PdfProfile& profile, const char* level) {
  const std::string name = level ? level : "";
  if (name.empty()) profile = vanban::PdfProfile::plain;
  else if (name == "2b") profile = vanban::PdfProfile::pdfa_2b;
  else if (name == "2u") profile = vanban::PdfProfile::pdfa_2u;
  else return -1;
  return 0;
}

}  // namespace

int vanban_request_set_pdfa(vanban_request* request, const char* level) {
  return request ? set_profile(request->request.pdf_profile, level) : -1;
}

vanban_result* vanban_render(const vanban_engine* engine, const vanban_request* request) {
  if (!engine || !request) return nullptr;
  try {
    auto out = std::make_unique<vanban_result>();
    out->result = engine->engine.render(request->request);
    for (auto& d : out->result.diagnostics) {
      out->texts.push_back(vanban::format_diagnostic(d, request->language));
      d = vanban::translate(d, request->language);
    }
    out->json = vanban::diagnostics_json(out->result.diagnostics);
    out->fields_json = vanban::signature_fields_json(out->result.signature_fields);
    return out.release();
  } catch (const std::exception&) {
    return nullptr;  // out of memory
  }
}

void vanban_result_free(vanban_result* result) { delete result; }

int vanban_result_ok(const vanban_result* result) { return result && result->result.ok() ? 1 : 0; }

const unsigned char* vanban_result_pdf(const vanban_result* result, size_t* size) {
  if (size) *size = result ? result->result.pdf.size() : 0;
  if (!result || result->result.pdf.empty()) return nullptr;
  return reinterpret_cast<const unsigned char*>(result->result.pdf.data());
}

size_t vanban_result_pages(const vanban_result* result) { return result ? result->result.stats.pages : 0; }

size_t vanban_result_diagnostic_count(const vanban_result* result) {
  return result ? result->result.diagnostics.size() : 0;
}

const char* vanban_result_diagnostic_severity(const vanban_result* result, size_t index) {
  const auto* d = diagnostic_at(result, index);
  if (!d) return nullptr;
  return d->severity == vanban::Severity::error ? "error" : "warning";
}

const char* vanban_result_diagnostic_code(const vanban_result* result, size_t index) {
  const auto* d = diagnostic_at(result, index);
  return d ? d->code.c_str() : nullptr;
}

const char* vanban_result_diagnostic_message(const vanban_result* result, size_t index) {
  const auto* d = diagnostic_at(result, index);
  return d ? d->message.c_str() : nullptr;
}

const char* vanban_result_diagnostic_file(const vanban_result* result, size_t index) {
  const auto* d = diagnostic_at(result, index);
  return d ? d->where.file.str().c_str() : nullptr;
}

int vanban_result_diagnostic_line(const vanban_result* result, size_t index) {
  const auto* d = diagnostic_at(result, index);
  return d ? d->where.line : 0;
}

int vanban_result_diagnostic_column(const vanban_result* result, size_t index) {
  const auto* d = diagnostic_at(result, index);
  return d ? d->where.column : 0;
}

size_t vanban_result_diagnostic_hint_count(const vanban_result* result, size_t index) {
  const auto* d = diagnostic_at(result, index);
  return d ? d->hints.size() : 0;
}

const char* vanban_result_diagnostic_hint(const vanban_result* result, size_t index, size_t hint) {
  const auto* d = diagnostic_at(result, index);
  return d && hint < d->hints.size() ? d->hints[hint].c_str() : nullptr;
}

const char* vanban_result_diagnostic_text(const vanban_result* result, size_t index) {
  return diagnostic_at(result, index) ? result->texts[index].c_str() : nullptr;
}

const char* vanban_result_diagnostics_json(const vanban_result* result) { return result ? result->json.c_str() : nullptr; }
const char* vanban_result_fields_json(const vanban_result* result) { return result ? result->fields_json.c_str() : nullptr; }

vanban_batch* vanban_batch_new(void) { return new (std::nothrow) vanban_batch; }
void vanban_batch_free(vanban_batch* batch) { delete batch; }

int vanban_batch_set_template(vanban_batch* batch, const char* template_name) {
  if (!batch || !template_name) return -1;
  batch->request.template_name = template_name;
  return 0;
}

int vanban_batch_set_records(vanban_batch* batch, const char* bytes, size_t size, const char* name) {
  if (!batch || (!bytes && size > 0) || !name || !*name) return -1;
  batch->request.records.assign(bytes ? bytes : "", size);
  batch->request.records_name = name;
  return 0;
}

int vanban_batch_set_common(vanban_batch* batch, const char* data, size_t size) {
  if (!batch || (!data && size > 0)) return -1;
  batch->request.common.assign(data ? data : "", size);
  return 0;
}

int vanban_batch_set_sheet(vanban_batch* batch, const char* sheet) {
  if (!batch) return -1;
  batch->request.sheet = sheet ? sheet : "";
  return 0;
}

int vanban_batch_set_files_dir(vanban_batch* batch, const char* folder) {
  return batch ? set_files_dir(batch->request.files, folder) : -1;
}

int vanban_batch_set_lenient(vanban_batch* batch, int lenient) {
  if (!batch) return -1;
  batch->request.lenient = lenient != 0;
  return 0;
}

int vanban_batch_set_sign_fields(vanban_batch* batch, int sign_fields) {
  if (!batch) return -1;
  batch->request.sign_fields = sign_fields != 0;
  return 0;
}

int vanban_batch_set_pdfa(vanban_batch* batch, const char* level) {
  return batch ? set_profile(batch->request.pdf_profile, level) : -1;
}

int vanban_batch_set_each(vanban_batch* batch, int each, const char* pattern) {
  if (!batch || (pattern && !*pattern)) return -1;
  batch->request.want_each = each != 0;
  batch->request.name_pattern = pattern ? pattern : "{{number}}.pdf";
  return 0;
}

int vanban_batch_set_jobs(vanban_batch* batch, int jobs) {
  if (!batch || jobs < 1) return -1;
  batch->request.jobs = jobs;
  return 0;
}

int vanban_batch_set_language(vanban_batch* batch, const char* language) {
  return batch ? set_language(batch->language, language) : -1;
}

int vanban_batch_set_merged(vanban_batch* batch, int merged) {
  if (!batch) return -1;
  batch->request.want_merged = merged != 0;
  return 0;
}

int vanban_batch_set_record_sink(vanban_batch* batch, vanban_record_sink sink, void* context) {
  if (!batch) return -1;
  if (!sink) {
    batch->request.on_record_pdf = nullptr;
    return 0;
  }
  batch->request.on_record_pdf = [sink, context](const std::string& file_name, std::string pdf) {
    const int refused = sink(context, file_name.c_str(), reinterpret_cast<const unsigned char*>(pdf.data()), pdf.size());
    if (refused != 0) throw std::runtime_error("its record sink returned " + std::to_string(refused));
  };
  return 0;
}

vanban_batch_result* vanban_render_batch(const vanban_engine* engine, const vanban_batch* batch) {
  if (!engine || !batch) return nullptr;
  try {
    auto out = std::make_unique<vanban_batch_result>();
    out->result = engine->engine.render_batch(batch->request);
    for (auto& d : out->result.diagnostics) d = vanban::translate(d, batch->language);
    for (auto& record : out->result.records) {
      for (auto& d : record.diagnostics) d = vanban::translate(d, batch->language);
    }
    out->report = vanban::batch_report_json(out->result);
    out->json = vanban::diagnostics_json(out->result.diagnostics);
    return out.release();
  } catch (const std::exception&) {
    return nullptr;  // out of memory
  }
}

void vanban_batch_result_free(vanban_batch_result* result) { delete result; }

int vanban_batch_result_ok(const vanban_batch_result* result) { return result && result->result.ok() ? 1 : 0; }

size_t vanban_batch_result_printed(const vanban_batch_result* result) {
  return result ? static_cast<size_t>(result->result.printed()) : 0;
}

size_t vanban_batch_result_failed(const vanban_batch_result* result) {
  return result ? static_cast<size_t>(result->result.failed()) : 0;
}

const unsigned char* vanban_batch_result_merged_pdf(const vanban_batch_result* result, size_t* size) {
  if (size) *size = result ? result->result.merged_pdf.size() : 0;
  if (!result || result->result.merged_pdf.empty()) return nullptr;
  return reinterpret_cast<const unsigned char*>(result->result.merged_pdf.data());
}

size_t vanban_batch_result_record_count(const vanban_batch_result* result) {
  return result ? result->result.records.size() : 0;
}

int vanban_batch_result_record_printed(const vanban_batch_result* result, size_t index) {
  if (!result || index >= result->result.records.size()) return -1;
  return result->result.records[index].status == vanban::RecordStatus::printed ? 1 : 0;
}

const char* vanban_batch_result_record_file_name(const vanban_batch_result* result, size_t index) {
  if (!result || index >= result->result.records.size() || result->result.records[index].file_name.empty()) return nullptr;
  return result->result.records[index].file_name.c_str();
}

const unsigned char* vanban_batch_result_record_pdf(const vanban_batch_result* result, size_t index, size_t* size) {
  const bool there = result && index < result->result.records.size() && !result->result.records[index].pdf.empty();
  if (size) *size = there ? result->result.records[index].pdf.size() : 0;
  return there ? reinterpret_cast<const unsigned char*>(result->result.records[index].pdf.data()) : nullptr;
}

const char* vanban_batch_result_report_json(const vanban_batch_result* result) { return result ? result->report.c_str() : nullptr; }

const char* vanban_batch_result_diagnostics_json(const vanban_batch_result* result) {
  return result ? result->json.c_str() : nullptr;
}

}  // extern "C"
