// vanban serve (docs/service.md). cpp-httplib runs the connections, each on a thread of its
// pool; the work of a request (a render, a batch) is done by one of a few worker threads, so
// that a burst of requests queues in a bounded line instead of running all at once on two cores.
#include "service/service.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <functional>
#include <ctime>
#include <filesystem>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "base/diagnostics.h"
#include "service/page.h"

namespace vanban::service {

namespace {

using Clock = std::chrono::steady_clock;
using Json = nlohmann::ordered_json;

// Base64 (RFC 4648), for PDFs inside JSON answers and images inside JSON requests.
constexpr char base64_digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64_encode(const std::string& bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = static_cast<unsigned char>(bytes[i]) << 16 | static_cast<unsigned char>(bytes[i + 1]) << 8 |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += base64_digits[v >> 18 & 63];
    out += base64_digits[v >> 12 & 63];
    out += base64_digits[v >> 6 & 63];
    out += base64_digits[v & 63];
  }
  if (i < bytes.size()) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += base64_digits[v >> 18 & 63];
    out += base64_digits[v >> 12 & 63];
    out += i + 1 < bytes.size() ? base64_digits[v >> 6 & 63] : '=';
    out += '=';
  }
  return out;
}

// Returns nullopt for text that is not base64 (a "data:…;base64," prefix is skipped).
std::optional<std::string> base64_decode(std::string_view text) {
  if (const auto comma = text.find(";base64,"); text.rfind("data:", 0) == 0 && comma != std::string_view::npos) {
    text.remove_prefix(comma + 8);
  }
  std::string out;
  out.reserve(text.size() / 4 * 3);
  unsigned value = 0;
  int bits = 0;
  for (const char c : text) {
    if (c == '=' || c == '\n' || c == '\r' || c == ' ') continue;
    const char* at = std::strchr(base64_digits, c);
    if (!at || c == '\0') return std::nullopt;
    value = value << 6 | static_cast<unsigned>(at - base64_digits);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>(value >> bits & 0xFF);
    }
  }
  return out;
}


// The workers: `workers` threads make the documents, and at most `waiting` requests wait for
// one. A connection's thread hands its work over and waits for it, so a worker that finishes
// takes the next job at once. (Letting the connection threads take turns at a few slots left
// each core idle 13 % of the time with eight clients on two cores: a freed slot waited for a
// sleeping connection thread to be woken; docs/service.md, "Load and refusal".)
class WorkQueue {
 public:
  enum class Admission { done, full, late };

