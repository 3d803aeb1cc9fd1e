/* Renders a Giấy khen from JSON through the installed C API (vanban.h), with the engine's
 * home from $VANBAN_HOME, and prints the Vietnamese diagnostics of data that lacks a field.
 *   c_consumer DATA.json OUT.pdf */
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

int main(int argc, char** argv) {
  if (argc != 3) return 2;
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
  vanban_result_free(result);

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
