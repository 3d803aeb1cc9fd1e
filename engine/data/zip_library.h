#pragma once
// libzip, opened when a workbook is first read rather than when the program starts: with the
// OpenSSL and bzip2 it brings, loading it at start was a tenth of a render's process time,
// and most runs read no workbook (docs/dependencies.md, "libzip").

#include <string>

#include <zip.h>

namespace vanban::data {

// The libzip functions the workbook reader calls, as the library defines them.
struct ZipLibrary {
  decltype(&::zip_close) close;
  decltype(&::zip_discard) discard;
  decltype(&::zip_error_fini) error_fini;
  decltype(&::zip_error_init) error_init;
  decltype(&::zip_fclose) fclose;
  decltype(&::zip_file_replace) file_replace;
  decltype(&::zip_file_set_mtime) file_set_mtime;
  decltype(&::zip_fopen) fopen;
  decltype(&::zip_fread) fread;
  decltype(&::zip_name_locate) name_locate;
  decltype(&::zip_open_from_source) open_from_source;
  decltype(&::zip_source_buffer) source_buffer;
  decltype(&::zip_source_buffer_create) source_buffer_create;
  decltype(&::zip_source_close) source_close;
  decltype(&::zip_source_free) source_free;
  decltype(&::zip_source_keep) source_keep;
  decltype(&::zip_source_open) source_open;
  decltype(&::zip_source_read) source_read;
  decltype(&::zip_source_stat) source_stat;
  decltype(&::zip_stat) stat;
  decltype(&::zip_stat_index) stat_index;
  decltype(&::zip_stat_init) stat_init;
};

// Loads libzip once per process (thread-safe) and returns its functions; throws Error
// "data.xlsx-library", at the workbook being opened, when the library or one of its
// functions cannot be found.
const ZipLibrary& zip_library(const std::string& file_name);

}  // namespace vanban::data