  WorkQueue(int workers, int waiting) : max_waiting_(static_cast<std::size_t>(waiting)) {
    for (int k = 0; k < workers; ++k) threads_.emplace_back([this] { serve(); });
  }
  ~WorkQueue() {
    {
      const std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    ready_.notify_all();
    for (auto& thread : threads_) thread.join();
  }
  WorkQueue(const WorkQueue&) = delete;
  WorkQueue& operator=(const WorkQueue&) = delete;

  // Runs `work` on a worker and returns once it has run (rethrowing what it threw); or
  // refuses it at once when the line is full, or once `deadline` passed before a worker took it.
  Admission run(Clock::time_point deadline, const std::function<void()>& work) {
    Job job;
    job.work = &work;
    std::unique_lock lock(mutex_);
    if (jobs_.size() >= max_waiting_ + idle_) return Admission::full;
    jobs_.push_back(&job);
    ready_.notify_one();
    if (!job.changed.wait_until(lock, deadline, [&] { return job.started; })) {
      jobs_.erase(std::find(jobs_.begin(), jobs_.end(), &job));
      return Admission::late;
    }
    job.changed.wait(lock, [&] { return job.finished; });
    if (job.error) std::rethrow_exception(job.error);
    return Admission::done;
  }

  int waiting() const {
    const std::lock_guard lock(mutex_);
    return static_cast<int>(jobs_.size());
  }
  int running() const {
    const std::lock_guard lock(mutex_);
    return running_;
  }

 private:
  struct Job {
    const std::function<void()>* work = nullptr;
    std::condition_variable changed;  // started or finished; notified under the lock, so the
                                      // waiting caller cannot return and destroy it first
    bool started = false, finished = false;
    std::exception_ptr error;
  };

  void serve() {
    std::unique_lock lock(mutex_);
    for (;;) {
      ++idle_;
      ready_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
      --idle_;
      if (jobs_.empty()) return;  // stopping, with nothing left to do
      Job* job = jobs_.front();
      jobs_.pop_front();
      job->started = true;
      ++running_;
      lock.unlock();
      try {
        (*job->work)();
      } catch (...) {
        job->error = std::current_exception();
      }
      lock.lock();
      --running_;
      job->finished = true;
      job->changed.notify_one();
    }
  }

  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Job*> jobs_;
  std::size_t idle_ = 0;
  int running_ = 0;
  bool stopping_ = false;
  const std::size_t max_waiting_;
  std::vector<std::thread> threads_;
};

// What /metrics tells, in Prometheus's text format.
class Metrics {
 public:
  static constexpr std::array<double, 12> bounds{0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  void request(const std::string& route, int status, double seconds) {
    const std::lock_guard lock(mutex_);
    ++requests_[{route, status}];
    auto& histogram = latency_[route];
    for (std::size_t i = 0; i < bounds.size(); ++i) {
      if (seconds <= bounds[i]) ++histogram.buckets[i];
    }
    ++histogram.count;
    histogram.sum += seconds;
  }

  void diagnostics(const std::vector<Diagnostic>& diagnostics) {
    const std::lock_guard lock(mutex_);
    for (const auto& d : diagnostics) ++diagnostics_[{d.code, d.severity == Severity::error ? "error" : "warning"}];
  }

  std::string text(const WorkQueue& queue, int connections) const {
    std::ostringstream out;
    const std::lock_guard lock(mutex_);
    out << "# HELP vanban_requests_total Requests answered, by route and status.\n"
           "# TYPE vanban_requests_total counter\n";
    for (const auto& [key, count] : requests_) {
      out << "vanban_requests_total{route=\"" << key.first << "\",status=\"" << key.second << "\"} " << count << '\n';
    }
    out << "# HELP vanban_request_seconds Time from a request's arrival to its answer.\n"
           "# TYPE vanban_request_seconds histogram\n";
    for (const auto& [route, h] : latency_) {
      for (std::size_t i = 0; i < bounds.size(); ++i) {
        out << "vanban_request_seconds_bucket{route=\"" << route << "\",le=\"" << bounds[i] << "\"} " << h.buckets[i] << '\n';
      }
      out << "vanban_request_seconds_bucket{route=\"" << route << "\",le=\"+Inf\"} " << h.count << '\n';
      out << "vanban_request_seconds_sum{route=\"" << route << "\"} " << h.sum << '\n';
      out << "vanban_request_seconds_count{route=\"" << route << "\"} " << h.count << '\n';
    }
    out << "# HELP vanban_queue_depth Requests waiting for a worker.\n# TYPE vanban_queue_depth gauge\n"
        << "vanban_queue_depth " << queue.waiting() << '\n'
        << "# HELP vanban_work_in_progress Requests a worker is doing.\n# TYPE vanban_work_in_progress gauge\n"
        << "vanban_work_in_progress " << queue.running() << '\n'
        << "# HELP vanban_connections_open Connections being served.\n# TYPE vanban_connections_open gauge\n"
        << "vanban_connections_open " << connections << '\n'
        << "# HELP vanban_diagnostics_total Diagnostics given, by code and severity.\n"
           "# TYPE vanban_diagnostics_total counter\n";
    for (const auto& [key, count] : diagnostics_) {
      out << "vanban_diagnostics_total{code=\"" << key.first << "\",severity=\"" << key.second << "\"} " << count << '\n';
    }
    return out.str();
  }

 private:
  struct Histogram {
    std::array<long, bounds.size()> buckets{};
    long count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, long> requests_;
  std::map<std::string, Histogram> latency_;
  std::map<std::pair<std::string, std::string>, long> diagnostics_;
};

// A connection pool that counts the connections it serves.
class CountingPool : public httplib::TaskQueue {
 public:
  CountingPool(std::size_t threads, std::atomic<int>& open) : pool_(threads), open_(open) {}
  void enqueue(std::function<void()> fn) override {
    ++open_;
    pool_.enqueue([this, fn = std::move(fn)] {
      fn();
      --open_;
    });
  }
  void shutdown() override { pool_.shutdown(); }

 private:
  httplib::ThreadPool pool_;
  std::atomic<int>& open_;
};

// The route a path is counted under: its pattern, so that names do not make new series.
std::string route_of(const std::string& path) {
  if (path.rfind("/v1/templates/", 0) == 0) return "/v1/templates/{name}";
  for (const char* known : {"/", "/app.js", "/style.css", "/health", "/ready", "/metrics", "/v1/render", "/v1/batch", "/v1/templates"}) {
    if (path == known) return path;
  }
  return "other";
}

Language language_of(const httplib::Request& request) {
  // The first language the client prefers: "vi-VN,vi;q=0.9,en;q=0.8" is Vietnamese.
  const std::string accept = request.get_header_value("Accept-Language");
  const std::string first = accept.substr(0, accept.find_first_of(",;"));
  return language_named(first.substr(0, first.find('-'))).value_or(Language::english);
}

bool wants_json(const httplib::Request& request) {
  return request.get_header_value("Accept").find("application/json") != std::string::npos;
}

std::vector<Diagnostic> translated(std::vector<Diagnostic> diagnostics, Language language) {
  for (auto& d : diagnostics) d = translate(d, language);
  return diagnostics;
}

void answer_diagnostics(httplib::Response& response, int status, const std::vector<Diagnostic>& diagnostics,
                        Language language) {
  response.status = status;
  response.set_content("{\"diagnostics\":" + diagnostics_json(translated(diagnostics, language)) + "}", "application/json");
}

// format: the message's sentence, with "{}" for each of arguments (base/diagnostics.h, formatted).
void answer_problem(httplib::Response& response, int status, const std::string& code, std::string format,
                    std::vector<std::string> arguments, Language language, std::vector<Hint> hints = {}) {
  answer_diagnostics(response, status, {formatted(Severity::error, code, std::move(format), std::move(arguments), {}, std::move(hints))},
                     language);
}

// "2b", "2u", or empty: the profile a request asks for; nothing for another word.
std::optional<PdfProfile> pdf_profile_named(const std::string& name) {
  if (name.empty()) return PdfProfile::plain;
  if (name == "2b") return PdfProfile::pdfa_2b;
  if (name == "2u") return PdfProfile::pdfa_2u;
  return std::nullopt;
}

// The status that answers a document's errors: the request's fault (4xx) unless the fault is
// vanban's (500) or the machine's (503).
int status_for(const std::vector<Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics) {
    if (d.severity != Severity::error) continue;
    if (d.code == "internal") return 500;
    if (d.code == "limit.memory") return 503;
    if (d.code == "template.not-found") return 404;
    if (d.code == "limit.input-size") return 413;
  }
  return 422;
}

// A JSON request {"template": NAME, "data": {…}, "lenient": bool, "sign_fields": bool,
// "pdfa": "2b" or "2u", "files": {NAME: base64}}:
// the data is the part of the body "data" holds, with everything before it blanked so that a
// diagnostic's line and column are those of the body the client sent. A body without "data"
// is the document's data itself, as `vanban render` reads a .json file.
struct Envelope {
  std::string data;
  std::string template_name;
  bool lenient = false;
  bool sign_fields = false;
  PdfProfile pdf_profile = PdfProfile::plain;
  std::shared_ptr<MemoryResources> files;
};

// The offsets [begin, end) of the value of the top-level key in a JSON object's text, which
// nlohmann has already found well-formed.
std::optional<std::pair<std::size_t, std::size_t>> top_level_value(const std::string& text, std::string_view key) {
  int depth = 0;
  bool in_string = false, escaped = false, wanted = false;
  std::size_t string_start = 0, value_start = std::string::npos;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
        if (depth == 1 && value_start == std::string::npos) {
          // A key when a ':' follows it.
          std::size_t next = text.find_first_not_of(" \t\r\n", i + 1);
          if (next != std::string::npos && text[next] == ':' &&
              std::string_view(text).substr(string_start + 1, i - string_start - 1) == key) {
            wanted = true;
            value_start = text.find_first_not_of(" \t\r\n", next + 1);
          }
        }
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
      string_start = i;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      --depth;
      if (wanted && depth == 1 && i >= value_start) return std::pair(value_start, i + 1);
      if (wanted && depth == 0) return std::pair(value_start, text.find_last_not_of(" \t\r\n", i - 1) + 1);
    } else if (c == ',' && depth == 1 && wanted && i > value_start) {
      return std::pair(value_start, text.find_last_not_of(" \t\r\n", i - 1) + 1);
    }
  }
  return std::nullopt;
}

