// vanban serve (docs/service.md): the engine over HTTP for e-office systems, and a page for
// clerks. One Engine is loaded at start and shared by every request; renders run in a bounded
// number of work slots, with a bounded queue before them.
#pragma once

#include <cstddef>
#include <functional>
#include <ostream>
#include <string>

#include <vanban/engine.h>

namespace vanban::service {

struct ServiceOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                 // 0: any free port (told through on_listening)
  int workers = 0;                 // renders at once; 0: one per core
  int queue = 64;                  // requests waiting for a work slot; one more is answered 429
  double queue_deadline_s = 10;    // a request that waited this long is answered 503
  int connection_threads = 64;     // connections served at once; more wait their turn
  std::size_t max_body_bytes = std::size_t{32} << 20;  // a larger body is answered 413
  int read_timeout_s = 10;         // a client that sends nothing for this long is dropped
  int write_timeout_s = 10;        // a client that reads nothing for this long is dropped
  int keep_alive_s = 2;            // an idle kept-alive connection is closed after this
  std::string token;               // when given, /v1/ needs "Authorization: Bearer TOKEN"
  Limits limits;                   // every request's, as the command line's
  std::ostream* access_log = nullptr;  // one line per request
  std::function<void(const std::string& host, int port)> on_listening;
};

// Serves until SIGTERM or SIGINT, then finishes the requests in flight and returns 0; returns 1
// when it cannot listen. Call it from the program's main thread before any other thread is
// started: it blocks those signals for every thread it makes.
int serve(const Engine& engine, const ServiceOptions& options);

}  // namespace vanban::service
