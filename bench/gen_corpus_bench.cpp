// gen_corpus_bench: a synthetic, deterministic benchmark world. Writes N content files in the
// medigy front-matter shape, the fixture-web scenario that serves every URL in them, and the
// truth (expected class per URL) for scoring linkhealth and its peers.
//
// Usage: gen_corpus_bench --out DIR [--files N] [--seed S] [--port P] [--latency-ms MS]
// Writes DIR/content/**.md, DIR/scenario.json, DIR/truth.json, DIR/hosts (an /etc/hosts
// fragment: every generated host on 127.0.0.1), DIR/urls.txt and DIR/links-NNN.html (the
// same URL list for the peers).
//
// Hosts follow the real corpus: 1,255 URLs over 317 hosts, 235 of them seen once, the top host
// 5%. Scaled to T URLs that is 0.187 T singleton hosts plus 0.065 T hosts whose counts fall off
// as rank^-s, with s solved so the top host carries 5%.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr int kTemplates = 16;

struct Options {
  std::string out;
  int files = 2000;
  unsigned seed = 42;
  int port = 8080;
  int latency_ms = 50;
};

/// What a URL does on the fixture web, and the class a correct checker reports for it.
struct Kind {
  const char* name;
  const char* truth;  // ok, redirect, broken, blocked
  double share;
};

// The real mix: ~70% live, ~10% moved, ~15% dead, and a few of the awkward ones.
const std::vector<Kind> kKinds = {
    {"live", "ok", 0.700},
    {"moved", "redirect", 0.100},
    {"gone", "broken", 0.120},
    {"removed", "broken", 0.020},
    {"refused", "broken", 0.010},
    {"soft404", "broken", 0.012},
    {"soft404_home", "broken", 0.008},
    {"bot_wall", "blocked", 0.015},
    {"rate_limited", "ok", 0.010},
    {"slow", "ok", 0.005},
};

const char* kWords[] = {"health",  "patient", "care",    "digital", "clinic", "study",
                        "data",    "ai",      "covid",   "vaccine", "trial",  "nurse",
                        "doctor",  "policy",  "payment", "remote",  "mental", "hospital",
                        "genomic", "device",  "fda",     "cancer",  "heart",  "diabetes"};

std::string words(std::mt19937& rng, int n, char sep) {
  std::string s;
  for (int i = 0; i < n; ++i) {
    if (i) s += sep;
    s += kWords[rng() % std::size(kWords)];
  }
  return s;
}

/// Counts per host for T URLs (see the header comment), largest first.
std::vector<int> host_counts(int total) {
  const int singletons = std::max(1, static_cast<int>(std::lround(0.187 * total)));
  const int heavy_hosts = std::max(1, static_cast<int>(std::lround(0.0653 * total)));
  const double heavy_urls = total - singletons;
  const double top = std::max(2.0, 0.05 * total);
  // Solve sum_{r=1..H} top * r^-s = heavy_urls for s by bisection.
  double lo = 0, hi = 4;
  for (int it = 0; it < 60; ++it) {
    const double s = (lo + hi) / 2;
    double sum = 0;
    for (int r = 1; r <= heavy_hosts; ++r) sum += top * std::pow(r, -s);
    (sum > heavy_urls ? lo : hi) = s;
  }
  std::vector<int> counts;
  int placed = 0;
  for (int r = 1; r <= heavy_hosts; ++r) {
    const int c = std::max(2, static_cast<int>(std::lround(top * std::pow(r, -lo))));
    counts.push_back(c);
    placed += c;
  }
  // Rounding drift goes to (or comes from) the heaviest hosts.
  for (std::size_t i = 0; placed != total - singletons; i = (i + 1) % counts.size()) {
    if (placed < total - singletons) {
      ++counts[i], ++placed;
    } else if (counts[i] > 2) {
      --counts[i], --placed;
    }
  }
  counts.insert(counts.end(), static_cast<std::size_t>(singletons), 1);
  return counts;
}