// A refused envelope: its message's format and arguments (base/messages.h), at the request.
[[noreturn]] void bad_envelope(std::string format, std::vector<std::string> arguments = {}) {
  fail_with("service.envelope", std::move(format), std::move(arguments), {"request"},
            {"send {\"template\": NAME, \"data\": {…}, \"lenient\": true or false, \"sign_fields\": true or false, \"pdfa\": \"2b\", \"files\": {NAME: base64}} (docs/service.md)"});
}

// The envelope, or nullopt for a body that is the document's data itself. A member of the
// wrong kind is refused (service.envelope), never passed over.
std::optional<Envelope> read_envelope(const std::string& body, const Json& parsed) {
  if (!parsed.is_object() || !parsed.contains("data") || !parsed["data"].is_object()) return std::nullopt;
  for (const auto& [key, value] : parsed.items()) {
    if (key != "template" && key != "data" && key != "lenient" && key != "sign_fields" && key != "pdfa" && key != "files") {
      return std::nullopt;
    }
  }
  const auto span = top_level_value(body, "data");
  if (!span) return std::nullopt;
  Envelope envelope;
  if (parsed.contains("template")) {
    if (!parsed["template"].is_string()) bad_envelope("'template' is a template's name, in quotes");
    envelope.template_name = parsed["template"];
  }
  if (parsed.contains("lenient")) {
    if (!parsed["lenient"].is_boolean()) bad_envelope("'lenient' is true or false");
    envelope.lenient = parsed["lenient"];
  }
  if (parsed.contains("sign_fields")) {
    if (!parsed["sign_fields"].is_boolean()) bad_envelope("'sign_fields' is true or false");
    envelope.sign_fields = parsed["sign_fields"];
  }
  if (parsed.contains("pdfa")) {
    const auto profile = parsed["pdfa"].is_string() ? pdf_profile_named(parsed["pdfa"]) : std::nullopt;
    if (!profile) bad_envelope("'pdfa' is \"2b\" or \"2u\"");
    envelope.pdf_profile = *profile;
  }
  envelope.data = body.substr(0, span->second);
  for (std::size_t i = 0; i < span->first; ++i) {
    if (envelope.data[i] != '\n') envelope.data[i] = ' ';
  }
  if (parsed.contains("files")) {
    if (!parsed["files"].is_object()) bad_envelope("'files' is an object of file names and their bytes in base64");
    envelope.files = std::make_shared<MemoryResources>();
    for (const auto& [name, value] : parsed["files"].items()) {
      auto bytes = value.is_string() ? base64_decode(value.get<std::string>()) : std::nullopt;
      if (!bytes) bad_envelope("the file '{}' of 'files' is not base64 text", {name});
      try {
        envelope.files->add(name, std::move(*bytes));
      } catch (const Error&) {
        bad_envelope("the file name '{}' of 'files' is not a name inside the document's folder", {name});
      }
    }
  }
  return envelope;
}

