// The fetch engine against an in-memory Transport: chain logic without sockets.
#include <catch2/catch.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <map>
#include <memory>

#include "crawler/fetch_engine.h"
#include "crawler/url_parts.h"

using namespace linkhealth;

namespace {

/// Answers from a script (per URL, the last answer repeats; unknown URLs get 404) after 1 ms,
/// and records every request and the peak number in flight per host.
class FakeTransport final : public Transport {
 public:
  explicit FakeTransport(boost::asio::io_context& io) : io_(io) {}

  std::map<std::string, std::vector<HttpResponse>> script;
  std::vector<HttpRequest> seen;
  std::map<std::string, int> peak;

  void start(const HttpRequest& request, Done done) override {
    seen.push_back(request);
    const std::string host = parse_url(request.url)->host;
    peak[host] = std::max(peak[host], ++in_flight_[host]);
    HttpResponse response;
    response.status = 404;
    if (auto it = script.find(request.url); it != script.end()) {
      const std::size_t n = served_[request.url]++;
      response = it->second[std::min(n, it->second.size() - 1)];
    }
    auto timer = std::make_shared<boost::asio::steady_timer>(io_, std::chrono::milliseconds(1));
    timer->async_wait([this, timer, host, response, done](const boost::system::error_code&) {
      --in_flight_[host];
      done(response);
    });
  }
  void abort_all() override {}

  int count(const std::string& url) const {
    return static_cast<int>(std::count_if(seen.begin(), seen.end(),
                                          [&](const HttpRequest& r) { return r.url == url; }));
  }

 private:
  boost::asio::io_context& io_;
  std::map<std::string, int> in_flight_;
  std::map<std::string, std::size_t> served_;
};

HttpResponse status(int code, const std::string& location = "") {
  HttpResponse r;
  r.status = code;
  r.redirect_url = location;
  return r;
}

FetchOptions fast_options() {
  FetchOptions o;
  o.interval_ms = 0;
  o.retry_base_ms = 1;
  o.soft404_probe = false;
  return o;
}

std::vector<CheckResult> run_engine(FakeTransport& transport, boost::asio::io_context& io,
                                    const FetchOptions& options, std::vector<FetchTarget> targets) {
  std::vector<CheckResult> results;
  ProgressCounters progress;
  FetchEngine engine(
      io, transport, options, [&](CheckResult r) { results.push_back(r); }, progress);
  engine.start(std::move(targets));
  io.run();
  CHECK(engine.finished());
  CHECK(progress.snapshot().done == results.size());
  return results;
}

}  // namespace

TEST_CASE("engine follows hops by hand, carrying cookies", "[crawler][engine]") {
  boost::asio::io_context io;
  FakeTransport t(io);
  HttpResponse hop = status(302, "http://b.test/y");
  hop.cookies = {"a.test\tFALSE\t/\tFALSE\t0\tsession\t42"};
  t.script["http://a.test/x"] = {hop};
  t.script["http://b.test/y"] = {status(200)};
  auto results =
      run_engine(t, io, fast_options(), {FetchTarget{"http://a.test/x", "", "\"e1\"", "", ""}});
  REQUIRE(results.size() == 1);
  const CheckResult& r = results[0];
  CHECK(r.verdict == Verdict::Redirected);
  CHECK(r.host == "a.test");
  CHECK(r.final_url == "http://b.test/y");
  REQUIRE(r.redirects.size() == 1);
  CHECK(r.redirects[0].url == "http://a.test/x");
  CHECK(r.redirects[0].status == 302);
  REQUIRE(t.seen.size() == 2);
  CHECK(t.seen[0].headers == std::vector<std::string>{"If-None-Match: \"e1\""});
  CHECK(t.seen[1].headers.empty());  // conditional headers belong to the first hop only
  CHECK(t.seen[1].cookies == hop.cookies);
}

TEST_CASE("engine sends validators on the hop to the last final URL", "[crawler][engine]") {
  boost::asio::io_context io;
  FakeTransport t(io);
  t.script["http://a.test/x"] = {status(301, "http://b.test/y")};
  t.script["http://b.test/y"] = {status(304)};
  FetchTarget target{"http://a.test/x", "", "\"e1\"", "Thu, 04 Mar 2021 05:06:07 GMT",
                     "http://b.test/y"};
  auto results = run_engine(t, io, fast_options(), {target});
  REQUIRE(results.size() == 1);
  const CheckResult& r = results[0];
  CHECK(r.not_modified);
  CHECK(r.http_status == 304);
  CHECK(r.final_url == "http://b.test/y");
  REQUIRE(r.redirects.size() == 1);
  CHECK(r.redirects[0].url == "http://a.test/x");
  REQUIRE(t.seen.size() == 2);
  CHECK(t.seen[0].headers.empty());  // the 301 in front is not what the validators describe
  CHECK(t.seen[1].headers ==
        std::vector<std::string>{"If-None-Match: \"e1\"",
                                 "If-Modified-Since: Thu, 04 Mar 2021 05:06:07 GMT"});
}

