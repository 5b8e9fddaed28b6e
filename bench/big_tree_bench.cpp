// Hostile content: a 100,000-file tree (issue 8). Generates the tree in a temp dir, scans it,
// and checks that every file was read and became a Source with its one target. A bench
// program, not a ctest, because writing 100,000 files under ASan took 29 s to 7 minutes on the
// shared build disk. Prints generation and scan wall time, scan CPU time and peak RSS.
//   big_tree_bench [FILES]   (default 100000); exits 1 when the scan lost or misread a file.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "cli/cpu_time.h"
#include "extract/scan.h"
#include "tests/temp_tree.h"

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

long peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t files = argc > 1 ? std::max(1, std::atoi(argv[1])) : 100000;
  linkhealth::testing::TempTree tree;
  auto start = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < files; ++i) {
    const std::string n = std::to_string(i);
    tree.write(
        "d" + std::to_string(i % 100) + "/f" + n + ".md",
        "---\ntitle: T" + n + "\nlink:\n  href: https://example.org/" + n + "?utm_source=x\n---\n");
  }
  const double generate = seconds_since(start);
  const long rss_before = peak_rss_mb();

  const double cpu0 = linkhealth::process_cpu_seconds();
  start = std::chrono::steady_clock::now();
  const auto result = linkhealth::scan_content(tree.root(), {});
  const double wall = seconds_since(start);
  const double cpu = linkhealth::process_cpu_seconds() - cpu0;

  std::printf(
      "big_tree_bench: %zu files: generated in %.1f s; scan %.2f s wall, %.2f s CPU; "
      "peak RSS %ld MB (%ld MB before the scan)\n",
      files, generate, wall, cpu, peak_rss_mb(), rss_before);
  const bool complete =
      result.counts.files_read == files && result.counts.sources_with_links == files &&
      result.counts.parse_errors == 0 && result.targets.size() == files && result.findings.empty();
  if (!complete) {
    std::printf(
        "big_tree_bench: FAILED: %zu files read, %zu with links, %zu parse errors, "
        "%zu targets, %zu findings\n",
        result.counts.files_read, result.counts.sources_with_links, result.counts.parse_errors,
        result.targets.size(), result.findings.size());
    return 1;
  }
  return 0;
}
