// Files: reading inputs whole, and writing outputs so that nothing is half-written.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace vanban {

// Reads a whole file ("-" is standard input). Throws Error "io.read" naming the file.
std::string read_file(const std::string& path);

// The same, refusing a file larger than max_bytes before reading it (Error "limit.input-size",
// see base/limits.h).
std::string read_file(const std::string& path, std::size_t max_bytes);

// Writes bytes to path ("-" is standard output) through a temporary file in the same folder
// that is renamed over the target only once it is complete, so an error never leaves a
// partial or truncated output behind. Throws Error "io.write" naming the file.
void write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace vanban
