/* vanban's C API: Vietnamese administrative documents, typeset by Decree 30/2020/NĐ-CP, from
 * any language that can call C (PHP FFI, Python ctypes, Go cgo, .NET P/Invoke).
 *
 * An engine is made once and may be shared between threads; each render returns a result the
 * caller owns and frees. Strings are UTF-8 and NUL-terminated unless a size is given; every
 * string a result hands out lives as long as the result.
 *
 *   char* error = NULL;
 *   vanban_engine* engine = vanban_engine_new(NULL, &error);   // the installed templates and fonts
 *   vanban_request* request = vanban_request_new();
 *   vanban_request_set_template(request, "giay-khen");
 *   vanban_request_set_data(request, json, strlen(json));
 *   vanban_result* result = vanban_render(engine, request);
 *   size_t size; const unsigned char* pdf = vanban_result_pdf(result, &size);
 *   ...
 *   vanban_result_free(result); vanban_request_free(request); vanban_engine_free(engine);
 */
#ifndef VANBAN_VANBAN_H
#define VANBAN_VANBAN_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct vanban_engine vanban_engine;
typedef struct vanban_request vanban_request;
typedef struct vanban_result vanban_result;

/* The library's version, "0.1.0". */
const char* vanban_version(void);

/* Makes an engine that reads templates/ and fonts/ from home: the folder an installation's
 * share/vanban is, or vanban's source folder; NULL or "" for $VANBAN_HOME, else the installed
 * one. On failure returns NULL and, when error is not NULL, sets *error to a message the
 * caller frees with vanban_string_free. */
vanban_engine* vanban_engine_new(const char* home, char** error);
void vanban_engine_free(vanban_engine* engine);

/* The templates' declarations, as a JSON array of {name, summary, type, profile, fields}; the
 * caller frees the string with vanban_string_free. */
char* vanban_engine_templates_json(const vanban_engine* engine);
void vanban_string_free(char* text);

/* A request: the template's name (none: the one the data names), the data (JSON or XML),
 * the name the data has in diagnostics ("data" by default), the folder its images are read
 * from (none: the data names no image), lenient (Decree 30 findings as warnings) and the
 * language of the messages ("en", the default, or "vi"). Each setter copies what it is given
 * and returns 0, or -1 for a value it does not know (a language other than en or vi). */
vanban_request* vanban_request_new(void);
void vanban_request_free(vanban_request* request);
int vanban_request_set_template(vanban_request* request, const char* template_name);
int vanban_request_set_data(vanban_request* request, const char* data, size_t size);
int vanban_request_set_data_name(vanban_request* request, const char* data_name);
int vanban_request_set_files_dir(vanban_request* request, const char* folder);
int vanban_request_set_lenient(vanban_request* request, int lenient);
int vanban_request_set_language(vanban_request* request, const char* language);
/* 1: keep unsigned signature fields where the signer and the organisation sign
 * (docs/electronic.md); vanban_result_fields_json then tells where they are. */
int vanban_request_set_sign_fields(vanban_request* request, int sign_fields);
/* "2b" or "2u": write PDF/A-2 at that level; NULL or "": plain PDF. -1 for another value. */
int vanban_request_set_pdfa(vanban_request* request, const char* level);

/* Renders one document. Never returns NULL (but when out of memory); bad data gives a result
 * whose vanban_result_ok is 0 and whose diagnostics say why. */
vanban_result* vanban_render(const vanban_engine* engine, const vanban_request* request);
void vanban_result_free(vanban_result* result);

/* 1 when no diagnostic is an error (the PDF was made), else 0. */
int vanban_result_ok(const vanban_result* result);
/* The PDF's bytes and their number; NULL and 0 when there is none. */
const unsigned char* vanban_result_pdf(const vanban_result* result, size_t* size);
size_t vanban_result_pages(const vanban_result* result);

/* The diagnostics, 0 ≤ index < count: severity ("error" or "warning"), code
 * ("check.required-field"), message, the file, line and column it points at (0 where none),
 * the batch record (0: none), its hints, and the whole as vanban prints it. */
size_t vanban_result_diagnostic_count(const vanban_result* result);
const char* vanban_result_diagnostic_severity(const vanban_result* result, size_t index);
const char* vanban_result_diagnostic_code(const vanban_result* result, size_t index);
const char* vanban_result_diagnostic_message(const vanban_result* result, size_t index);
const char* vanban_result_diagnostic_file(const vanban_result* result, size_t index);
int vanban_result_diagnostic_line(const vanban_result* result, size_t index);
int vanban_result_diagnostic_column(const vanban_result* result, size_t index);
size_t vanban_result_diagnostic_hint_count(const vanban_result* result, size_t index);
const char* vanban_result_diagnostic_hint(const vanban_result* result, size_t index, size_t hint);
const char* vanban_result_diagnostic_text(const vanban_result* result, size_t index);
/* Every diagnostic as a JSON array of {severity, code, message, file, line, column, field,
 * hints}. */