class Service {
 public:
  Service(const Engine& engine, const ServiceOptions& options)
      : engine_(engine),
        options_(options),
        queue_(options.workers > 0 ? options.workers : std::max(1u, std::thread::hardware_concurrency()), options.queue) {}

  void install(httplib::Server& server) {
    server.set_pre_routing_handler([this](const httplib::Request& request, httplib::Response& response) {
      request_start() = {&request, Clock::now()};
      if (draining_) response.set_header("Connection", "close");
      if (!options_.token.empty() && request.path.rfind("/v1/", 0) == 0 &&
          request.get_header_value("Authorization") != "Bearer " + options_.token) {
        response.set_header("WWW-Authenticate", "Bearer");
        answer_problem(response, 401, "service.unauthorized", "this service needs its token: Authorization: Bearer TOKEN", {},
                       language_of(request));
        return httplib::Server::HandlerResponse::Handled;
      }
      return httplib::Server::HandlerResponse::Unhandled;
    });
    server.set_logger([this](const httplib::Request& request, const httplib::Response& response) { log(request, response); });
    server.set_exception_handler([](const httplib::Request& request, httplib::Response& response, std::exception_ptr) {
      answer_problem(response, 500, "internal", "internal error (a bug in vanban: please report it with the request)", {},
                     language_of(request));
    });
    server.set_error_handler([](const httplib::Request& request, httplib::Response& response) {
      if (!response.body.empty()) return;
      if (response.status == 413) {
        answer_problem(response, 413, "service.too-large", "the request is larger than this service takes", {},
                       language_of(request), {"send a smaller file, or start vanban serve with a larger --max-body-mb"});
      } else if (response.status == 404) {
        answer_problem(response, 404, "service.no-route", "there is nothing at {}", {request.path}, language_of(request),
                       {"the routes are /v1/render, /v1/batch, /v1/templates, /health, /ready and /metrics"});
      } else if (response.status == 400) {
        answer_problem(response, 400, "service.bad-request", "the request is not well-formed HTTP", {}, language_of(request));
      }
    });

    server.Get("/", [](const httplib::Request&, httplib::Response& response) {
      response.set_content(std::string(page_html), "text/html; charset=utf-8");
    });
    server.Get("/app.js", [](const httplib::Request&, httplib::Response& response) {
      response.set_content(std::string(page_js), "text/javascript; charset=utf-8");
    });
    server.Get("/style.css", [](const httplib::Request&, httplib::Response& response) {
      response.set_content(std::string(page_css), "text/css; charset=utf-8");
    });
    server.Get("/health", [](const httplib::Request&, httplib::Response& response) { response.set_content("ok\n", "text/plain"); });
    server.Get("/ready", [this](const httplib::Request&, httplib::Response& response) {
      if (draining_) {
        response.status = 503;
        response.set_content("draining\n", "text/plain");
      } else {
        response.set_content("ready\n", "text/plain");
      }
    });
    server.Get("/metrics", [this](const httplib::Request&, httplib::Response& response) {
      response.set_content(metrics_.text(queue_, connections_), "text/plain; version=0.0.4");
    });
    server.Get("/v1/templates", [this](const httplib::Request&, httplib::Response& response) {
      response.set_content(templates_json(engine_.templates()), "application/json");
    });
    server.Get(R"(/v1/templates/([a-z0-9-]+))", [this](const httplib::Request& request, httplib::Response& response) {
      const std::string name = request.matches[1];
      if (const auto description = engine_.describe_template(name)) {
        response.set_content(template_json(*description), "application/json");
      } else {
        answer_problem(response, 404, "template.not-found", "there is no template '{}'", {name}, language_of(request),
                       {"GET /v1/templates lists them"});
      }
    });
    server.Post("/v1/render", [this](const httplib::Request& request, httplib::Response& response) {
      with_worker(request, response, [&] { render(request, response); });
    });
    server.Post("/v1/batch", [this](const httplib::Request& request, httplib::Response& response) {
      with_worker(request, response, [&] { batch(request, response); });
    });
  }

