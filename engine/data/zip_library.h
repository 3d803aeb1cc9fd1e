#pragma once
// libzip, opened when a workbook is first read rather than when the program starts: with the
// OpenSSL and bzip2 it brings, loading it at start was a tenth of a render's process time,
// and most runs read no workbook (docs/dependencies.md, "libzip").

#include <string>

#include <zip.h>

namespace vanban::data {

// The libzip functions the workbook reader calls, named without their zip_ prefix: one list
// gives both the members and what zip_library() looks up.
#define VANBAN_ZIP_FUNCTIONS(X) \
  X(close) \
  X(discard) \
  X(error_fini) \
  X(error_init) \
  X(fclose) \
  X(file_replace) \
  X(file_set_mtime) \
  X(fopen) \
  X(fread) \
  X(name_locate) \
  X(open_from_source) \
  X(source_buffer) \
  X(source_buffer_create) \
  X(source_close) \
  X(source_free) \
  X(source_keep) \
  X(source_open) \
  X(source_read) \
  X(source_stat) \
  X(stat) \
  X(stat_index) \
  X(stat_init)

// Those functions, as the library defines them.
struct ZipLibrary {
#define VANBAN_ZIP_MEMBER(name) decltype(&::zip_##name) name;
  VANBAN_ZIP_FUNCTIONS(VANBAN_ZIP_MEMBER)
#undef VANBAN_ZIP_MEMBER
};

// Loads libzip once per process (thread-safe) and returns its functions; throws Error
// "data.xlsx-library", at the workbook being opened, when the library or one of its
// functions cannot be found.
const ZipLibrary& zip_library(const std::string& file_name);

}  // namespace vanban::data
