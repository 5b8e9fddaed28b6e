#pragma once
// Relocation's reading part: every dead link's site's sitemaps, read once per run in levels
// (robots.txt, then the sitemaps it lists or the usual two, then the children of indexes),
// each level one group of streamed requests. While a file streams past, each entry is ranked
// against the dead links of its site and only the best few per link are kept, so memory grows
// with the candidates kept, not with the sitemaps. Files answered 304 stand in with what was
// kept of them (SitemapFile).

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "crawler/relocation_rank.h"
#include "crawler/repair_search.h"
#include "crawler/stage_runner.h"

namespace linkhealth {

class SitemapSweep {
 public:
  SitemapSweep(const FetchOptions& options, const SitemapSiteLimits& limits,
               const std::vector<SitemapFile>& known);
  ~SitemapSweep();
  SitemapSweep(const SitemapSweep&) = delete;
  SitemapSweep& operator=(const SitemapSweep&) = delete;

  /// A dead link to find; false when it has nothing to find it by (no usable curated title,
  /// no parsable URL).
  bool add(const DeadLink& link);
  /// Reads the sites' robots.txt and sitemaps, level by level; false when stopped.
  bool run(StageRunner& runner);

  /// The link's relocation key and the best sitemap entries found for it.
  struct Found {
    const RelocationKey* key = nullptr;
    std::vector<RankedCandidate> best;
  };
  Found found(const std::string& dead_url) const;

  /// Every file read or confirmed by a 304, to keep for the next run.
  std::vector<SitemapFile> take_files() { return std::move(files_); }
  std::vector<std::string> take_notes() { return std::move(notes_); }
  std::size_t urls_read() const { return urls_read_; }
  /// The robots.txt rules read per site host (empty rules where there were none).
  std::map<std::string, RobotsRules> known_robots() const;

 private:
  struct Site;
  struct FileRead;
  StageGroup robots_level();
  StageGroup sitemap_level();
  void queue_file(Site& site, const std::string& url, bool listed);
  /// True (and noted once) when the site's sitemaps reached the URL or byte limit.
  bool over_limits(Site& site);
  void finish_file(FileRead& file, const CheckResult& result);
  void merge(Site& site, const std::map<std::string, std::vector<RankedCandidate>>& candidates);
  FetchOptions options_for_sitemaps() const;

  FetchOptions options_;
  SitemapSiteLimits limits_;
  std::map<std::string, const SitemapFile*> known_;             // by URL
  std::map<std::string, std::unique_ptr<Site>> sites_;          // by host
  std::map<std::string, std::pair<Site*, std::size_t>> links_;  // dead URL -> site, link
  std::vector<std::unique_ptr<FileRead>> reads_;                // the level being read
  std::vector<SitemapFile> files_;
  std::vector<std::string> notes_;
  std::size_t urls_read_ = 0;
};

}  // namespace linkhealth
