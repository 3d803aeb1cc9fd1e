// The command line of vanban, shared by the two programs that run it.
//
// `vanban` is what clerks and scripts spawn for every document, so its start is part of each
// render's cost. The HTTP service's libraries (cpp-httplib, and through it OpenSSL and brotli)
// would double the symbols the dynamic loader binds at that start (docs/performance.md,
// "Process start"). So `vanban` does not link them: its `serve` command hands the same command
// line to `vanban-serve`, which is this command line linked with the service.
#pragma once

#include <functional>
#include <string>

#include <vanban/engine.h>

#include "service/service.h"

namespace vanban::cli {

// Runs `vanban serve` once its options are read: serves in this process, or replaces this
// process by the one that can (the same argv). Returns what service::serve returns; throws
// vanban::Error when it cannot start.
using ServeCommand =
    std::function<int(const EngineOptions& engine, const service::ServiceOptions& service, char** argv)>;

// Parses argv, runs the command and returns the exit code (0 done, 1 bad input, 2 bad usage,
// 3 a batch with failed records, 70 a bug).
int run_command_line(int argc, char** argv, const ServeCommand& serve);

}  // namespace vanban::cli
