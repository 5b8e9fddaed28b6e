// relocation_bench: the repair search against one site whose sitemaps list N URLs (a robots.txt
// naming a sitemap index of gzip files of 50,000 URLs each), with D dead links whose articles
// moved somewhere in them. Reports the search's CPU time and the process's peak RSS before and
// after it: the goal is RSS that grows with the candidates kept (D x 5), not with N. The site is
// served by the loopback fixture web in a child process, so its memory is not counted.
// Usage: relocation_bench [--urls N] [--dead D]
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "cli/cpu_time.h"
#include "crawler/crawler.h"
#include "tests/web/fixture_web.h"

namespace {

using linkhealth::testweb::Reply;

long peak_rss_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

constexpr const char* kSite = "http://big.web.test";
constexpr int kPerFile = 50000;

// Moved headlines differ in their words, as real ones do, not only in a number.
constexpr const char* kCities[] = {"Austin", "Boston",  "Denver", "Fresno", "Tampa",
                                   "Omaha",  "Reno",    "Dayton", "Salem",  "Akron",
                                   "Toledo", "Durham",  "Eugene", "Mobile", "Topeka",
                                   "Tucson", "Raleigh", "Provo",  "Biloxi", "Duluth"};
constexpr const char* kWings[] = {"cardiology", "oncology", "pediatric", "maternity", "burn",
                                  "stroke",     "dialysis", "trauma",    "geriatric", "sleep"};

// Distinct for i < 200, so every dead link has an article of its own to be found.
std::string moved_title(int i) {
  return std::string(kCities[i % 20]) + " health system opens a new " + kWings[(i / 20) % 10] +
         " wing for " + kCities[(i + 7) % 20] + " patients";
}

std::string moved_path(int i) {
  std::string slug;
  for (char c : moved_title(i)) slug += c == ' ' ? '-' : static_cast<char>(std::tolower(c));
  return "/news/" + slug;
}

/// The site: robots.txt, the index, the gzip files and the moved articles' pages.
linkhealth::testweb::Scenario big_site(int urls, int dead) {
  linkhealth::testweb::Scenario s;
  auto& site = s.hosts["big.web.test"];
  Reply robots;
  robots.content_type = "text/plain";
  robots.body = std::string("Sitemap: ") + kSite + "/sitemap_index.xml\n";
  site["/robots.txt"].replies = {robots};
  const int files = (urls + kPerFile - 1) / kPerFile;
  std::string index = "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">";
  int written = 0;
  for (int f = 0; f < files; ++f) {
    const std::string path = "/sitemaps/posts-" + std::to_string(f) + ".xml.gz";
    index += std::string("<sitemap><loc>") + kSite + path + "</loc></sitemap>";
    std::string xml = "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (int i = 0; i < kPerFile && written < urls; ++i, ++written) {
      // The moved articles are spread through the files; the rest are plausible news slugs.
      const bool moved = dead > 0 && written % (urls / dead) == 0 && written / (urls / dead) < dead;
      const std::string path_i = moved ? moved_path(written / (urls / dead))
                                       : "/news/2021/" + std::to_string(written % 12 + 1) +
                                             "/hospital-story-about-care-" +
                                             std::to_string(written) + "-and-staffing";
      xml += std::string("<url><loc>") + kSite + path_i +
             "</loc><lastmod>2021-05-04</lastmod></url>\n";
    }
    xml += "</urlset>\n";
    Reply gz;
    gz.content_type = "application/x-gzip";
    gz.body = linkhealth::testweb::gzip_bytes(xml);
    site[path].replies = {gz};
  }
  index += "</sitemapindex>";
  Reply index_reply;
  index_reply.content_type = "application/xml";
  index_reply.body = index;
  site["/sitemap_index.xml"].replies = {index_reply};
  for (int i = 0; i < dead; ++i) {
    Reply page;
    page.body = "<html><head><title>" + moved_title(i) + " | Big News</title></head><body>" +
                "</body></html>";
    site[moved_path(i)].replies = {page};
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  int urls = 200000, dead = 20;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--urls") == 0) urls = std::atoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--dead") == 0) dead = std::atoi(argv[i + 1]);
  }
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return 1;
  const pid_t server = fork();
  if (server == 0) {
    close(pipe_fds[0]);
    linkhealth::testweb::FixtureWeb web(big_site(urls, dead));
    const int port = web.port();
    if (write(pipe_fds[1], &port, sizeof port) != sizeof port) _exit(1);
    close(pipe_fds[1]);
    while (true) std::this_thread::sleep_for(std::chrono::seconds(1));
  }
  close(pipe_fds[1]);
  int port = 0;
  if (read(pipe_fds[0], &port, sizeof port) != sizeof port) return 1;

  linkhealth::FetchOptions options;
  options.connect_to = {"::127.0.0.1:" + std::to_string(port)};
  options.allow_private = true;
  options.interval_ms = 0;
  std::vector<linkhealth::DeadLink> links;
  for (int i = 0; i < dead; ++i) {
    links.push_back({std::string(kSite) + "/2019/05/story-" + std::to_string(i) + ".html",
                     "",
                     {moved_title(i)},
                     "2019-05-01",
                     true,
                     false});
  }
  linkhealth::RepairSettings settings;
  const long rss_before = peak_rss_kb();
  const double cpu_before = linkhealth::process_cpu_seconds();
  const auto started = std::chrono::steady_clock::now();
  linkhealth::Crawler crawler(options);
  const auto findings = crawler.find_repairs(links, {}, settings);
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const double cpu = linkhealth::process_cpu_seconds() - cpu_before;
  const long rss_after = peak_rss_kb();
  kill(server, SIGKILL);
  waitpid(server, nullptr, 0);

  int found = 0;
  for (const auto& [url, repair] : findings.suggestions) found += repair.replacement.has_value();
  std::printf(
      "relocation: %d sitemap URLs (%zu read), %d dead links: %d found, %zu requests; "
      "wall %.2f s, cpu %.2f s (%.2f us per sitemap URL); peak RSS %.1f MB before, %.1f MB "
      "after (+%.1f MB)\n",
      urls, findings.sitemap_urls, dead, found, findings.requests, wall, cpu,
      findings.sitemap_urls > 0 ? cpu * 1e6 / double(findings.sitemap_urls) : 0.0,
      double(rss_before) / 1024, double(rss_after) / 1024, double(rss_after - rss_before) / 1024);
  for (const auto& note : findings.notes) std::printf("  note: %s\n", note.c_str());
  return found == dead ? 0 : 1;
}
