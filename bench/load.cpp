// Load for vanban serve on the loopback (bench/service.sh): CLIENTS threads, each on one
// kept-alive connection, send the same request REQUESTS times in all; prints requests per
// second, the latency median and 99th percentile, and the answers by status. Bounded: it
// stops after REQUESTS, or when a connection fails.
//
//   vanban_bench_load PORT PATH CONTENT_TYPE BODY_FILE CLIENTS REQUESTS
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>

int main(int argc, char** argv) {
  if (argc != 7) {
    std::fprintf(stderr, "usage: vanban_bench_load PORT PATH CONTENT_TYPE BODY_FILE CLIENTS REQUESTS\n");
    return 2;
  }
  const int port = std::stoi(argv[1]);
  const std::string path = argv[2], type = argv[3];
  std::ifstream in(argv[4], std::ios::binary);
  std::stringstream body;
  body << in.rdbuf();
  const std::string payload = body.str();
  const int clients = std::stoi(argv[5]);
  const long total = std::stol(argv[6]);

  std::atomic<long> next{0};
  std::mutex lock;
  std::vector<double> latencies;
  latencies.reserve(static_cast<std::size_t>(total));
  std::map<int, long> statuses;
  long failures = 0;
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&] {
      httplib::Client client("127.0.0.1", port);
      client.set_keep_alive(true);
      client.set_tcp_nodelay(true);
      client.set_read_timeout(60, 0);
      std::vector<double> mine;
      std::map<int, long> my_statuses;
      long my_failures = 0;
      while (next.fetch_add(1) < total) {
        const auto sent = std::chrono::steady_clock::now();
        auto result = client.Post(path.c_str(), payload, type.c_str());
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - sent).count();
        if (!result) {
          ++my_failures;
          continue;
        }
        ++my_statuses[result->status];
        mine.push_back(ms);
      }
      const std::lock_guard guard(lock);
      latencies.insert(latencies.end(), mine.begin(), mine.end());
      for (const auto& [status, count] : my_statuses) statuses[status] += count;
      failures += my_failures;
    });
  }
  for (auto& thread : threads) thread.join();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::sort(latencies.begin(), latencies.end());
  const auto at = [&](double q) {
    return latencies.empty() ? 0.0 : latencies[std::min(latencies.size() - 1, static_cast<std::size_t>(q * static_cast<double>(latencies.size())))];
  };
  std::printf("requests %zu seconds %.3f per_second %.1f p50_ms %.2f p99_ms %.2f failures %ld", latencies.size(), seconds,
              static_cast<double>(latencies.size()) / seconds, at(0.5), at(0.99), failures);
  for (const auto& [status, count] : statuses) std::printf(" status_%d %ld", status, count);
  std::printf("\n");
  return failures == 0 && statuses.size() == 1 && statuses.begin()->first == 200 ? 0 : 1;
}
