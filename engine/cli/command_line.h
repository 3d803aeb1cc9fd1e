// The command line of vanban, shared by the three programs that run it.
//
// `vanban` is what clerks and scripts spawn for every document, so its start is part of each
// render's cost. The HTTP service's libraries (cpp-httplib, and through it OpenSSL and brotli)
// would double the symbols the dynamic loader binds at that start (docs/performance.md,
// "Process start"). So `vanban` does not link them: its `serve` command hands the same command
// line to `vanban-serve`, which is this command line linked with the service, and its `sign`
// and `verify` to `vanban-sign`, this command line linked with OpenSSL's CMS (engine/sign).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <vanban/engine.h>

#include "service/service.h"

namespace vanban::cli {

// Runs `vanban serve` once its options are read: serves in this process, or replaces this
// process by the one that can (the same argv). Returns what service::serve returns; throws
// vanban::Error when it cannot start.
using ServeCommand =
    std::function<int(const EngineOptions& engine, const service::ServiceOptions& service, char** argv)>;

// vanban sign: the file, the field, and the key (a PKCS#12 file, or a token's).
struct SignArgs {
  std::string input, output, field;
  std::string p12, password_file;
  std::string pkcs11_module, pkcs11_uri, certificate, pin_file;
  std::string image;
  std::string time;  // ISO 8601; empty: now
  std::uint64_t max_image_pixels = 0;
};
// vanban verify: the file, and the CAs its signers' certificates should lead to.
struct VerifyArgs {
  std::string input;
  std::string ca;
  bool json = false;
};
// vanban lint-pdfa: the files, and the level (b, u; empty: the one each file claims).
struct LintArgs {
  std::vector<std::string> files;
  std::string level;
  bool rules = false;  // list the rules checked
};
// Each runs its command here, or replaces this process by the program that can (the same
// argv), and returns the exit code.
using SignCommand = std::function<int(const SignArgs& args, char** argv)>;
using VerifyCommand = std::function<int(const VerifyArgs& args, char** argv)>;
using LintCommand = std::function<int(const LintArgs& args, char** argv)>;

// What a program does with the commands another program may run.
struct Commands {
  ServeCommand serve;
  SignCommand sign;
  VerifyCommand verify;
  LintCommand lint_pdfa;
};

// The message a diagnostic prints as, in the language --lang chose.
std::string describe(const Diagnostic& diagnostic);
// Whether --lang chose Vietnamese.
bool in_vietnamese();

// Parses argv, runs the command and returns the exit code (0 done, 1 bad input, 2 bad usage,
// 3 a batch with failed records, 70 a bug).
int run_command_line(int argc, char** argv, const Commands& commands);

}  // namespace vanban::cli
