// Running commands from tests: the vanban binary and the PDF readers (poppler, mutool, qpdf).
#pragma once

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>
#include <sys/wait.h>

namespace vanban::testing {

struct Run {
  int exit_code = -1;
  std::string out;  // standard output
  std::string err;  // standard error
};

inline std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs a shell command, capturing standard output and standard error separately.
inline Run run(const std::string& command) {
  static int counter = 0;
  const auto err_file = std::filesystem::temp_directory_path() /
                        ("vanban-test-stderr-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  Run result;
  FILE* pipe = ::popen((command + " 2>" + quote(err_file.string())).c_str(), "r");
  if (!pipe) return result;
  std::array<char, 65536> buffer;
  std::size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.out.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (FILE* f = std::fopen(err_file.c_str(), "rb")) {
    while ((n = std::fread(buffer.data(), 1, buffer.size(), f)) > 0) result.err.append(buffer.data(), n);
    std::fclose(f);
  }
  std::filesystem::remove(err_file);
  return result;
}

inline std::string vanban_cli() { return VANBAN_CLI; }

// Text as a reader compares it: every run of spaces, tabs, line and page breaks (pdftotext
// starts pages with \f) made one space, none at the ends.
inline std::string collapse_spaces(const std::string& text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    out += c;
    space = false;
  }
  return out;
}

// A fresh empty folder for one test's files.
inline std::filesystem::path scratch(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("vanban-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace vanban::testing