TEST_CASE("a 304 to a request without validators is not taken as unchanged", "[crawler][engine]") {
  boost::asio::io_context io;
  FakeTransport t(io);
  t.script["http://a.test/x"] = {status(301, "http://b.test/y")};
  t.script["http://b.test/y"] = {status(304)};
  // The last check ended elsewhere: its validators are not sent, so this 304 means nothing.
  FetchTarget target{"http://a.test/x", "", "\"e1\"", "", "http://c.test/z"};
  auto results = run_engine(t, io, fast_options(), {target});
  REQUIRE(results.size() == 1);
  CHECK_FALSE(results[0].not_modified);
  REQUIRE(t.seen.size() == 2);
  CHECK(t.seen[0].headers.empty());
  CHECK(t.seen[1].headers.empty());
}

TEST_CASE("engine stops after --max-redirects hops", "[crawler][engine]") {
  boost::asio::io_context io;
  FakeTransport t(io);
  for (int i = 0; i < 10; ++i) {
    t.script["http://a.test/r" + std::to_string(i)] = {
        status(301, "http://a.test/r" + std::to_string(i + 1))};
  }
  FetchOptions options = fast_options();
  options.max_redirects = 3;
  auto results = run_engine(t, io, options, {FetchTarget{"http://a.test/r0", "", "", "", ""}});
  REQUIRE(results.size() == 1);
  CHECK(results[0].verdict == Verdict::Broken);
  CHECK(results[0].error == "too many redirects");
  CHECK(t.seen.size() == 4);
}

TEST_CASE("engine retries transient answers, then gives the verdict", "[crawler][engine]") {
  boost::asio::io_context io;
  FakeTransport t(io);
  t.script["http://a.test/down"] = {status(503)};
  t.script["http://a.test/flaky"] = {status(502), status(200)};
  HttpResponse reset;
  reset.error = TransferError::Reset;
  t.script["http://a.test/reset"] = {reset};
  auto results = run_engine(t, io, fast_options(),
                            {FetchTarget{"http://a.test/down", "", "", "", ""},
                             FetchTarget{"http://a.test/flaky", "", "", "", ""},
                             FetchTarget{"http://a.test/reset", "", "", "", ""},
                             FetchTarget{"http://a.test/missing", "", "", "", ""}});
  std::map<std::string, CheckResult> by_url;
  for (auto& r : results) by_url[r.request_url] = r;
  CHECK(by_url.at("http://a.test/down").verdict == Verdict::ServerError);
  CHECK(t.count("http://a.test/down") == 3);
  CHECK(by_url.at("http://a.test/flaky").verdict == Verdict::Ok);
  CHECK(t.count("http://a.test/flaky") == 2);
  CHECK(by_url.at("http://a.test/reset").verdict == Verdict::NetworkError);
  CHECK(t.count("http://a.test/reset") == 3);
  CHECK(t.count("http://a.test/missing") == 1);  // a 404 is not retried
}

TEST_CASE("engine keeps the per-host cap and fetches duplicates once", "[crawler][engine]") {
  boost::asio::io_context io;
  FakeTransport t(io);
  std::vector<FetchTarget> targets;
  for (int i = 0; i < 20; ++i) {
    const std::string url = "http://a.test/" + std::to_string(i);
    t.script[url] = {status(200)};
    targets.push_back(FetchTarget{url, "", "", "", ""});
    t.script["http://b.test/" + std::to_string(i)] = {status(200)};
    targets.push_back(FetchTarget{"http://b.test/" + std::to_string(i), "", "", "", ""});
  }
  targets.push_back(FetchTarget{"http://a.test/0", "", "", "", ""});
  FetchOptions options = fast_options();
  options.per_host = 3;
  options.host_overrides["b.test"] = HostOverride{1, -1, {}, {}};
  auto results = run_engine(t, io, options, targets);
  CHECK(results.size() == 41);
  CHECK(t.seen.size() == 40);
  CHECK(t.peak["a.test"] == 3);
  CHECK(t.peak["b.test"] == 1);
}

TEST_CASE("engine probes each host once for its soft-404 answer", "[crawler][engine]") {
  boost::asio::io_context io;
  FakeTransport t(io);
  t.script["http://a.test/story"] = {status(200)};
  t.script["http://a.test/other"] = {status(200)};
  FetchOptions options = fast_options();
  options.soft404_probe = true;
  auto results = run_engine(t, io, options,
                            {FetchTarget{"http://a.test/story", "", "", "", ""},
                             FetchTarget{"http://a.test/other", "", "", "", ""}});
  CHECK(results.size() == 2);
  for (const auto& r : results) CHECK(r.verdict == Verdict::Ok);  // the probe got a 404
  CHECK(t.seen.size() == 3);
  CHECK(std::count_if(t.seen.begin(), t.seen.end(), [](const HttpRequest& r) {
          return r.url.find("/linkhealth-probe-") != std::string::npos;
        }) == 1);
}

