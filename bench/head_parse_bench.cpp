// head_parse_bench: what read_page_meta costs on the generated article pages, depending on how
// much of the page after </head> it is handed. The crawler stops reading at </head> but keeps
// the whole network chunk that contained it (up to 16 KB of body), and Gumbo parses all of it.
// Usage: head_parse_bench SCENARIO.json [runs] [body-bytes]
// (CPU time of this thread: the machine is shared, so wall time would measure the neighbours;
// body-bytes times that one cut only, e.g. 4096, what the crawler keeps after </head>)
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/cpu_time.h"
#include "extract/page_meta.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: head_parse_bench SCENARIO.json [runs] [body-bytes]\n");
    return 3;
  }
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  const long only = argc > 3 ? std::atol(argv[3]) : -1;
  std::ifstream in(argv[1]);
  const auto scenario = nlohmann::json::parse(in);
  std::vector<std::string> pages;
  for (const auto& [path, reply] : scenario.at("hosts").at("*").items()) {
    if (path.rfind("/a/t", 0) == 0) pages.push_back(reply.at("body").get<std::string>());
  }
  std::size_t head_bytes = 0;
  for (const auto& p : pages) head_bytes += p.find("</head>");
  std::printf("%zu pages, mean head %.1f KB\n", pages.size(),
              static_cast<double>(head_bytes) / static_cast<double>(pages.size()) / 1024);
  const linkhealth::ThreadCpuClock cpu;
  for (const long extra : {16384L, 8192L, 4096L, 0L}) {
    if (only >= 0 && extra != only) continue;
    std::vector<double> per_page_us;
    for (int r = 0; r < runs; ++r) {
      const double start = cpu.seconds();
      std::size_t found = 0;
      for (const auto& p : pages) {
        const std::size_t cut =
            std::min(p.size(), p.find("</head>") + static_cast<std::size_t>(extra));
        found += linkhealth::read_page_meta(std::string_view(p).substr(0, cut),
                                            "text/html; charset=utf-8", "http://x.test/a")
                     .og_title.size();
      }
      per_page_us.push_back((cpu.seconds() - start) * 1e6 / static_cast<double>(pages.size()));
      if (found == 0) std::printf("no og:title found\n");
    }
    std::sort(per_page_us.begin(), per_page_us.end());
    std::printf("head + %5ld bytes of body: %.1f us CPU per page (median of %d)\n", extra,
                per_page_us[per_page_us.size() / 2], runs);
  }
  return 0;
}
