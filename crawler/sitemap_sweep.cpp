#include "crawler/sitemap_sweep.h"

#include <set>
#include <utility>

#include "crawler/robots.h"
#include "crawler/url_parts.h"
#include "extract/url_resolution.h"

namespace linkhealth {
namespace {

// Levels of sitemap indexes followed below the files robots.txt names (the protocol allows
// one; some sites nest one more).
constexpr int kMaxLevels = 3;

bool answered_2xx(const CheckResult& r) {
  return r.http_status >= 200 && r.http_status < 300;
}

}  // namespace

struct SitemapSweep::Site {
  std::string host;
  std::string origin;
  std::vector<RelocationKey> keys;
  std::vector<TopCandidates> tops;  // parallel to keys
  std::string robots_body;
  RobotsRules robots;
  std::set<std::string> queued;                    // every file queued for the site
  std::vector<std::pair<std::string, bool>> next;  // files of the next level, listed or not
  std::size_t urls = 0;
  std::size_t bytes = 0;
  bool limit_noted = false;
  bool files_noted = false;
};

struct SitemapSweep::FileRead {
  Site* site = nullptr;
  std::string url;
  bool listed = false;  // named by robots.txt or an index, not guessed
  const SitemapFile* known = nullptr;
  std::unique_ptr<SitemapReader> reader;
  std::vector<TopCandidates> tops;  // parallel to the site's keys
  std::vector<std::string> children;
  std::size_t bytes_counted = 0;
};

SitemapSweep::SitemapSweep(const FetchOptions& options, const SitemapSiteLimits& limits,
                           const std::vector<SitemapFile>& known)
    : options_(options), limits_(limits) {
  for (const SitemapFile& file : known) known_.emplace(file.url, &file);
}

SitemapSweep::~SitemapSweep() = default;

bool SitemapSweep::add(const DeadLink& link) {
  if (links_.count(link.request_url) != 0) return true;
  const auto parts = parse_url(with_ascii_host(link.request_url));
  if (!parts || parts->host.empty() || (parts->scheme != "http" && parts->scheme != "https")) {
    return false;
  }
  auto key = relocation_key(link.request_url, link.curated_titles);
  if (!key) return false;
  auto& slot = sites_[parts->host];
  if (!slot) {
    slot = std::make_unique<Site>();
    slot->host = parts->host;
    slot->origin = origin_of(*parts);
  }
  slot->keys.push_back(std::move(*key));
  slot->tops.emplace_back();
  links_.emplace(link.request_url, std::make_pair(slot.get(), slot->keys.size() - 1));
  return true;
}

FetchOptions SitemapSweep::options_for_sitemaps() const {
  FetchOptions options = options_;
  options.soft404_probe = false;  // a sitemap is read, not judged
  return options;
}

StageGroup SitemapSweep::robots_level() {
  StageGroup group;
  group.options = options_for_sitemaps();
  group.options.robots = false;  // robots.txt is what is being read
  group.streamed = true;
  for (auto& [host, site_ptr] : sites_) {
    Site& site = *site_ptr;
    StageFetch fetch;
    fetch.target.request_url = site.origin + "/robots.txt";
    fetch.target.host = site.host;
    fetch.begin = [&site] { site.robots_body.clear(); };
    fetch.chunk = [&site, cap = limits_.robots_bytes](std::string_view chunk) {
      site.robots_body.append(chunk.substr(0, cap - std::min(cap, site.robots_body.size())));
      return site.robots_body.size() < cap;
    };
    fetch.done = [this, &site, robots_url = fetch.target.request_url](const CheckResult& r) {
      // No answer at all: the host is gone or unreachable, and so are its sitemaps.
      if (r.http_status == 0) return;
      std::vector<std::string> listed;
      if (answered_2xx(r)) {
        site.robots = parse_robots(site.robots_body, robots_product_token(options_.user_agent));
        for (const std::string& url : site.robots.sitemaps) {
          if (auto absolute = resolve_url(r.final_url.empty() ? robots_url : r.final_url, url)) {
            listed.push_back(*absolute);
          }
        }
      }
      site.robots_body.clear();
      site.robots_body.shrink_to_fit();
      if (listed.empty()) {
        queue_file(site, site.origin + "/sitemap.xml", false);
        queue_file(site, site.origin + "/sitemap_index.xml", false);
      }
      for (const std::string& url : listed) queue_file(site, url, true);
    };
    group.fetches.push_back(std::move(fetch));
  }
  return group;
}

void SitemapSweep::queue_file(Site& site, const std::string& url, bool listed) {
  if (site.queued.count(url) != 0) return;
  if (site.queued.size() >= limits_.files) {
    if (!site.files_noted) {
      notes_.push_back(site.host + ": more than " + std::to_string(limits_.files) +
                       " sitemap files; the rest are not read");
      site.files_noted = true;
    }
    return;
  }
  site.queued.insert(url);
  site.next.emplace_back(url, listed);
}

bool SitemapSweep::over_limits(Site& site) {
  if (site.urls < limits_.urls && site.bytes < limits_.bytes) return false;
  if (!site.limit_noted) {
    notes_.push_back(site.host + ": sitemaps over " + std::to_string(limits_.urls) + " URLs or " +
                     std::to_string(limits_.bytes) + " bytes; the rest are not read");
    site.limit_noted = true;
  }
  return true;
}

StageGroup SitemapSweep::sitemap_level() {
  reads_.clear();
  StageGroup group;
  group.options = options_for_sitemaps();
  group.streamed = true;
  std::set<std::string> in_group;  // one site's file may be another's: read it once a level
  for (auto& [host, site_ptr] : sites_) {
    Site& site = *site_ptr;
    if (options_.robots) group.robots[site.host] = site.robots;
    std::vector<std::pair<std::string, bool>> next;
    next.swap(site.next);
    for (auto& [url, listed] : next) {
      if (!in_group.insert(url).second) continue;
      auto file = std::make_unique<FileRead>();
      FileRead& f = *file;
      f.site = &site;
      f.url = url;
      f.listed = listed;
      StageFetch fetch;
      fetch.target.request_url = url;
      if (auto it = known_.find(url); it != known_.end()) {
        f.known = it->second;
        bool covers = f.known->index;
        if (!covers) {
          covers = true;
          for (const RelocationKey& key : site.keys) {
            covers = covers && f.known->candidates.count(key.dead_url) != 0;
          }
        }
        // Validators only when a 304 can stand for what reading the file would give.
        if (covers) {
          fetch.target.etag = f.known->etag;
          fetch.target.last_modified = f.known->last_modified;
        }
      }
      fetch.begin = [this, &f] {
        Site& s = *f.site;
        f.tops.assign(s.keys.size(), TopCandidates());
        f.children.clear();
        f.bytes_counted = 0;
        f.reader = std::make_unique<SitemapReader>(
            [this, &f, &s](const SitemapEntry& entry) {
              if (over_limits(s)) return;
              ++s.urls;
              ++urls_read_;
              const EntryWords words = entry_words(entry);
              for (std::size_t i = 0; i < s.keys.size(); ++i) {
                const double rank = rank_candidate(s.keys[i], entry, words);
                if (rank >= kMinCandidateRank) f.tops[i].offer({entry.loc, entry.news_title, rank});
              }
            },
            [this, &f](const std::string& loc) {
              if (f.children.size() < limits_.files) f.children.push_back(loc);
            },
            limits_.per_file);
      };
      fetch.chunk = [this, &f](std::string_view chunk) {
        Site& s = *f.site;
        if (over_limits(s)) return false;
        const bool more = f.reader->feed(chunk);
        s.bytes += f.reader->bytes() - f.bytes_counted;
        f.bytes_counted = f.reader->bytes();
        return more;
      };
      fetch.done = [this, &f](const CheckResult& r) { finish_file(f, r); };
      group.fetches.push_back(std::move(fetch));
      reads_.push_back(std::move(file));
    }
  }
  return group;
}

void SitemapSweep::merge(Site& site,
                         const std::map<std::string, std::vector<RankedCandidate>>& candidates) {
  for (std::size_t i = 0; i < site.keys.size(); ++i) {
    auto it = candidates.find(site.keys[i].dead_url);
    if (it == candidates.end()) continue;
    for (const RankedCandidate& c : it->second) site.tops[i].offer(c);
  }
}

void SitemapSweep::finish_file(FileRead& f, const CheckResult& r) {
  Site& site = *f.site;
  if (r.not_modified && f.known != nullptr) {
    SitemapFile kept = *f.known;
    if (!r.etag.empty()) kept.etag = r.etag;
    if (!r.last_modified.empty()) kept.last_modified = r.last_modified;
    for (const std::string& child : kept.children) queue_file(site, child, true);
    merge(site, kept.candidates);
    files_.push_back(std::move(kept));
    return;
  }
  if (!answered_2xx(r) || !f.reader) {
    if (f.listed) {
      notes_.push_back("sitemap " + f.url + ": " +
                       (r.error.empty() ? "HTTP " + std::to_string(r.http_status) : r.error));
    }
    return;
  }
  f.reader->finish();
  if (f.reader->kind() == SitemapKind::Unknown) {
    if (f.listed) notes_.push_back("sitemap " + f.url + ": " + f.reader->error());
    f.reader.reset();
    return;
  }
  if (!f.reader->error().empty()) notes_.push_back("sitemap " + f.url + ": " + f.reader->error());
  SitemapFile file;
  file.url = f.url;
  file.host = site.host;
  file.etag = r.etag;
  file.last_modified = r.last_modified;
  file.index = f.reader->kind() == SitemapKind::Index;
  file.children = std::move(f.children);
  if (!file.index) {
    for (std::size_t i = 0; i < site.keys.size(); ++i) {
      file.candidates[site.keys[i].dead_url] = f.tops[i].best();
    }
  }
  f.reader.reset();
  for (const std::string& child : file.children) queue_file(site, child, true);
  merge(site, file.candidates);
  files_.push_back(std::move(file));
}

bool SitemapSweep::run(StageRunner& runner) {
  if (sites_.empty()) return true;
  if (!runner.wait(runner.launch(robots_level()))) return false;
  for (int level = 0; level < kMaxLevels; ++level) {
    StageGroup group = sitemap_level();
    if (group.fetches.empty()) break;
    if (!runner.wait(runner.launch(std::move(group)))) return false;
  }
  reads_.clear();
  return true;
}

SitemapSweep::Found SitemapSweep::found(const std::string& dead_url) const {
  auto it = links_.find(dead_url);
  if (it == links_.end()) return {};
  const auto& [site, i] = it->second;
  return {&site->keys[i], site->tops[i].best()};
}

std::map<std::string, RobotsRules> SitemapSweep::known_robots() const {
  std::map<std::string, RobotsRules> out;
  for (const auto& [host, site] : sites_) out[host] = site->robots;
  return out;
}

}  // namespace linkhealth
