#include "base/files.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <limits>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/diagnostics.h"
#include "base/limits.h"

namespace vanban {

std::string format_megabytes(std::size_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / (1 << 20));
  return text;
}

void fail_input_size(const std::string& file_name, std::size_t size, std::size_t limit) {
  fail_with("limit.input-size", "the file is {}, more than the {} allowed", {format_megabytes(size), format_megabytes(limit)},
            {file_name}, {"check that this is the file you meant; raise the limit with --max-input-mb"});
}

std::string read_file(const std::string& path, std::size_t max_bytes) {
  // Standard input is read as a file is: from its descriptor, in blocks, up to the limit.
  const bool from_stdin = path == "-";
  const std::string name = from_stdin ? "<stdin>" : path;
  struct stat info {};
  const bool known = from_stdin ? ::fstat(STDIN_FILENO, &info) == 0 : ::stat(path.c_str(), &info) == 0;
  if (known) {
    if (S_ISDIR(info.st_mode)) fail("io.read", "cannot read file: it is a folder", {name});
    if (S_ISREG(info.st_mode) && static_cast<std::size_t>(info.st_size) > max_bytes) {
      fail_input_size(name, static_cast<std::size_t>(info.st_size), max_bytes);
    }
  }
  const int descriptor = from_stdin ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (descriptor < 0) fail_with("io.read", "cannot open file: {}", {std::strerror(errno)}, {name});
  // Straight into the string, sized by the file plus one byte, so that a regular file is one
  // copy from the page cache (fonts are read at every start) and the one byte tells whether
  // it grew since stat; past that, or for a device or a pipe, the string grows in steps and
  // never beyond one byte over the limit: /dev/zero or a pipe that never ends is not read whole.
  const bool regular = known && S_ISREG(info.st_mode);
  std::string bytes(regular ? static_cast<std::size_t>(info.st_size) + 1 : std::size_t{1} << 16, '\0');
  std::size_t filled = 0;
  const auto finish = [&] {
    if (!from_stdin) ::close(descriptor);
  };
  for (;;) {
    if (filled == bytes.size()) {
      if (filled > max_bytes) break;
      bytes.resize(std::min(std::max(filled * 2, filled + (std::size_t{1} << 16)), max_bytes + 1));
    }
    const ssize_t count = ::read(descriptor, bytes.data() + filled, bytes.size() - filled);
    if (count < 0 && errno == EINTR) continue;
    if (count < 0) {
      const int error = errno;
      finish();
      fail_with("io.read", "cannot read file: {}", {std::strerror(error)}, {name});
    }
    if (count == 0) break;
    filled += static_cast<std::size_t>(count);
  }
  finish();
  if (filled > max_bytes && !regular) {
    // A device or a pipe has no size to tell: only that it went past the limit.
    fail_with("limit.input-size", "the file gives more than the {} allowed", {format_megabytes(max_bytes)}, {name},
              {"check that this is the file you meant; raise the limit with --max-input-mb"});
  }
  if (filled > max_bytes) fail_input_size(name, filled, max_bytes);
  bytes.resize(filled);
  return bytes;
}

std::string read_file(const std::string& path) {
  // The same reader with no limit of its own (one byte of headroom kept for its "grew past the
  // limit" test), so that standard input is read from its descriptor however it is read.
  return read_file(path, std::numeric_limits<std::size_t>::max() - 1);
}

namespace {

// What a path is when it exists and is not a regular file, for the message; empty otherwise.
std::string not_a_regular_file(const std::string& path) {
  struct stat info {};
  if (::lstat(path.c_str(), &info) != 0) return {};
  if (S_ISLNK(info.st_mode)) return "a symbolic link";
  if (S_ISDIR(info.st_mode)) return "a folder";
  if (S_ISCHR(info.st_mode) || S_ISBLK(info.st_mode)) return "a device";
  if (S_ISFIFO(info.st_mode)) return "a FIFO (named pipe)";
  if (S_ISSOCK(info.st_mode)) return "a socket";
  return {};
}

}  // namespace

