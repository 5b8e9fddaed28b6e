// head_parse_bench: what read_page_meta costs on the generated article pages, depending on how
// much of the page after </head> it is handed. The crawler stops reading at </head> but keeps
// the whole network chunk that contained it (up to 16 KB of body), and Gumbo parses all of it.
// Usage: head_parse_bench SCENARIO.json [runs]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/page_meta.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: head_parse_bench SCENARIO.json [runs]\n");
    return 3;
  }
  const int runs = argc > 2 ? std::atoi(argv[2]) : 5;
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
  for (const long extra : {16384L, 8192L, 4096L, 0L}) {
    std::vector<double> per_page_ms;
    for (int r = 0; r < runs; ++r) {
      const auto start = std::chrono::steady_clock::now();
      std::size_t found = 0;
      for (const auto& p : pages) {
        const std::size_t cut =
            std::min(p.size(), p.find("</head>") + static_cast<std::size_t>(extra));
        found += linkhealth::read_page_meta(std::string_view(p).substr(0, cut),
                                            "text/html; charset=utf-8", "http://x.test/a")
                     .og_title.size();
      }
      const std::chrono::duration<double, std::milli> took =
          std::chrono::steady_clock::now() - start;
      per_page_ms.push_back(took.count() / static_cast<double>(pages.size()));
      if (found == 0) std::printf("no og:title found\n");
    }
    std::sort(per_page_ms.begin(), per_page_ms.end());
    std::printf("head + %5ld bytes of body: %.3f ms per page (median of %d)\n", extra,
                per_page_ms[per_page_ms.size() / 2], runs);
  }
  return 0;
}