const char* vanban_result_diagnostics_json(const vanban_result* result);
/* The signature fields kept, as vanban render --fields-json writes them: {"fields": [{name,
 * page, rect, mm}]}; {"fields": []} without them. */
const char* vanban_result_fields_json(const vanban_result* result);

/* A batch: one template over the records of a workbook, CSV, JSON or XML file, given as
 * bytes; a print file of every printed record and, when asked, a PDF per record, all held by
 * the result. A bad record fails alone, with its diagnostics in the report.
 *
 *   vanban_batch* batch = vanban_batch_new();
 *   vanban_batch_set_template(batch, "giay-khen");
 *   vanban_batch_set_records(batch, xlsx, xlsx_size, "danh-sach.xlsx");
 *   vanban_batch_result* printed = vanban_render_batch(engine, batch);
 *   const unsigned char* pdf = vanban_batch_result_merged_pdf(printed, &size);
 *   puts(vanban_batch_result_report_json(printed));
 *   vanban_batch_result_free(printed); vanban_batch_free(batch);
 */
typedef struct vanban_batch vanban_batch;
typedef struct vanban_batch_result vanban_batch_result;

vanban_batch* vanban_batch_new(void);
void vanban_batch_free(vanban_batch* batch);
/* Each returns 0, or -1 for a NULL batch or a value it cannot take. */
int vanban_batch_set_template(vanban_batch* batch, const char* template_name);
/* name's extension (.xlsx, .csv, .txt, .tsv, .json, .xml) gives the format; diagnostics name it. */
int vanban_batch_set_records(vanban_batch* batch, const char* bytes, size_t size, const char* name);
/* The fields every record shares, as JSON or XML. */
int vanban_batch_set_common(vanban_batch* batch, const char* data, size_t size);
int vanban_batch_set_sheet(vanban_batch* batch, const char* sheet);
int vanban_batch_set_files_dir(vanban_batch* batch, const char* folder);
int vanban_batch_set_lenient(vanban_batch* batch, int lenient);
int vanban_batch_set_sign_fields(vanban_batch* batch, int sign_fields);
int vanban_batch_set_pdfa(vanban_batch* batch, const char* level);
/* each: 1 for a PDF per record too, named by pattern (NULL: "{{number}}.pdf"). */
int vanban_batch_set_each(vanban_batch* batch, int each, const char* pattern);
int vanban_batch_set_jobs(vanban_batch* batch, int jobs);
int vanban_batch_set_language(vanban_batch* batch, const char* language);
/* merged: 1 (the default) for one print file of every printed record, 0 for none. */
int vanban_batch_set_merged(vanban_batch* batch, int merged);
/* With a PDF per record: each PDF handed to sink under its file name as soon as it is made,
 * one call at a time, in the order the records finish, instead of kept in the result
 * (vanban_batch_result_record_pdf then gives NULL). The bytes are the sink's to copy during
 * the call. It returns 0 when it took the PDF; anything else fails that record
 * (batch.record-sink) and the others go on. NULL: the PDFs are kept in the result. */
typedef int (*vanban_record_sink)(void* context, const char* file_name, const unsigned char* pdf, size_t size);
int vanban_batch_set_record_sink(vanban_batch* batch, vanban_record_sink sink, void* context);

/* NULL only when out of memory. */
vanban_batch_result* vanban_render_batch(const vanban_engine* engine, const vanban_batch* batch);
void vanban_batch_result_free(vanban_batch_result* result);
/* 1 when no error stopped the batch itself (records may still have failed). */
int vanban_batch_result_ok(const vanban_batch_result* result);
size_t vanban_batch_result_printed(const vanban_batch_result* result);
size_t vanban_batch_result_failed(const vanban_batch_result* result);
/* The print file, or NULL when no record printed. */
const unsigned char* vanban_batch_result_merged_pdf(const vanban_batch_result* result, size_t* size);
size_t vanban_batch_result_record_count(const vanban_batch_result* result);
/* 1 printed, 0 failed, -1 no such record. */
int vanban_batch_result_record_printed(const vanban_batch_result* result, size_t index);
/* With each: the record's file name and PDF; NULL when it failed or none was asked for. */
const char* vanban_batch_result_record_file_name(const vanban_batch_result* result, size_t index);
const unsigned char* vanban_batch_result_record_pdf(const vanban_batch_result* result, size_t index, size_t* size);
/* One object per record {record, row, name, status, output, pages, problems}, its problems
 * in the batch's language. */
const char* vanban_batch_result_report_json(const vanban_batch_result* result);
/* The batch's own diagnostics (what stopped it, warnings) as vanban_result_diagnostics_json. */
const char* vanban_batch_result_diagnostics_json(const vanban_batch_result* result);

#ifdef __cplusplus
}
#endif

#endif