  void drain() { draining_ = true; }
  std::atomic<int>& connections() { return connections_; }

 private:
  struct Start {
    const httplib::Request* request = nullptr;
    Clock::time_point at;
  };
  // A connection's requests are served one after another on one thread.
  static Start& request_start() {
    thread_local Start start;
    return start;
  }

  void log(const httplib::Request& request, const httplib::Response& response) {
    const Start& start = request_start();
    const double seconds =
        start.request == &request ? std::chrono::duration<double>(Clock::now() - start.at).count() : 0;
    metrics_.request(route_of(request.path), response.status, seconds);
    if (!options_.access_log) return;
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char when[32];
    std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &utc);
    std::ostringstream line;
    line << when << ' ' << request.remote_addr << ' ' << request.method << ' ' << request.path << ' ' << response.status
         << ' ' << response.body.size() << ' ' << static_cast<long>(seconds * 1000 + 0.5) << "ms\n";
    const std::lock_guard lock(log_mutex_);
    *options_.access_log << line.str() << std::flush;
  }

  void with_worker(const httplib::Request& request, httplib::Response& response, const std::function<void()>& work) {
    const auto deadline = request_start().at + std::chrono::milliseconds(static_cast<long>(options_.queue_deadline_s * 1000));
    switch (queue_.run(deadline, work)) {
      case WorkQueue::Admission::full:
        response.set_header("Retry-After", "1");
        answer_problem(response, 429, "service.busy", "the service has as many requests waiting as it takes: try again shortly", {},
                       language_of(request));
        return;
      case WorkQueue::Admission::late:
        response.set_header("Retry-After", "5");
        answer_problem(response, 503, "service.overloaded", "the request waited too long for its turn: try again shortly", {},
                       language_of(request));
        return;
      case WorkQueue::Admission::done:
        return;
    }
  }

  void render(const httplib::Request& request, httplib::Response& response) {
    const Language language = language_of(request);
    RenderRequest render;
    render.data_name = "request";
    render.limits = options_.limits;
    if (request.has_param("template")) render.template_name = request.get_param_value("template");
    render.lenient = request.get_param_value("lenient") == "true";
    render.sign_fields = request.get_param_value("sign_fields") == "true";
    const auto profile = pdf_profile_named(request.get_param_value("pdfa"));
    if (!profile) {
      answer_problem(response, 400, "service.pdfa", "pdfa is 2b or 2u, not {}", {request.get_param_value("pdfa")}, language);
      return;
    }
    render.pdf_profile = *profile;
    const std::string type = request.get_header_value("Content-Type");
    if (type.find("xml") != std::string::npos) {
      render.data = request.body;
      render.format = DataFormat::xml;
    } else {
      const Json parsed = Json::parse(request.body, nullptr, false);
      std::optional<Envelope> envelope;
      try {
        if (!parsed.is_discarded()) envelope = read_envelope(request.body, parsed);
      } catch (const Error& e) {
        answer_diagnostics(response, 400, e.diagnostics(), language);
        return;
      }
      render.format = DataFormat::json;
      if (envelope) {
        render.data = std::move(envelope->data);
        if (!envelope->template_name.empty()) render.template_name = envelope->template_name;
        render.lenient = render.lenient || envelope->lenient;
        render.sign_fields = render.sign_fields || envelope->sign_fields;
        if (envelope->pdf_profile != PdfProfile::plain) render.pdf_profile = envelope->pdf_profile;
        render.files = envelope->files;
      } else {
        // The document's JSON itself; malformed, the JSON reader tells where.
        render.data = request.body;
      }
    }
    const RenderResult result = engine_.render(render);
    metrics_.diagnostics(result.diagnostics);
    if (!result.ok()) {
      answer_diagnostics(response, status_for(result.diagnostics), result.diagnostics, language);
      return;
    }
    response.set_header("X-Vanban-Pages", std::to_string(result.stats.pages));
    response.set_header("X-Vanban-Warnings", std::to_string(result.diagnostics.size()));
    if (wants_json(request)) {
      // The diagnostics' JSON as the engine writes it, not parsed again to be embedded.
      // The fields as vanban render --fields-json writes them ({"fields": […]}), when asked for.
      const std::string fields = render.sign_fields ? signature_fields_json(result.signature_fields) : std::string();
      const std::string fields_member =
          fields.empty() ? std::string() : "," + fields.substr(1, fields.find_last_of('}') - 1);
      response.set_content("{\"pages\":" + std::to_string(result.stats.pages) +
                               ",\"diagnostics\":" + diagnostics_json(translated(result.diagnostics, language)) +
                               fields_member + ",\"pdf\":\"" + base64_encode(result.pdf) + "\"}",
                           "application/json");
    } else {
      response.set_header("Content-Disposition", "inline; filename=\"document.pdf\"");
      response.set_content(result.pdf, "application/pdf");
    }
  }

  // The upload's records, as a multipart form: records (the file), template, common (the
  // fields every record shares, as a file or as JSON text), output (pdf, the default, or
  // zip), sheet, name, lenient.
  void batch(const httplib::Request& request, httplib::Response& response) {
    const Language language = language_of(request);
    const auto field = [&](const std::string& name) -> std::string {
      if (request.has_file(name)) return request.get_file_value(name).content;
      return request.has_param(name) ? request.get_param_value(name) : std::string();
    };
    if (!request.is_multipart_form_data() || !request.has_file("records")) {
      answer_problem(response, 400, "service.no-records",
                     "a batch is a multipart form with the records file in 'records' and the template's name in 'template'", {},
                     language);
      return;
    }
    const httplib::MultipartFormData records = request.get_file_value("records");
    std::string extension = std::filesystem::path(records.filename).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
    if (extension != ".xlsx" && extension != ".csv" && extension != ".txt" && extension != ".json" && extension != ".xml") {
      answer_problem(response, 415, "service.records-kind",
                     "the records file '{}' is not .xlsx, .csv, .txt, .json or .xml", {records.filename}, language);
      return;
    }
    const std::string output = field("output").empty() ? "pdf" : field("output");
    if (output != "pdf" && output != "zip") {
      answer_problem(response, 400, "service.output", "output is pdf (one print file) or zip (a PDF per record), not {}", {output},
                     language);
      return;
    }
    const auto profile = pdf_profile_named(field("pdfa"));
    if (!profile) {
      answer_problem(response, 400, "service.pdfa", "pdfa is 2b or 2u, not {}", {field("pdfa")}, language);
      return;
    }
    try {
      BatchRequest batch;
      batch.pdf_profile = *profile;
      batch.template_name = field("template");
      batch.lenient = field("lenient") == "true";
      batch.sign_fields = field("sign_fields") == "true";
      batch.limits = options_.limits;
      // The list is named by its kind alone in the answers: the client's own file name
      // (perhaps a path of its machine) is not echoed, nor kept (base/diagnostics.h, FileName).
      batch.records_name = "records" + extension;
      batch.records = records.content;
      batch.sheet = field("sheet");
      batch.common = field("common");
      if (const std::string name = field("name"); !name.empty()) batch.name_pattern = name;
      batch.want_merged = true;
      batch.want_each = output == "zip";
      batch.jobs = 1;  // the service's workers are the parallelism
      BatchResult result = engine_.render_batch(batch);
      if (!result.ok()) {
        metrics_.diagnostics(result.diagnostics);
        answer_diagnostics(response, status_for(result.diagnostics), result.diagnostics, language);
        return;
      }
      for (auto& record : result.records) {
        metrics_.diagnostics(record.diagnostics);
        record.diagnostics = translated(std::move(record.diagnostics), language);
      }
      response.set_header("X-Vanban-Printed", std::to_string(result.printed()));
      response.set_header("X-Vanban-Failed", std::to_string(result.failed()));
      if (result.printed() == 0) {
        response.status = 422;
        response.set_content("{\"report\":" + batch_report_json(result) + "}", "application/json");
        return;
      }
      std::string bytes;
      std::string type;
      if (output == "zip") {
        bytes = zip_outputs(result);
        type = "application/zip";
      } else {
        bytes = std::move(result.merged_pdf);
        type = "application/pdf";
      }
      if (wants_json(request)) {
        response.set_content("{\"printed\":" + std::to_string(result.printed()) + ",\"failed\":" +
                                 std::to_string(result.failed()) + ",\"report\":" + batch_report_json(result) +
                                 ",\"" + output + "\":\"" + base64_encode(bytes) + "\"}",
                             "application/json");
      } else {
        response.set_header("Content-Disposition", output == "zip" ? "attachment; filename=\"batch.zip\""
                                                                   : "inline; filename=\"batch.pdf\"");
        response.set_content(std::move(bytes), type);
      }
    } catch (const Error& e) {
      std::vector<Diagnostic> problems = e.diagnostics();
      metrics_.diagnostics(problems);
      answer_diagnostics(response, status_for(problems), problems, language);
    }
  }

  // A zip of every record's PDF, the print file and the report (CSV and JSON), made in memory
  // (libzip's buffer source, kept past zip_close to be read back).
  static std::string zip_outputs(const BatchResult& result) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_t* archive = buffer ? zip_open_from_source(buffer, ZIP_TRUNCATE, &error) : nullptr;
    zip_error_fini(&error);
    if (!archive) {
      if (buffer) zip_source_free(buffer);
      fail("io.write", "cannot make the batch's zip", {});
    }
    zip_source_keep(buffer);  // closing the archive writes into it; it is read after
    const auto abandon = [&](const char* why, std::vector<std::string> arguments) {
      zip_discard(archive);
      zip_source_free(buffer);
      fail_with("io.write", why, std::move(arguments));
    };
    const std::string csv = batch_report_csv(result), json = batch_report_json(result);
    // The bytes must live until zip_close, which reads them: they are result's and the reports'.
    const auto add = [&](const std::string& name, const std::string& bytes) {
      zip_source_t* source = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
      if (!source || zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8) < 0) {
        if (source) zip_source_free(source);
        abandon("cannot add {} to the batch's zip", {name});
      }
    };
    for (const auto& record : result.records) {
      if (!record.file_name.empty()) add(record.file_name, record.pdf);
    }
    add("batch.pdf", result.merged_pdf);
    add("report.csv", csv);
    add("report.json", json);
    if (zip_close(archive) != 0) abandon("cannot finish the batch's zip", {});
    std::string bytes;
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_source_stat(buffer, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE) && zip_source_open(buffer) == 0) {
      bytes.resize(stat.size);
      const zip_int64_t read = zip_source_read(buffer, bytes.data(), bytes.size());
      zip_source_close(buffer);
      if (read != static_cast<zip_int64_t>(bytes.size())) bytes.clear();
    }
    zip_source_free(buffer);
    if (bytes.empty()) fail("io.write", "cannot read the batch's zip back", {});
    return bytes;
  }

  const Engine& engine_;
  const ServiceOptions& options_;
  WorkQueue queue_;
  Metrics metrics_;
  std::atomic<bool> draining_{false};
  std::atomic<int> connections_{0};
  std::mutex log_mutex_;
};

}  // namespace

