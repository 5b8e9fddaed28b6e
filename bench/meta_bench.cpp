// Page metadata extraction speed: time per page and MB/s for every fixture page and for
// generated WordPress-style heads of ~40 KB and ~100 KB (goal: <= 0.3 ms for a 40 KB head).
// Usage: meta_bench [runs] [page-name-filter]
// (each run times a batch of extractions; the median per page is printed)
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "extract/page_meta.h"

namespace {

struct Page {
  std::string name;
  std::string bytes;
};

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string yoast_head() {
  const std::string yoast =
      read_file(std::filesystem::path(LINKHEALTH_FIXTURES_DIR) / "pages" / "yoast_article.html");
  return yoast.substr(0, yoast.find("</head>"));
}

// A head shaped like a real WordPress/Yoast news page: the Yoast SEO block and JSON-LD, ~60
// stylesheet/preload/script/meta tags, then inline CSS (global styles, theme) and inline
// script configuration filling it to about `target` bytes, cut at </head>.
std::string realistic_head(std::size_t target) {
  std::string head = yoast_head();
  for (int i = 0; i < 15; ++i) {
    const std::string n = std::to_string(i);
    head += "<link rel='stylesheet' id='plugin-" + n +
            "-css' href='https://hitconsultant.net/wp-content/plugins/p" + n +
            "/style.min.css?ver=6.5.2' type='text/css' media='all' />\n"
            "<link rel=\"preload\" as=\"font\" href=\"/fonts/inter-" +
            n +
            ".woff2\" crossorigin>\n"
            "<script type=\"text/javascript\" src=\"https://hitconsultant.net/wp-content/"
            "plugins/p" +
            n + "/app.min.js?ver=1.2\" id=\"p" + n +
            "-js\"></script>\n"
            "<meta name=\"generator\" content=\"Plugin " +
            n + " 1.0\" />\n";
  }
  for (int i = 0; head.size() + 8 < target; ++i) {
    const std::string n = std::to_string(i);
    std::string css = "<style id='global-" + n + "-inline-css' type='text/css'>\n";
    while (css.size() < 3000)
      css += ".wp-block-" + n + "-" + std::to_string(css.size()) +
             "{margin:0 auto;padding:calc(.667em + 2px) calc(1.333em + 2px);font-size:1.125em;"
             "color:var(--wp--preset--color--contrast)}\n";
    head += css + "</style>\n";
    head += "<script type=\"text/javascript\" id=\"cfg-" + n +
            "-js-extra\">\n/* <![CDATA[ */\n"
            "var cfg" +
            n +
            " = {\"ajaxurl\":\"https:\\/\\/hitconsultant.net\\/wp-admin\\/"
            "admin-ajax.php\",\"nonce\":\"a1b2c3d4e5\",\"i18n\":{\"close\":\"Close\",\"next\":"
            "\"Next\",\"previous\":\"Previous\"},\"breakpoints\":[480,768,1024,1280]};\n"
            "/* ]]> */\n</script>\n";
  }
  return head + "</head>";
}

// A worst case for the parser: the same size made only of tags (metas, script tags, links).
std::string tag_dense_head(std::size_t target) {
  std::string head = yoast_head();
  for (int i = 0; head.size() < target; ++i) {
    const std::string n = std::to_string(i);
    head += "<meta property=\"article:tag\" content=\"Health IT topic " + n +
            "\" />\n"
            "<script type=\"text/javascript\" src=\"https://hitconsultant.net/wp-content/"
            "plugins/p" +
            n + "/app.min.js?ver=1.2\" id=\"p" + n +
            "-js\"></script>\n"
            "<link rel=\"preload\" as=\"font\" href=\"/fonts/inter-" +
            n + ".woff2\" crossorigin>\n<meta name=\"generator\" content=\"Plugin " + n +
            " 1.0\" />\n";
  }
  return head + "</head>";
}

// CPU time of this thread: the machine is shared, so wall time would measure the neighbours.
double cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 7;
  std::vector<Page> pages;
  for (const auto& entry : std::filesystem::directory_iterator(
           std::filesystem::path(LINKHEALTH_FIXTURES_DIR) / "pages"))
    if (entry.path().extension() == ".html")
      pages.push_back({entry.path().filename().string(), read_file(entry.path())});
  std::sort(pages.begin(), pages.end(),
            [](const Page& a, const Page& b) { return a.name < b.name; });
  pages.push_back({"realistic head ~40 KB", realistic_head(40 * 1024)});
  pages.push_back({"realistic head ~100 KB", realistic_head(100 * 1024)});
  pages.push_back({"tag-only head ~40 KB", tag_dense_head(40 * 1024)});

  std::printf("%-30s %9s %12s %9s   (CPU time, median of %d runs)\n", "page", "bytes", "ms/page",
              "MB/s", runs);
  std::size_t sink = 0;
  const std::string filter = argc > 2 ? argv[2] : "";
  for (const Page& page : pages) {
    if (page.name.find(filter) == std::string::npos) continue;
    // Batch size: about 20 MB of input per run, at least 20 extractions.
    const std::size_t batch = std::max<std::size_t>(20, (20u << 20) / (page.bytes.size() + 1));
    std::vector<double> per_page_ms;
    for (int r = 0; r < runs; ++r) {
      const double start = cpu_ms();
      for (std::size_t k = 0; k < batch; ++k) {
        const linkhealth::PageMeta m =
            linkhealth::read_page_meta(page.bytes, "text/html", "https://news.example.com/a/b");
        sink += m.title.size();
      }
      per_page_ms.push_back((cpu_ms() - start) / static_cast<double>(batch));
    }
    const double ms = median(per_page_ms);
    const double mbs = ms > 0 ? (static_cast<double>(page.bytes.size()) / 1e6) / (ms / 1e3) : 0;
    std::printf("%-30s %9zu %12.4f %9.1f\n", page.name.c_str(), page.bytes.size(), ms, mbs);
  }
  std::fprintf(stderr, "(checksum %zu)\n", sink);
  return 0;
}