TEST_CASE("a redirect to itself that sets a cookie is not a loop", "[crawler][engine]") {
  boost::asio::io_context io;
  FakeTransport t(io);
  HttpResponse set_cookie = status(302, "http://a.test/c");
  set_cookie.cookies = {"a.test\tFALSE\t/\tFALSE\t0\tconsent\tyes"};
  HttpResponse again = status(302, "http://a.test/loop");
  again.cookies = set_cookie.cookies;
  t.script["http://a.test/c"] = {set_cookie, status(200)};
  t.script["http://a.test/loop"] = {again};
  auto results = run_engine(t, io, fast_options(),
                            {FetchTarget{"http://a.test/c", "", "", "", ""},
                             FetchTarget{"http://a.test/loop", "", "", "", ""}});
  std::map<std::string, CheckResult> by_url;
  for (auto& r : results) by_url[r.request_url] = r;
  CHECK(by_url.at("http://a.test/c").verdict == Verdict::Ok);
  CHECK(t.count("http://a.test/c") == 2);
  CHECK(by_url.at("http://a.test/loop").verdict == Verdict::Broken);  // same cookies again
}

TEST_CASE("engine keeps a connection only while its host has requests queued",
          "[crawler][engine]") {
  boost::asio::io_context io;
  FakeTransport t(io);
  FetchOptions options = fast_options();
  options.per_host = 1;
  run_engine(t, io, options,
             {FetchTarget{"http://a.test/1", "", "", "", ""},
              FetchTarget{"http://a.test/2", "", "", "", ""},
              FetchTarget{"http://a.test/3", "", "", "", ""},
              FetchTarget{"http://b.test/1", "", "", "", ""}});
  std::map<std::string, bool> kept;
  for (const HttpRequest& request : t.seen) kept[request.url] = request.keep_connection;
  REQUIRE(kept.size() == 4);
  CHECK(kept["http://a.test/1"]);  // two more wait for a.test
  CHECK(kept["http://a.test/2"]);
  CHECK_FALSE(kept["http://a.test/3"]);  // the last one: nothing could reuse it
  CHECK_FALSE(kept["http://b.test/1"]);
}

namespace {

/// An engine fed by add() over a fake web where a.test/1 and b.test/2 answer 200.
struct StreamedEngine {
  boost::asio::io_context io;
  FakeTransport t{io};
  std::vector<CheckResult> results;
  ProgressCounters progress;
  FetchEngine engine{io, t, fast_options(), [this](CheckResult r) { results.push_back(r); },
                     progress};
  StreamedEngine() {
    t.script["http://a.test/1"] = {status(200)};
    t.script["http://b.test/2"] = {status(200)};
  }
};

}  // namespace

TEST_CASE("engine takes targets while it runs and ends only once its input is closed",
          "[crawler][engine]") {
  StreamedEngine e;
  auto& [io, t, results, progress, engine] = e;
  HttpResponse refused;
  refused.error = TransferError::Connect;
  t.script["http://c.test/down"] = {refused};
  engine.add({FetchTarget{"http://a.test/1", "", "", "", ""},
              FetchTarget{"http://c.test/down", "", "", "", ""}});
  io.run();
  CHECK_FALSE(engine.finished());
  CHECK(results.size() == 1);
  // The refused connection waits for the end of the run, which has not come.
  CHECK(t.count("http://c.test/down") == 1);
  engine.add({FetchTarget{"http://b.test/2", "", "", "", ""}});
  io.restart();
  io.run();
  CHECK_FALSE(engine.finished());
  CHECK(results.size() == 2);
  CHECK(progress.snapshot().total == 3);
  engine.close_input();
  io.restart();
  io.run();
  CHECK(engine.finished());
  REQUIRE(results.size() == 3);
  CHECK(results[2].request_url == "http://c.test/down");
  CHECK(t.count("http://c.test/down") == 2);
}

TEST_CASE("engine starts nothing while its start gate is closed, then goes on",
          "[crawler][engine]") {
  StreamedEngine e;
  auto& [io, t, results, progress, engine] = e;
  bool open = false;
  int asked = 0;
  engine.set_start_gate([&] {
    ++asked;
    return open;
  });
  engine.add({FetchTarget{"http://a.test/1", "", "", "", ""},
              FetchTarget{"http://b.test/2", "", "", "", ""}});
  engine.close_input();
  // Several re-checks pass with the gate closed: nothing starts, and the run is not over.
  io.run_for(FetchEngine::kGateRecheck * 5);
  CHECK(asked >= 2);
  CHECK(t.seen.empty());
  CHECK_FALSE(engine.finished());
  open = true;
  io.restart();
  io.run();
  CHECK(engine.finished());
  CHECK(results.size() == 2);
  CHECK(t.seen.size() == 2);
}
