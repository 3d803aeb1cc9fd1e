#include "base/files.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/diagnostics.h"
#include "base/limits.h"

namespace vanban {

std::string read_file(const std::string& path) {
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    return buffer.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) fail("io.read", "cannot open file: " + std::string(std::strerror(errno)), {path});
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) fail("io.read", "cannot read file", {path});
  return bytes;
}

void fail_input_size(const std::string& file_name, std::size_t size, std::size_t limit) {
  const auto megabytes = [](std::size_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / (1 << 20));
    return std::string(text);
  };
  fail("limit.input-size", "the file is " + megabytes(size) + ", more than the " + megabytes(limit) + " allowed",
       {file_name}, {"check that this is the file you meant; raise the limit with --max-input-mb"});
}

std::string read_file(const std::string& path, std::size_t max_bytes) {
  // Read in blocks and stop one block past the limit: a device (/dev/zero), a pipe or a file
  // that grows is never read whole.
  const auto read_bounded = [&](std::istream& in, const std::string& name) {
    std::string bytes;
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
      bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
      if (bytes.size() > max_bytes) fail_input_size(name, bytes.size(), max_bytes);
    }
    if (in.bad()) fail("io.read", "cannot read file", {name});
    return bytes;
  };
  if (path == "-") return read_bounded(std::cin, "<stdin>");
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0) {
    if (S_ISDIR(info.st_mode)) fail("io.read", "cannot read file: it is a folder", {path});
    if (S_ISREG(info.st_mode) && static_cast<std::size_t>(info.st_size) > max_bytes) {
      fail_input_size(path, static_cast<std::size_t>(info.st_size), max_bytes);
    }
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) fail("io.read", "cannot open file: " + std::string(std::strerror(errno)), {path});
  return read_bounded(in, path);
}

void write_file_atomically(const std::string& path, std::string_view bytes) {
  if (path == "-") {
    std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    std::cout.flush();
    if (!std::cout) fail("io.write", "cannot write to standard output", {path});
    return;
  }
  const std::filesystem::path target(path);
  std::string temp = (target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path()) /
                     ("." + target.filename().string() + ".XXXXXX");
  const int fd = mkstemp(temp.data());
  if (fd < 0) {
    fail("io.write", "cannot create a temporary file beside the output: " + std::string(std::strerror(errno)), {path},
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
      fail("io.write", "cannot write output: " + reason, {path},
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
    fail("io.write", "cannot finish writing output: " + reason, {path});
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    ::unlink(temp.c_str());
    fail("io.write", "cannot move output into place: " + reason, {path});
  }
}

}  // namespace vanban
