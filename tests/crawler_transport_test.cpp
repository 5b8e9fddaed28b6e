#include <catch2/catch.hpp>

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <functional>
#include <string>

#include "crawler/curl_transport.h"
#include "tests/crawler_test_support.h"

using namespace linkhealth;
using namespace linkhealth::testing;
using namespace std::chrono_literals;

namespace {

/// Runs `io` until `done()` (at most 30 s).
void run_until(boost::asio::io_context& io, const std::function<bool()>& done) {
  for (int slice = 0; slice < 300 && !done(); ++slice) {
    io.restart();
    io.run_for(100ms);
  }
}

/// Handlers `io` runs in 200 ms.
std::size_t handlers_in_200ms(boost::asio::io_context& io) {
  io.restart();
  return io.run_for(200ms);
}

HttpRequest request_to(const std::string& path) {
  HttpRequest request;
  request.url = "http://idle.web.test/" + path;
  return request;
}

}  // namespace

TEST_CASE("a transport with nothing in flight leaves the event loop idle",
          "[crawler][web][transport]") {
  // A crawl at the default politeness is idle most of the time, waiting for a host's next
  // turn. curl then holds no deadline, and nothing may keep firing on its behalf: a timer
  // re-armed for a deadline curl had dropped once ran 82,000 times in a one-minute crawl.
  testweb::Scenario s;
  s.hosts["*"]["*"].replies = {page("Idle")};
  testweb::Reply long_page = page("Long");
  long_page.body += std::string(512 * 1024, ' ');
  s.hosts["*"]["/long"].replies = {long_page};
  testweb::Reply slow = page("Slow");
  slow.delay_ms = 1500;
  s.hosts["*"]["/slow"].replies = {slow};
  testweb::FixtureWeb web(s);
  boost::asio::io_context io;
  CurlTransport transport(io, loopback_options(web.port()));
  int finished = 0;
  const auto count = [&](HttpResponse r) {
    CHECK(r.status == 200);
    ++finished;
  };
  SECTION("one exchange at a time") {
    for (int n = 1; n <= 3; ++n) {
      transport.start(request_to(std::to_string(n)), count);
      run_until(io, [&] { return finished == n; });
      REQUIRE(finished == n);
      CHECK(handlers_in_200ms(io) < 10);
    }
  }
  SECTION("exchanges that end early: stopped after the head, timed out") {
    HttpRequest stopped = request_to("long");
    stopped.keep_connection = false;  // so the rest of the page is not read
    transport.start(stopped, count);
    run_until(io, [&] { return finished == 1; });
    REQUIRE(finished == 1);
    CHECK(handlers_in_200ms(io) < 10);
    // A transfer that ends on curl's own deadline, in the timeout action, left curl with no
    // deadline and us with a past one: the case that looped.
    FetchOptions impatient = loopback_options(web.port());
    impatient.timeout_s = 0.2;
    CurlTransport timing_out(io, impatient);
    bool timed_out = false;
    timing_out.start(request_to("slow"), [&](HttpResponse r) {
      CHECK(r.error == TransferError::Timeout);
      timed_out = true;
    });
    run_until(io, [&] { return timed_out; });
    REQUIRE(timed_out);
    CHECK(handlers_in_200ms(io) < 10);
  }
  SECTION("the next exchange started as one ends, as the engine does") {
    transport.start(request_to("first"), [&](HttpResponse r) {
      count(std::move(r));
      transport.start(request_to("second"), count);
    });
    transport.start(request_to("beside"), count);
    run_until(io, [&] { return finished == 3; });
    REQUIRE(finished == 3);
    CHECK(handlers_in_200ms(io) < 10);
  }
}
