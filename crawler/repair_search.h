#pragma once
// The repair search after a crawl's fetches: for each broken or soft-404 link, where its
// article went within its site and its archived copy from the day it was curated.
//
// Relocation reads each dead link's site's sitemaps once per run (robots.txt `Sitemap:`
// lines, else /sitemap.xml and /sitemap_index.xml; indexes followed; gzip inflated), ranks
// their entries against the curated titles while they stream past (crawler/relocation_rank.h,
// keeping the best few per link), fetches the best few through the engine's per-host
// politeness and suggests one only when its title matches. Each sitemap file's validators and
// the best entries it held per dead link are kept (SitemapFile), so next week's request is
// conditional and a 304 still relocates.
// The archive copy: one Wayback CDX query per link (crawler/archive_choice.h).

#include <atomic>
#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "crawler/fetch_options.h"
#include "crawler/relocation_rank.h"
#include "crawler/stage_runner.h"
#include "extract/sitemap_reader.h"
#include "types/repair.h"

namespace linkhealth {

/// A link whose check says broken or soft_404, with what it was curated as.
struct DeadLink {
  std::string request_url;
  std::string host;  ///< lowercase; derived from request_url when empty
  std::vector<std::string> curated_titles;
  std::string curated_at;  ///< front matter date, else the file's first scan; "" unknown
  bool relocate = true;    ///< look for its new address
  bool archive = true;     ///< look up its archived copy
};

/// What is kept of one sitemap file between runs.
struct SitemapFile {
  std::string url;
  std::string host;  ///< the site whose dead links it was read for
  std::string etag;
  std::string last_modified;
  bool index = false;  ///< a sitemap index: `children` are its sitemaps
  std::vector<std::string> children;
  /// The best entries the file held for each dead link it was read for (dead URL -> best
  /// first; an empty list: read, nothing fit). A conditional request is only made when
  /// every dead link of the site is here, so a 304 can stand for reading the file again.
  std::map<std::string, std::vector<RankedCandidate>> candidates;
  bool operator==(const SitemapFile&) const = default;
};

/// What one site's sitemaps may cost a run. A file may hold 50,000 URLs and 50 MB; a site
/// may list any number of files.
struct SitemapSiteLimits {
  std::size_t files = 64;
  std::size_t urls = 500'000;
  std::size_t bytes = 512 * 1024 * 1024;  ///< decoded
  SitemapFileLimits per_file;
  std::size_t robots_bytes = 512 * 1024;
  std::size_t cdx_bytes = 8 * 1024 * 1024;
};

struct RepairSettings {
  std::string wayback_base = "https://web.archive.org";
  SitemapSiteLimits limits;
};

struct RepairFindings {
  /// Per dead link searched (in the order given): what was found, possibly nothing.
  std::vector<std::pair<std::string, RepairSuggestion>> suggestions;
  std::vector<SitemapFile> sitemaps;  ///< every file read or confirmed by a 304 this run
  std::vector<std::string> notes;     ///< for the run log: sitemaps unreadable, limits hit
  bool interrupted = false;
  std::size_t sitemap_urls = 0;  ///< entries read from sitemaps
  std::size_t requests = 0;      ///< requests the search made
};

/// Searches repairs for `links` (distinct request URLs); `known` are the sitemap files kept
/// from earlier runs. Stops early when `stop` is set (findings so far are returned).
RepairFindings search_repairs(StageRunner& runner, const FetchOptions& options,
                              const RepairSettings& settings, std::vector<DeadLink> links,
                              const std::vector<SitemapFile>& known);

}  // namespace linkhealth