/// A realistic article page: 40-120 KB, a 10-30 KB head with OpenGraph, Twitter and JSON-LD
/// metadata plus the inline scripts and styles that make real heads that large.
std::string article_page(std::mt19937& rng, int index) {
  std::uniform_int_distribution<int> head_kb(10, 30), page_kb(40, 120);
  const std::size_t head_target = static_cast<std::size_t>(head_kb(rng)) * 1024;
  const std::size_t page_target = static_cast<std::size_t>(page_kb(rng)) * 1024;
  const std::string title = "Template " + std::to_string(index) + ": " + words(rng, 6, ' ');
  const std::string description = "A synthetic article about " + words(rng, 14, ' ') + ".";
  std::string h = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>" +
                  title + " | Bench News</title>\n<meta name=\"description\" content=\"" +
                  description + "\">\n<meta property=\"og:type\" content=\"article\">\n" +
                  "<meta property=\"og:title\" content=\"" + title + "\">\n" +
                  "<meta property=\"og:description\" content=\"" + description + "\">\n" +
                  "<meta property=\"og:image\" content=\"/img/t" + std::to_string(index) +
                  ".jpg\">\n<meta property=\"og:site_name\" content=\"Bench News\">\n" +
                  "<meta name=\"twitter:card\" content=\"summary_large_image\">\n" +
                  "<meta name=\"twitter:title\" content=\"" + title + "\">\n" +
                  "<meta name=\"twitter:description\" content=\"" + description + "\">\n" +
                  "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
                  "\"@type\":\"NewsArticle\",\"headline\":\"" +
                  title + "\",\"description\":\"" + description +
                  "\",\"datePublished\":\"2021-03-04T05:06:07Z\",\"author\":{\"@type\":"
                  "\"Person\",\"name\":\"Bench Writer\"}}</script>\n";
  int block = 0;
  while (h.size() < head_target) {
    if (block % 2 == 0) {
      h += "<script>window.__cfg" + std::to_string(block) + "={\"k\":\"" + words(rng, 40, '-') +
           "\",\"n\":" + std::to_string(rng() % 100000) + "};</script>\n";
    } else {
      h += "<style>.c" + std::to_string(block) +
           "{margin:0 auto;padding:" + std::to_string(rng() % 40) +
           "px;font-family:Georgia,serif}.c" + std::to_string(block) +
           " a{color:#0a5}</style>\n<link rel=\"stylesheet\" href=\"/css/" + words(rng, 3, '-') +
           ".css\">\n";
    }
    ++block;
  }
  h += "</head><body><header><nav><ul>";
  for (int i = 0; i < 30; ++i)
    h += "<li><a href=\"/section/" + words(rng, 2, '-') + "\">x</a></li>";
  h += "</ul></nav></header><main><article><h1>" + title + "</h1>\n";
  while (h.size() < page_target) h += "<p>" + words(rng, 60, ' ') + ".</p>\n";
  h += "</article></main></body></html>\n";
  return h;
}

std::string simple_page(const std::string& title, const std::string& text, std::size_t size) {
  std::string h = "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + title +
                  "</title><meta property=\"og:title\" content=\"" + title +
                  "\"></head><body><h1>" + title + "</h1>";
  while (h.size() < size) h += "<p>" + text + "</p>\n";
  return h + "</body></html>\n";
}

json reply(int status, const std::string& body, json headers = json::object(), int delay = 0) {
  json r = {{"status", status}, {"body", body}, {"headers", std::move(headers)}};
  if (delay) r["delay_ms"] = delay;
  return r;
}

json article_reply(const std::string& body, int index) {
  return reply(200, body,
               {{"ETag", "\"t" + std::to_string(index) + "-v1\""},
                {"Last-Modified", "Thu, 04 Mar 2021 05:06:07 GMT"},
                {"Cache-Control", "max-age=600"}});
}

/// Routes shared by every host ("*"): the path prefix decides the behaviour.
json shared_routes(std::mt19937& rng, std::vector<std::string>& pages) {
  json routes = json::object();
  for (int t = 0; t < kTemplates; ++t) {
    pages.push_back(article_page(rng, t));
    const std::string ts = std::to_string(t);
    routes["/a/t" + ts + "/*"] = article_reply(pages.back(), t);
    routes["/slow/t" + ts + "/*"] = article_reply(pages.back(), t);
    routes["/slow/t" + ts + "/*"]["delay_ms"] = 3000;
    routes["/m/t" + ts + "/*"] =
        reply(301, "", {{"Location", "/a/t" + ts + "/2024/moved/new-home-of-the-article"}});
  }
  routes["/"] = article_reply(pages[0], 0);
  routes["/gone/*"] = reply(404, simple_page("Page not found", words(rng, 50, ' '), 30000));
  routes["/removed/*"] = reply(410, simple_page("Gone", words(rng, 50, ' '), 8000));
  routes["/s/*"] =
      reply(200, simple_page("Page Not Found | Bench News", words(rng, 50, ' '), 40000));
  routes["/sr/*"] = reply(302, "", {{"Location", "/"}});
  routes["/bw/*"] = reply(403,
                          simple_page("Just a moment...",
                                      "Checking if the site connection is secure. Enable "
                                      "JavaScript and cookies to continue.",
                                      6000),
                          {{"cf-mitigated", "challenge"}, {"Server", "cloudflare"}});
  return routes;
}

