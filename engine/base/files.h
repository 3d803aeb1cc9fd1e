// Files: reading inputs whole, and writing outputs so that nothing is half-written.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vanban {

// Reads a whole file ("-" is standard input). Throws Error "io.read" naming the file.
std::string read_file(const std::string& path);

// The same, refusing a file larger than max_bytes before reading it (Error "limit.input-size",
// see base/limits.h).
std::string read_file(const std::string& path, std::size_t max_bytes);

// Refuses, before any work is done, outputs that would replace what they must not: an output
// that is one of the inputs of the run (the same file, by device and inode), two outputs that
// are the same file, and an output that exists as anything but a regular file (a symbolic
// link, which writing would replace with a file; a device, /dev/stdout among them; a FIFO; a
// folder). "-" is standard output and always allowed. Throws Error "io.output" naming the
// flag (what, as "-o" or "--merge") and the file.
struct OutputFile {
  std::string path;
  std::string what;  // the option that names it: "-o", "--markup", "--report"
};
void check_outputs(const std::vector<OutputFile>& outputs, const std::vector<std::string>& inputs);

// Writes bytes to path ("-" is standard output) through a temporary file in the same folder
// that is renamed over the target only once it is complete, so an error never leaves a
// partial or truncated output behind. Throws Error "io.write" naming the file.
void write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace vanban