int serve(const Engine& engine, const ServiceOptions& options) {
  // The signals that stop the service are waited for by one thread; every other thread,
  // including cpp-httplib's, inherits them blocked.
  sigset_t stopping;
  sigemptyset(&stopping);
  sigaddset(&stopping, SIGTERM);
  sigaddset(&stopping, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stopping, nullptr);
  // A client that goes away mid-answer must not end the process.
  signal(SIGPIPE, SIG_IGN);
  // A thousand clients at once each hold a socket: as many as the system lets this process.
  if (rlimit files{}; getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
    files.rlim_cur = files.rlim_max;
    setrlimit(RLIMIT_NOFILE, &files);
  }

  Service service(engine, options);
  httplib::Server server;
  server.new_task_queue = [&] {
    return new CountingPool(static_cast<std::size_t>(std::max(1, options.connection_threads)), service.connections());
  };
  int listening_socket = -1;
  server.set_socket_options([&](socket_t sock) {
    const int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listening_socket = sock;
  });
  server.set_tcp_nodelay(true);
  server.set_payload_max_length(options.max_body_bytes);
  server.set_read_timeout(options.read_timeout_s);
  server.set_write_timeout(options.write_timeout_s);
  server.set_keep_alive_timeout(options.keep_alive_s);
  server.set_keep_alive_max_count(1000);
  service.install(server);

  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.host);
  } else if (!server.bind_to_port(options.host, port)) {
    port = -1;
  }
  if (port < 0) return 1;
  // cpp-httplib listens with a backlog of 5: a burst of connections would wait for SYN
  // retries. Listening again on Linux only sets the backlog.
  if (listening_socket >= 0) ::listen(listening_socket, SOMAXCONN);

  std::atomic<bool> signalled{false};
  std::thread stopper([&] {
    int signal_number = 0;
    sigwait(&stopping, &signal_number);
    signalled = true;
    service.drain();
    server.stop();
  });
  if (options.on_listening) options.on_listening(options.host, port);
  // Returns once stop() closed the listening socket and the connection threads finished the
  // requests they had; or when accepting failed, and then the stopper is woken here.
  const bool served = server.listen_after_bind();
  if (!signalled) pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  return served ? 0 : 1;
}

}  // namespace vanban::service
