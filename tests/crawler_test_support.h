#pragma once
// Shared set-up for the crawler integration tests: run a Crawler against the loopback web.

#include <map>
#include <string>
#include <vector>

#include "crawler/crawler.h"
#include "tests/web/fixture_web.h"

namespace linkhealth::testing {

inline std::string html_page(const std::string& title, const std::string& extra_head = "") {
  return "<!doctype html><html><head><title>" + title + "</title>" + extra_head +
         "</head><body><p>" + title + "</p></body></html>";
}

inline testweb::Reply page(const std::string& title, int status = 200) {
  testweb::Reply r;
  r.status = status;
  r.body = html_page(title);
  return r;
}

inline testweb::Reply redirect_to(const std::string& location, int status = 301) {
  testweb::Reply r;
  r.status = status;
  r.headers = {{"Location", location}};
  return r;
}

/// Options for a fast test run: every host goes to `port` on 127.0.0.1.
inline FetchOptions loopback_options(int port) {
  FetchOptions o;
  o.connect_to = {"::127.0.0.1:" + std::to_string(port)};
  o.allow_private = true;
  o.interval_ms = 0;
  o.retry_base_ms = 10;
  o.timeout_s = 10;
  return o;
}

inline std::vector<FetchTarget> targets_of(const std::vector<std::string>& urls) {
  std::vector<FetchTarget> out;
  for (const std::string& url : urls) out.push_back(FetchTarget{url, "", "", "", ""});
  return out;
}

/// Runs the crawler; results keyed by request URL (the last one wins for duplicates).
inline std::map<std::string, CheckResult> crawl(const FetchOptions& options,
                                                std::vector<FetchTarget> targets,
                                                int* result_count = nullptr) {
  std::map<std::string, CheckResult> results;
  int count = 0;
  Crawler crawler(options);
  crawler.run(std::move(targets), [&](CheckResult r) {
    ++count;
    results[r.request_url] = std::move(r);
  });
  if (result_count != nullptr) *result_count = count;
  return results;
}

}  // namespace linkhealth::testing
