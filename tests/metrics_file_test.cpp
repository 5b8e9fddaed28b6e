// The metrics file: every figure of the run, valid for Prometheus (checked by promtool).
#include <catch2/catch.hpp>

#include "cli/metrics_file.h"
#include "store_test_data.h"
#include "tests/promtool.h"
#include "tests/temp_tree.h"

using namespace linkhealth;
using namespace linkhealth::testing;

namespace {

void require_promtool() {
  if (!has_promtool()) {
    FAIL("promtool is not installed: run scripts/setup (Debian package `prometheus`)");
  }
}

}  // namespace

TEST_CASE("metrics text names every verdict and figure", "[metrics]") {
  RunMetrics m;
  m.run_id = 12;
  m.targets[static_cast<std::size_t>(Verdict::Broken)] = 401;
  m.targets[static_cast<std::size_t>(Verdict::Ok)] = 8803;
  m.problems = 418;
  m.new_problems = 6;
  m.fixed = 3;
  m.duration_seconds = 1834.25;
  m.requests = 10500;
  m.bytes = 123456789;
  m.last_finished = 1768188600;
  const std::string text = metrics_text(m);
  CHECK(text.find("# TYPE linkhealth_targets gauge\n") != std::string::npos);
  CHECK(text.find("linkhealth_targets{verdict=\"broken\"} 401\n") != std::string::npos);
  CHECK(text.find("linkhealth_targets{verdict=\"ok\"} 8803\n") != std::string::npos);
  CHECK(text.find("linkhealth_targets{verdict=\"tls_error\"} 0\n") != std::string::npos);
  CHECK(text.find("\nlinkhealth_problems 418\n") != std::string::npos);
  CHECK(text.find("\nlinkhealth_new_problems 6\n") != std::string::npos);
  CHECK(text.find("\nlinkhealth_fixed_problems 3\n") != std::string::npos);
  CHECK(text.find("\nlinkhealth_run_duration_seconds 1834.250\n") != std::string::npos);
  CHECK(text.find("\nlinkhealth_run_requests 10500\n") != std::string::npos);
  CHECK(text.find("\nlinkhealth_run_received_bytes 123456789\n") != std::string::npos);
  CHECK(text.find("\nlinkhealth_run_interrupted 0\n") != std::string::npos);
  CHECK(text.find("\nlinkhealth_last_run_finished_timestamp_seconds 1768188600\n") !=
        std::string::npos);
  CHECK(text.find("# HELP linkhealth_last_run_finished_timestamp_seconds ") != std::string::npos);
}

TEST_CASE("promtool accepts the metrics file", "[metrics][promtool]") {
  require_promtool();
  TempTree tree;
  RunMetrics m;
  m.run_id = 3;
  m.targets[static_cast<std::size_t>(Verdict::Redirected)] = 2;
  m.last_finished = 1768188600;
  const auto path = tree.root() / "linkhealth.prom";
  write_metrics_file(path.string(), m);
  const auto result = promtool_check(path);
  INFO(result.output);
  CHECK(result.status == 0);
  CHECK(result.output.empty());
  CHECK_FALSE(std::filesystem::exists(path.string() + ".tmp"));
}

TEST_CASE("metrics from the store: traffic and the last finished crawl", "[metrics][store]") {
  using namespace linkhealth::testdata;
  auto store = Store::open(":memory:");
  const auto source = article("a", "A");
  const std::vector<Target> targets{target_for(source, url_of(1)), target_for(source, url_of(2))};
  const auto r1 = store.begin_run(RunKind::Crawl, "{}", false);
  store.record_sources(r1, {source}, targets);
  store.record_check(r1, result(url_of(1), Verdict::Ok), {});
  store.record_check(r1, result(url_of(2), Verdict::Broken), {});
  store.finish_run(r1, RunStatus::Done);
  const RunMetrics done = load_run_metrics(store, r1);
  CHECK(done.targets[static_cast<std::size_t>(Verdict::Ok)] == 1);
  CHECK(done.problems == 1);
  CHECK(done.requests == 2);   // attempts of the two checks
  CHECK(done.bytes == 81920);  // 40960 each
  REQUIRE(done.last_finished.has_value());
  CHECK(*done.last_finished == *parse_utc(store.run(r1)->finished_at));

  const auto r2 = store.begin_run(RunKind::Crawl, "{}", false);
  store.record_check(r2, result(url_of(1), Verdict::Ok), {});
  store.finish_run(r2, RunStatus::Interrupted);
  const RunMetrics interrupted = load_run_metrics(store, r2);
  CHECK(interrupted.interrupted);
  CHECK(interrupted.requests == 1);
  // The newest *finished* crawl is still r1.
  CHECK(interrupted.last_finished == done.last_finished);
}