// Every host is its own site (registrable domain newsNNNN.test), as the real corpus's hosts
// are, so a sharded crawl (crawl --shard K/N splits by registrable domain) spreads them.
std::string host_name(std::size_t rank) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "news%04zu.test", rank + 1);
  return buf;
}

int run(const Options& o) {
  std::mt19937 rng(o.seed);
  // Files with one URL, some with a second one in videoUrl.
  std::vector<int> urls_per_file(static_cast<std::size_t>(o.files));
  int total = 0;
  for (int& n : urls_per_file) total += (n = (rng() % 100 < 12) ? 2 : 1);

  // Hosts: counts by rank, then every URL slot gets a host, shuffled so neighbours differ.
  const std::vector<int> counts = host_counts(total);
  std::vector<std::size_t> slot_host;
  for (std::size_t h = 0; h < counts.size(); ++h) slot_host.insert(slot_host.end(), counts[h], h);
  std::shuffle(slot_host.begin(), slot_host.end(), rng);
  // Kinds: exact shares, shuffled.
  std::vector<std::size_t> slot_kind;
  for (std::size_t k = 0; k < kKinds.size(); ++k) {
    const auto n = static_cast<std::size_t>(std::lround(kKinds[k].share * total));
    slot_kind.insert(slot_kind.end(), n, k);
  }
  slot_kind.resize(static_cast<std::size_t>(total), 0);
  std::shuffle(slot_kind.begin(), slot_kind.end(), rng);

  std::vector<std::string> pages;
  json scenario = {{"latency_ms", o.latency_ms}, {"hosts", json::object()}};
  scenario["hosts"]["*"] = shared_routes(rng, pages);
  json truth = json::array();
  std::vector<std::string> urls;
  const std::string port = ":" + std::to_string(o.port);
  for (int i = 0; i < total; ++i) {
    const auto& kind = kKinds[slot_kind[static_cast<std::size_t>(i)]];
    const std::string host = host_name(slot_host[static_cast<std::size_t>(i)]);
    const int t = static_cast<int>(rng() % kTemplates);
    const std::string ts = std::to_string(t);
    const std::string tail = "/202" + std::to_string(rng() % 5) + "/" +
                             std::to_string(1 + rng() % 12) + "/" + words(rng, 5, '-') + "-" +
                             std::to_string(i);
    const std::string name = kind.name;
    std::string path;
    std::string url_port = port;
    if (name == "live") path = "/a/t" + ts + tail;
    if (name == "slow") path = "/slow/t" + ts + tail;
    if (name == "moved") path = "/m/t" + ts + tail;
    if (name == "gone") path = "/gone" + tail;
    if (name == "removed") path = "/removed" + tail;
    // A closed port that is not on the Fetch standard's bad-port list (port 1 is, and the
    // crawler rightly skips those instead of trying them).
    if (name == "refused") path = "/a/t" + ts + tail, url_port = ":2";
    if (name == "soft404") path = "/s" + tail;
    if (name == "soft404_home") path = "/sr" + tail;
    if (name == "bot_wall") path = "/bw" + tail;
    if (name == "rate_limited") {
      path = "/rl/t" + ts + tail;
      scenario["hosts"][host][path] = {reply(429, "Too Many Requests", {{"Retry-After", "1"}}),
                                       article_reply(pages[static_cast<std::size_t>(t)], t)};
    }
    const std::string url = "http://" + host + url_port + path;
    urls.push_back(url);
    truth.push_back({{"url", url}, {"host", host}, {"kind", name}, {"class", kind.truth}});
  }

  fs::create_directories(fs::path(o.out) / "content");
  std::size_t next = 0;
  for (std::size_t f = 0; f < urls_per_file.size(); ++f) {
    const std::string& url = urls[next++];
    const std::string video = urls_per_file[f] == 2 ? urls[next++] : "";
    const std::string slug = "bench-" + words(rng, 3, '-') + "-" + std::to_string(f);
    // Some links carry an AddThis share fragment or utm parameters, as in the real corpus.
    std::string href = url, original = url;
    if (rng() % 100 < 15) href += "#.X" + std::to_string(100000 + rng() % 900000) + "Ab";
    if (rng() % 100 < 20)
      original += "?utm_source=newsletter&utm_medium=email&utm_campaign=b" + std::to_string(f % 97);
    const fs::path dir = fs::path(o.out) / "content" / ("part" + std::to_string(f % 50));
    fs::create_directories(dir);
    std::ofstream md(dir / (slug + ".md"), std::ios::binary);
    md << "---\narchetype: profile-offering\nauthor:\n- Bench Curator\n"
       << "date: '2021-03-0" << 1 + f % 9 << "T05:06:07.000000Z'\n"
       << "description: A curated link about " << words(rng, 12, ' ') << ".\n"
       << "id: " << 1000 + f << "\nlink:\n  brand: " << url.substr(7, url.find(':', 7) - 7)
       << "\n  href: " << href << "\n  original: " << original
       << "\nopenProjectCustomFields:\n  cleanUrl: " << url << "\n  shortUrl: null\n"
       << "  sourceUrl: " << original << "\n";
    if (!video.empty()) md << "  videoUrl: " << video << "\n";
    md << "slug: " << slug << "\nsource: open-project-curations\ntitle: Bench item " << f
       << "\n---\n\nA short curator note.\n";
  }

  std::ofstream(fs::path(o.out) / "scenario.json") << scenario.dump();
  json out = {{"files", o.files},           {"urls", total},  {"hosts", counts.size()},
              {"latency_ms", o.latency_ms}, {"seed", o.seed}, {"targets", truth}};
  std::ofstream(fs::path(o.out) / "truth.json") << out.dump(1);
  std::ofstream hosts(fs::path(o.out) / "hosts");
  hosts << "127.0.0.1 localhost\n";
  for (std::size_t h = 0; h < counts.size(); ++h) hosts << "127.0.0.1 " << host_name(h) << "\n";
  // The peers read the URL list as HTML pages of at most 2,000 links: LinkChecker does not
  // parse a page over 1 MB (maxfilesizeparse).
  std::ofstream list(fs::path(o.out) / "urls.txt");
  std::ofstream page;
  for (std::size_t i = 0; i < urls.size(); ++i) {
    if (i % 2000 == 0) {
      if (page.is_open()) page << "</ul></body></html>\n";
      char name[32];
      std::snprintf(name, sizeof name, "links-%03zu.html", i / 2000);
      page = std::ofstream(fs::path(o.out) / name);
      page << "<!doctype html><html><head><title>bench links</title></head><body><ul>\n";
    }
    list << urls[i] << "\n";
    page << "<li><a href=\"" << urls[i] << "\">" << urls[i] << "</a></li>\n";
  }
  page << "</ul></body></html>\n";
  std::printf("%d files, %d urls, %zu hosts (top host %d) in %s\n", o.files, total, counts.size(),
              counts.front(), o.out.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const std::string value = argv[i + 1];
    if (flag == "--out")
      o.out = value;
    else if (flag == "--files")
      o.files = std::atoi(value.c_str());
    else if (flag == "--seed")
      o.seed = static_cast<unsigned>(std::stoul(value));
    else if (flag == "--port")
      o.port = std::atoi(value.c_str());
    else if (flag == "--latency-ms")
      o.latency_ms = std::atoi(value.c_str());
    else {
      std::fprintf(stderr, "gen_corpus_bench: unknown flag %s\n", flag.c_str());
      return 3;
    }
  }
  if (o.out.empty() || o.files <= 0) {
    std::fprintf(stderr,
                 "usage: gen_corpus_bench --out DIR [--files N] [--seed S] [--port P] "
                 "[--latency-ms MS]\n");
    return 3;
  }
  return run(o);
}
