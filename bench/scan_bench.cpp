// Times `scan` (read + parse + clean + group + findings) of both corpora; goal: the 4,540
// files in under a second on the 2-core build machine. Prints the median of several runs, for
// the default scan and for --strict-yaml (every front matter field parsed).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "extract/scan.h"

namespace {

double seconds_for(const std::vector<std::string>& roots, const linkhealth::ScanOptions& options,
                   std::size_t& files) {
  const auto start = std::chrono::steady_clock::now();
  files = 0;
  for (const auto& root : roots) files += linkhealth::scan_content(root, options).counts.files_read;
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
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
  for (bool full : {false, true}) {
    linkhealth::ScanOptions options;
    options.full_yaml_check = full;
    for (const auto& roots : sets) {
      std::vector<double> times;
      std::size_t files = 0;
      seconds_for(roots, options, files);  // warm the page cache
      for (int i = 0; i < runs; ++i) times.push_back(seconds_for(roots, options, files));
      std::string name;
      for (const auto& r : roots) name += (name.empty() ? "" : " + ") + r.substr(corpus.size() + 1);
      std::printf("scan%s %-24s %5zu files  median %.3f s  (min %.3f, max %.3f, %d runs)\n",
                  full ? " --strict-yaml" : "", name.c_str(), files, median(times),
                  *std::min_element(times.begin(), times.end()),
                  *std::max_element(times.begin(), times.end()), runs);
    }
  }
  return 0;
}
