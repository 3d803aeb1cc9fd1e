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
#define VANBAN_ZIP_FIND(name) find(library, zip.name, "zip_" #name, file_name);
  VANBAN_ZIP_FUNCTIONS(VANBAN_ZIP_FIND)
#undef VANBAN_ZIP_FIND
  return zip;
}

}  // namespace

const ZipLibrary& zip_library(const std::string& file_name) {
  // A failed load throws out of the initialiser, so the next call tries again.
  static const ZipLibrary library = load(file_name);
  return library;
}

}  // namespace vanban::data
