#include <catch2/catch.hpp>

#include <sys/resource.h>

#include <algorithm>

#include "crawler/connection_budget.h"

using linkhealth::reserve_connection_budget;

TEST_CASE("the connection budget raises the open-file limit and stays within half of it",
          "[crawler]") {
  rlimit before{};
  REQUIRE(getrlimit(RLIMIT_NOFILE, &before) == 0);
  const long budget = reserve_connection_budget(64);
  rlimit after{};
  REQUIRE(getrlimit(RLIMIT_NOFILE, &after) == 0);
  // Raised toward the hard limit (up to 65,536), never lowered.
  CHECK(after.rlim_cur >= before.rlim_cur);
  CHECK(after.rlim_cur >= std::min<rlim_t>(before.rlim_max, 65536));
  const long descriptors = static_cast<long>(std::min<rlim_t>(after.rlim_cur, 65536));
  CHECK(budget >= 1);
  CHECK(budget <= std::max(1L, descriptors / 2));
  // Room for the hosts a polite crawl keeps waiting when the descriptors allow it.
  if (descriptors >= 2048) CHECK(budget == 1024);
  if (descriptors >= 4096) CHECK(reserve_connection_budget(512) == 2048);
}
