/* Renders a Giấy khen from JSON through the installed C API (vanban.h), with the engine's
 * home from $VANBAN_HOME, and prints the Vietnamese diagnostics of data that lacks a field;
 * then prints a batch of them from a CSV list and its common data, a PDF per record too,
 * and prints its report.
 *   c_consumer DATA.json OUT.pdf RECORDS.csv COMMON.xml BATCH.pdf */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <vanban/vanban.h>

static char* read_all(const char* path, size_t* size) {
  FILE* file = fopen(path, "rb");
  if (!file) return NULL;
  /* NUL-terminated: the program edits it as a string. */
  char* text = calloc(1, 1 << 20);
  *size = fread(text, 1, (1 << 20) - 1, file);
  fclose(file);
  return text;
}

/* What the record sink was given: how many PDFs, and how many that were not PDFs. */
struct sunk {
  size_t pdfs, bad;
};

static int take_pdf(void* context, const char* file_name, const unsigned char* pdf, size_t size) {
  struct sunk* handed = context;
  ++handed->pdfs;
  if (!file_name || size < 5 || memcmp(pdf, "%PDF-", 5) != 0) ++handed->bad;
  return 0;
}

int main(int argc, char** argv) {
  if (argc != 6) return 2;
  char* error = NULL;
  vanban_engine* engine = vanban_engine_new(NULL, &error);
  if (!engine) {
    fprintf(stderr, "c_consumer: %s\n", error);
    vanban_string_free(error);
    return 1;
  }
  size_t size = 0;
  char* data = read_all(argv[1], &size);
  if (!data) return 2;

  vanban_request* request = vanban_request_new();
  vanban_request_set_data(request, data, size);
  vanban_request_set_data_name(request, "giay-khen.json");
  if (vanban_request_set_language(request, "vi") != 0 || vanban_request_set_language(request, "fr") != -1) return 1;
  vanban_result* result = vanban_render(engine, request);
  size_t pdf_size = 0;
  const unsigned char* pdf = vanban_result_pdf(result, &pdf_size);
  if (!vanban_result_ok(result) || !pdf || pdf_size < 1000 || vanban_result_pages(result) != 1) {
    fprintf(stderr, "c_consumer: no PDF\n");
    return 1;
  }
  FILE* out = fopen(argv[2], "wb");
  fwrite(pdf, 1, pdf_size, out);
  fclose(out);
  if (strcmp(vanban_result_fields_json(result), "{\"fields\": []}\n") != 0) return 1;
  vanban_result_free(result);

  /* Signature fields asked for: the JSON names both. */
  vanban_request_set_sign_fields(request, 1);
  result = vanban_render(engine, request);
  const char* fields = vanban_result_fields_json(result);
  if (!vanban_result_ok(result) || !strstr(fields, "\"name\": \"Sig_Signer\"") || !strstr(fields, "\"name\": \"Sig_Org\"")) {
    fprintf(stderr, "c_consumer: no signature fields: %s\n", fields);
    return 1;
  }
  printf("fields: %s", fields);
  vanban_result_free(result);
  vanban_request_set_sign_fields(request, 0);

  /* PDF/A-2b: the XMP names the part and the level; a level that is none is refused. */
  if (vanban_request_set_pdfa(request, "3z") != -1 || vanban_request_set_pdfa(request, "2b") != 0) return 1;
  result = vanban_render(engine, request);
  const char* archival = (const char*)vanban_result_pdf(result, &pdf_size);
  const char* claim = "<pdfaid:part>2</pdfaid:part>";
  int claimed = 0;
  for (size_t i = 0; archival && i + strlen(claim) <= pdf_size && !claimed; ++i) claimed = memcmp(archival + i, claim, strlen(claim)) == 0;
  if (!vanban_result_ok(result) || !claimed) {
    fprintf(stderr, "c_consumer: --pdfa 2b gave no PDF/A\n");
    return 1;
  }
  vanban_result_free(result);
  vanban_request_set_pdfa(request, NULL);

  /* The same data with the achievement left blank. */
  char* blank = strstr(data, "\"achievement\": \"");
  if (!blank) return 2;
  char* value = blank + strlen("\"achievement\": \"");
  char* end = strchr(value, '"');
  memmove(value, end, strlen(end) + 1);
  vanban_request_set_data(request, data, strlen(data));
  result = vanban_render(engine, request);
  int found = 0;
  for (size_t i = 0; i < vanban_result_diagnostic_count(result); ++i) {
    printf("%s\n", vanban_result_diagnostic_text(result, i));
    if (strcmp(vanban_result_diagnostic_code(result, i), "check.required-field") == 0 &&
        strcmp(vanban_result_diagnostic_severity(result, i), "error") == 0 && vanban_result_diagnostic_line(result, i) > 0) {
      found = 1;
    }
  }
  printf("%s\n", vanban_result_diagnostics_json(result));
  if (vanban_result_ok(result) || vanban_result_pdf(result, &pdf_size) != NULL || !found) {
    fprintf(stderr, "c_consumer: a blank achievement was not refused\n");
    return 1;
  }
  /* The batch. */
  size_t records_size = 0, common_size = 0;
  char* records = read_all(argv[3], &records_size);
  char* common = read_all(argv[4], &common_size);
  if (!records || !common) return 2;
  vanban_batch* batch = vanban_batch_new();
  if (vanban_batch_set_template(batch, "giay-khen") != 0 || vanban_batch_set_records(batch, records, records_size, "danh-sach.csv") != 0 ||
      vanban_batch_set_common(batch, common, common_size) != 0 || vanban_batch_set_each(batch, 1, "{{recipient.name}}.pdf") != 0 ||
      vanban_batch_set_language(batch, "vi") != 0 || vanban_batch_set_records(batch, records, records_size, "") != -1) {
    return 1;
  }
  vanban_batch_result* printed = vanban_render_batch(engine, batch);
  size_t merged_size = 0;
  const unsigned char* merged = vanban_batch_result_merged_pdf(printed, &merged_size);
  if (!vanban_batch_result_ok(printed) || !merged || vanban_batch_result_printed(printed) == 0 ||
      vanban_batch_result_failed(printed) == 0) {
    fprintf(stderr, "c_consumer: the batch did not print, or no bad record was told: %s\n",
            vanban_batch_result_diagnostics_json(printed));
    return 1;
  }
  out = fopen(argv[5], "wb");
  fwrite(merged, 1, merged_size, out);
  fclose(out);
  for (size_t i = 0; i < vanban_batch_result_record_count(printed); ++i) {
    size_t one_size = 0;
    const unsigned char* one = vanban_batch_result_record_pdf(printed, i, &one_size);
    const char* name = vanban_batch_result_record_file_name(printed, i);
    if (vanban_batch_result_record_printed(printed, i) != (one != NULL) || (one != NULL) != (name != NULL)) return 1;
    if (name) printf("file: %s (%zu bytes)\n", name, one_size);
  }
  printf("%s\n", vanban_batch_result_report_json(printed));
  vanban_batch_result_free(printed);

  /* The same batch with each PDF handed to a sink as it is made, none kept, no print file. */
  struct sunk handed = {0, 0};
  if (vanban_batch_set_merged(batch, 0) != 0 || vanban_batch_set_record_sink(batch, take_pdf, &handed) != 0) return 1;
  printed = vanban_render_batch(engine, batch);
  if (!vanban_batch_result_ok(printed) || vanban_batch_result_merged_pdf(printed, &merged_size) != NULL ||
      handed.pdfs != vanban_batch_result_printed(printed) || handed.pdfs == 0 || handed.bad != 0) {
    fprintf(stderr, "c_consumer: the record sink was given %zu PDFs (%zu not PDFs) for %zu printed\n", handed.pdfs,
            handed.bad, vanban_batch_result_printed(printed));
    return 1;
  }
  for (size_t i = 0; i < vanban_batch_result_record_count(printed); ++i) {
    if (vanban_batch_result_record_pdf(printed, i, NULL) != NULL) return 1;
  }
  printf("sink: %zu PDFs\n", handed.pdfs);
  vanban_batch_result_free(printed);
  vanban_batch_free(batch);
  free(records);
  free(common);

  char* templates = vanban_engine_templates_json(engine);
  if (!templates || !strstr(templates, "\"name\":\"giay-khen\"")) return 1;
  vanban_string_free(templates);
  vanban_result_free(result);
  vanban_request_free(request);
  vanban_engine_free(engine);
  free(data);
  printf("c_consumer: vanban %s\n", vanban_version());
  return 0;
}
