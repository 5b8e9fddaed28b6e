#include <catch2/catch.hpp>

#include <unistd.h>
#include <filesystem>

#include "cli/run_lock.h"

namespace fs = std::filesystem;

TEST_CASE("a second lock on the same database is refused until the first is released",
          "[cli][lock]") {
  fs::path dir = fs::temp_directory_path() / ("linkhealth-lock-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path db = dir / "links.db";
  {
    linkhealth::RunLock first(db);
    REQUIRE(first.held());
    linkhealth::RunLock second(db);
    CHECK_FALSE(second.held());
    CHECK_THAT(second.describe(), Catch::Contains("held by another process") &&
                                      Catch::Contains("pid " + std::to_string(::getpid())));
  }
  linkhealth::RunLock third(db);
  CHECK(third.held());
  fs::remove_all(dir);
}
