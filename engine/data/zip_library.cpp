#include "data/zip_library.h"

#include <dlfcn.h>

#include <string>

#include "base/diagnostics.h"

namespace vanban::data {

namespace {

// The name the build linked against (VANBAN_LIBZIP_SONAME, read from the library's SONAME
// by engine/CMakeLists.txt): the same major version, whose functions keep their signatures.
constexpr const char* soname = VANBAN_LIBZIP_SONAME;

[[noreturn]] void unavailable(const std::string& file_name, const std::string& why) {
  fail_with("data.xlsx-library", "an .xlsx workbook cannot be read: libzip ({}) cannot be loaded: {}", {soname, why},
            {file_name, 0, 0});
}

template <typename Function>
void find(void* library, Function& function, const char* name, const std::string& file_name) {
  function = reinterpret_cast<Function>(dlsym(library, name));
  if (!function) unavailable(file_name, std::string("it has no function ") + name);
}

ZipLibrary load(const std::string& file_name) {
  // Never closed: the functions are used until the process ends.
  void* library = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (!library) {
    const char* error = dlerror();
    unavailable(file_name, error ? error : "not found");
  }
  ZipLibrary zip{};
  find(library, zip.close, "zip_close", file_name);
  find(library, zip.discard, "zip_discard", file_name);
  find(library, zip.error_fini, "zip_error_fini", file_name);
  find(library, zip.error_init, "zip_error_init", file_name);
  find(library, zip.fclose, "zip_fclose", file_name);
  find(library, zip.file_replace, "zip_file_replace", file_name);
  find(library, zip.file_set_mtime, "zip_file_set_mtime", file_name);
  find(library, zip.fopen, "zip_fopen", file_name);
  find(library, zip.fread, "zip_fread", file_name);
  find(library, zip.name_locate, "zip_name_locate", file_name);
  find(library, zip.open_from_source, "zip_open_from_source", file_name);
  find(library, zip.source_buffer, "zip_source_buffer", file_name);
  find(library, zip.source_buffer_create, "zip_source_buffer_create", file_name);
  find(library, zip.source_close, "zip_source_close", file_name);
  find(library, zip.source_free, "zip_source_free", file_name);
  find(library, zip.source_keep, "zip_source_keep", file_name);
  find(library, zip.source_open, "zip_source_open", file_name);
  find(library, zip.source_read, "zip_source_read", file_name);
  find(library, zip.source_stat, "zip_source_stat", file_name);
  find(library, zip.stat, "zip_stat", file_name);
  find(library, zip.stat_index, "zip_stat_index", file_name);
  find(library, zip.stat_init, "zip_stat_init", file_name);
  return zip;
}

}  // namespace

const ZipLibrary& zip_library(const std::string& file_name) {
  // A failed load throws out of the initialiser, so the next call tries again.
  static const ZipLibrary library = load(file_name);
  return library;
}

}  // namespace vanban::data
