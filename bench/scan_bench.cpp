// Times `scan` (read + parse + clean + group + findings) of both corpora; goal: the 4,540
// files in under a second on the 2-core build machine. Prints the median wall and CPU time of
// several runs for the default scan (one thread per core), one thread, and --strict-yaml (every
// front matter field parsed). CPU time is given because the machine is shared: wall time
// under load says more about the neighbours than about scan.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "cli/cpu_time.h"
#include "extract/scan.h"

namespace {

struct Timing {
  double wall = 0;
  double cpu = 0;
  std::size_t files = 0;
};

Timing time_scan(const std::vector<std::string>& roots, const linkhealth::ScanOptions& options) {
  Timing t;
  const double cpu0 = linkhealth::process_cpu_seconds();
  const auto start = std::chrono::steady_clock::now();
  for (const auto& root : roots)
    t.files += linkhealth::scan_content(root, options).counts.files_read;
  t.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  t.cpu = linkhealth::process_cpu_seconds() - cpu0;
  return t;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const std::string corpus = LINKHEALTH_CORPUS_DIR;
  const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 7;
  const std::vector<std::vector<std::string>> sets = {
      {corpus + "/medigy"},
      {corpus + "/healthcareguys"},
      {corpus + "/medigy", corpus + "/healthcareguys"}};
  struct Mode {
    const char* name;
    linkhealth::ScanOptions options;
  };
  std::vector<Mode> modes(3);
  modes[0].name = "default";
  modes[1].name = "1 thread";
  modes[1].options.threads = 1;
  modes[2].name = "--strict-yaml";
  modes[2].options.full_yaml_check = true;
  for (const Mode& mode : modes) {
    for (const auto& roots : sets) {
      std::vector<double> wall;
      std::vector<double> cpu;
      Timing t = time_scan(roots, mode.options);  // warm the page cache
      for (int i = 0; i < runs; ++i) {
        t = time_scan(roots, mode.options);
        wall.push_back(t.wall);
        cpu.push_back(t.cpu);
      }
      std::string name;
      for (const auto& r : roots) {
        if (!name.empty()) name += '+';
        name.append(r, corpus.size() + 1);
      }
      std::printf("%-14s %-21s %5zu files  wall median %.3f s (min %.3f)  cpu median %.3f s\n",
                  mode.name, name.c_str(), t.files, median(wall),
                  *std::min_element(wall.begin(), wall.end()), median(cpu));
    }
  }
  std::printf("(%d runs each)\n", runs);
  return 0;
}
