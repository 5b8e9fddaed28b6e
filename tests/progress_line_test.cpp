#include <catch2/catch.hpp>

#include "cli/progress_line.h"

using linkhealth::ProgressSnapshot;
using linkhealth::render_progress;

TEST_CASE("progress line shows counts, hosts, rate and ETA", "[cli][progress]") {
  ProgressSnapshot p{.done = 250,
                     .total = 1000,
                     .hosts_active = 12,
                     .requests_per_second = 8.25,
                     .elapsed_seconds = 30};
  std::string line = render_progress(p, 120);
  CHECK(line ==
        "[##########------------------------------] 250/1000 targets · 12 hosts active · "
        "8.2 req/s · ETA 1m30s");
}

TEST_CASE("progress line drops the bar on a narrow terminal and handles zero totals",
          "[cli][progress]") {
  ProgressSnapshot empty{};
  CHECK(render_progress(empty, 40) == "0/0 targets · 0 hosts active · 0.0 req/s · ETA --");
  ProgressSnapshot done{
      .done = 5, .total = 5, .hosts_active = 0, .requests_per_second = 1, .elapsed_seconds = 5};
  CHECK_THAT(render_progress(done, 120), Catch::StartsWith("[####") && Catch::EndsWith("ETA 0s"));
}
