#include <catch2/catch.hpp>

#include "crawler/address_pins.h"
#include "crawler/retry_policy.h"

using namespace linkhealth;
using namespace std::chrono_literals;

TEST_CASE("retry policy: what is transient and how long to wait", "[crawler][retry]") {
  HttpResponse r;
  for (int s : {408, 429, 500, 502, 503, 504}) {
    r.status = s;
    CHECK(is_transient(r));
  }
  for (int s : {200, 301, 403, 404, 410, 501}) {
    r.status = s;
    CHECK_FALSE(is_transient(r));
  }
  r.status = 0;
  r.error = TransferError::Timeout;
  CHECK(is_transient(r));
  r.error = TransferError::Reset;
  CHECK(is_transient(r));
  r.error = TransferError::Tls;
  CHECK_FALSE(is_transient(r));
  r.error = TransferError::Connect;  // gets its end-of-run try instead
  CHECK_FALSE(is_transient(r));
  CHECK(backoff_delay(1, 1000, 1.0) == 1000ms);
  CHECK(backoff_delay(2, 1000, 1.0) == 2000ms);
  CHECK(backoff_delay(3, 1000, 0.5) == 2000ms);
  CHECK(is_redirect_status(308));
  CHECK_FALSE(is_redirect_status(304));
}

TEST_CASE("address pins come from exact --resolve/--connect-to hosts", "[crawler][guard]") {
  const auto pins = address_pins({"News.Test:443:10.0.0.5", "+[::1]:80:127.0.0.1"},
                                 {"::127.0.0.1:8080", "a.test::127.0.0.1:9000", "garbage"});
  CHECK(is_pinned(pins, "news.test", 443));
  CHECK_FALSE(is_pinned(pins, "news.test", 80));
  CHECK(is_pinned(pins, "[::1]", 80));
  CHECK(is_pinned(pins, "a.test", 1234));            // empty port: any port
  CHECK_FALSE(is_pinned(pins, "other.test", 8080));  // the wildcard entry pins nothing
}