void check_outputs(const std::vector<OutputFile>& outputs, const std::vector<std::string>& inputs) {
  std::vector<Diagnostic> errors;
  // why: a format whose first two "{}" are the output's option and path.
  const auto refuse = [&](const OutputFile& output, const char* why, std::vector<std::string> more, std::string hint) {
    std::vector<std::string> arguments{output.what, output.path};
    arguments.insert(arguments.end(), more.begin(), more.end());
    errors.push_back(formatted(Severity::error, "io.output", why, std::move(arguments), {output.path}, {std::move(hint)}));
  };
  std::vector<std::pair<std::filesystem::path, const OutputFile*>> seen;
  for (const auto& output : outputs) {
    if (output.path.empty() || output.path == "-") continue;
    if (const std::string kind = not_a_regular_file(output.path); !kind.empty()) {
      refuse(output, "{} {}: it is {}, which writing would replace or cannot hold a PDF", {kind},
             kind == "a symbolic link" || kind == "a device"
                 ? "give the real file's path; write to standard output with -" + std::string(output.what == "-o" ? " (-o -)" : "")
                 : "give the path of a file to write");
      continue;
    }
    struct stat out {};
    const bool exists = ::stat(output.path.c_str(), &out) == 0;
    for (const auto& input : inputs) {
      struct stat in {};
      if (!exists || input.empty() || input == "-" || ::stat(input.c_str(), &in) != 0) continue;
      if (in.st_dev == out.st_dev && in.st_ino == out.st_ino) {
        refuse(output, "{} {}: it is the input {}, which writing would replace", {input}, "write the output to another file");
      }
    }
    std::error_code error;
    const auto canonical = std::filesystem::weakly_canonical(output.path, error);
    for (const auto& [other, first] : seen) {
      if (!error && other == canonical) {
        refuse(output, "{} {}: it is also the file of {}: one output would replace the other", {first->what},
               "give each output a file of its own");
      }
    }
    if (!error) seen.emplace_back(canonical, &output);
  }
  if (!errors.empty()) throw Error(std::move(errors));
}

void write_file_atomically(const std::string& path, std::string_view bytes) {
  if (path == "-") {
    std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    std::cout.flush();
    if (!std::cout) fail("io.write", "cannot write to standard output", {path});
    return;
  }
  // A link, a device or a folder in the output's place is never replaced (check_outputs says
  // so before any work; this holds for every caller).
  if (const std::string kind = not_a_regular_file(path); !kind.empty()) {
    fail_with("io.output", "the output {} is {}, which writing would replace or cannot hold a PDF", {path, kind}, {path},
              {"give the path of a file to write"});
  }
  const std::filesystem::path target(path);
  std::string temp = (target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path()) /
                     ("." + target.filename().string() + ".XXXXXX");
  const int fd = mkstemp(temp.data());
  if (fd < 0) {
    fail_with("io.write", "cannot create a temporary file beside the output: {}", {std::strerror(errno)}, {path},
              {"write to a folder that exists and that you may write to"});
  }
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string reason = std::strerror(errno);
      ::close(fd);
      ::unlink(temp.c_str());
      fail_with("io.write", "cannot write output: {}", {reason}, {path},
           {"free some space on the disk and run again; nothing was written, and an earlier " + target.filename().string() +
            " is as it was"});
    }
    written += static_cast<std::size_t>(n);
  }
  // mkstemp creates 0600; give the output the usual permissions for a new file.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  if (::close(fd) != 0) {
    const std::string reason = std::strerror(errno);
    ::unlink(temp.c_str());
    fail_with("io.write", "cannot finish writing output: {}", {reason}, {path});
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    ::unlink(temp.c_str());
    fail_with("io.write", "cannot move output into place: {}", {reason}, {path});
  }
}

}  // namespace vanban
