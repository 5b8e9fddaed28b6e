#include <catch2/catch.hpp>

#include <csignal>
#include <cstdint>
#include <random>
#include <thread>

#include <SQLiteCpp/Column.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/store.h"
#include "store_test_data.h"

// The store side of crash safety: a writer process killed with SIGKILL at random points.
// (The same test against a whole `linkhealth crawl` process comes with the crawl wiring.)

using namespace linkhealth;
using namespace linkhealth::testdata;

namespace {

constexpr int kTargets = 3000;
constexpr int kBatch = 10;

// Child process: resume (or start) the crawl, check the targets not yet checked, and after
// every commit tell the parent how many checks the run has committed. Never returns.
[[noreturn]] void writer_process(const std::filesystem::path& path, int report_fd) {
  try {
    auto store = Store::open(path, {1000000, std::chrono::hours(1), 2});
    std::int64_t run = store.begin_run(RunKind::Crawl, "{}", false);
    auto done = store.checked_urls(run);
    std::int64_t committed = static_cast<std::int64_t>(done.size());
    int batched = 0;
    for (int i = 0; i < kTargets; ++i) {
      if (done.count(url_of(i))) continue;
      store.record_check(run, result(url_of(i), i % 3 ? Verdict::Ok : Verdict::Broken, "t"), {});
      std::this_thread::sleep_for(std::chrono::microseconds(300));  // the network's pace
      if (++batched == kBatch) {
        store.flush();
        committed += batched;
        batched = 0;
        if (write(report_fd, &committed, sizeof committed) != sizeof committed) _exit(3);
      }
    }
    _exit(0);
  } catch (...) {
    _exit(2);
  }
}

}  // namespace

TEST_CASE("a writer killed with SIGKILL leaves a valid database and loses no commit",
          "[store][crash]") {
  TempDir dir;
  auto path = dir / "links.db";
  std::random_device rd;
  auto seed = rd();
  INFO("seed " << seed);
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> kill_after_ms(0, 150);

  std::int64_t acknowledged = 0;
  for (int round = 0; round < 4; ++round) {
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      close(fds[0]);
      writer_process(path, fds[1]);
    }
    close(fds[1]);
    std::int64_t reported = 0;
    if (round % 2 == 0) {
      // Half the rounds kill mid-crawl, after the first commit; the others at any moment,
      // including while the database is being opened or the run begun.
      if (read(fds[0], &reported, sizeof reported) == sizeof reported) {
        acknowledged = std::max(acknowledged, reported);
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(kill_after_ms(random)));
    kill(child, SIGKILL);
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    while (read(fds[0], &reported, sizeof reported) == sizeof reported) {
      acknowledged = std::max(acknowledged, reported);
    }
    close(fds[0]);
    INFO("round " << round);
    // Killed, or (on a very slow machine) finished on its own; never failed.
    CHECK((WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) == 0)));

    auto store = Store::open(path);
    CHECK(store.database().execAndGet("PRAGMA integrity_check").getString() == "ok");
    auto run = store.latest_run(RunKind::Crawl);
    if (!run) {  // killed before the run began
      CHECK(acknowledged == 0);
      continue;
    }
    CHECK(run->status == RunStatus::Running);
    auto committed = static_cast<std::int64_t>(store.checked_urls(run->id).size());
    CHECK(committed >= acknowledged);  // every acknowledged commit survived the kill
    CHECK(run->check_count == committed);
  }
  CHECK(acknowledged > 0);

  // The next crawl resumes the killed run and completes it.
  auto store = Store::open(path);
  std::int64_t run = store.begin_run(RunKind::Crawl, "{}", false);
  CHECK(run == 1);
  auto done = store.checked_urls(run);
  for (int i = 0; i < kTargets; ++i) {
    if (!done.count(url_of(i))) {
      store.record_check(run, result(url_of(i), i % 3 ? Verdict::Ok : Verdict::Broken, "t"), {});
    }
  }
  store.finish_run(run, RunStatus::Done);
  auto info = store.run(run);
  CHECK(info->status == RunStatus::Done);
  CHECK(info->check_count == kTargets);
  CHECK(info->problem_count == kTargets / 3);
  CHECK(store.database().execAndGet("PRAGMA integrity_check").getString() == "ok");
}
