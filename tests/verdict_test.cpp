#include <catch2/catch.hpp>

#include "crawler/check_result.h"

using linkhealth::Verdict;

TEST_CASE("verdict names round-trip", "[crawler][verdict]") {
  for (Verdict v : {Verdict::Ok, Verdict::Redirected, Verdict::Broken, Verdict::Soft404,
                    Verdict::Blocked, Verdict::ServerError, Verdict::Timeout, Verdict::NetworkError,
                    Verdict::TlsError, Verdict::Invalid, Verdict::Skipped}) {
    auto name = linkhealth::to_string(v);
    REQUIRE(linkhealth::verdict_from_string(name) == v);
  }
  CHECK(linkhealth::to_string(Verdict::Soft404) == "soft_404");
  CHECK_FALSE(linkhealth::verdict_from_string("gone").has_value());
}

TEST_CASE("blocked and skipped are not counted as problems", "[crawler][verdict]") {
  CHECK(linkhealth::is_problem(Verdict::Broken));
  CHECK(linkhealth::is_problem(Verdict::Soft404));
  CHECK_FALSE(linkhealth::is_problem(Verdict::Blocked));
  CHECK_FALSE(linkhealth::is_problem(Verdict::Skipped));
  CHECK_FALSE(linkhealth::is_problem(Verdict::Ok));
}
