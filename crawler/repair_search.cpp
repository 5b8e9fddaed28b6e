#include "crawler/repair_search.h"

#include <deque>
#include <map>

#include "crawler/archive_choice.h"
#include "crawler/sitemap_sweep.h"

namespace linkhealth {
namespace {

/// The CDX answer of one link, read into memory up to a limit.
struct CdxRead {
  const DeadLink* link = nullptr;
  std::string body;
  bool over = false;
};

StageGroup archive_group(const FetchOptions& options, const RepairSettings& settings,
                         std::deque<CdxRead>& reads, std::map<std::string, RepairSuggestion>& found,
                         std::vector<std::string>& notes) {
  StageGroup group;
  group.options = options;
  group.options.soft404_probe = false;
  group.streamed = true;
  for (CdxRead& read : reads) {
    StageFetch fetch;
    fetch.target.request_url = cdx_query_url(settings.wayback_base, read.link->request_url);
    fetch.begin = [&read] {
      read.body.clear();
      read.over = false;
    };
    fetch.chunk = [&read, cap = settings.limits.cdx_bytes](std::string_view chunk) {
      if (read.body.size() + chunk.size() > cap) {
        read.over = true;
        return false;
      }
      read.body.append(chunk);
      return true;
    };
    fetch.done = [&read, &found, &notes, &settings](const CheckResult& r) {
      if (read.over) {
        notes.push_back("archive lookup for " + read.link->request_url + ": answer over " +
                        std::to_string(settings.limits.cdx_bytes) + " bytes, not read");
      } else if (r.http_status >= 200 && r.http_status < 300) {
        found[read.link->request_url].archive =
            archive_capture(settings.wayback_base, read.body, read.link->curated_at);
      }
      read.body.clear();
      read.body.shrink_to_fit();
    };
    group.fetches.push_back(std::move(fetch));
  }
  return group;
}

}  // namespace

RepairFindings search_repairs(StageRunner& runner, const FetchOptions& options,
                              const RepairSettings& settings, std::vector<DeadLink> links,
                              const std::vector<SitemapFile>& known) {
  RepairFindings out;
  std::map<std::string, RepairSuggestion> found;

  // The archive lookups go on while the sitemaps are read: another host, its own politeness.
  std::deque<CdxRead> cdx;
  for (const DeadLink& link : links) {
    if (link.archive) cdx.push_back({&link, {}, false});
  }
  std::optional<std::size_t> archive;
  if (!cdx.empty())
    archive = runner.launch(archive_group(options, settings, cdx, found, out.notes));

  SitemapSweep sweep(options, settings.limits, known);
  for (const DeadLink& link : links) {
    if (link.relocate) sweep.add(link);
  }
  bool going = sweep.run(runner);

  // The best few candidates of every link, each fetched once whichever links it may serve.
  std::map<std::string, std::vector<FetchedCandidate>> fetched;  // dead URL -> answers
  if (going) {
    StageGroup verify;
    verify.options = options;
    if (options.robots) verify.robots = sweep.known_robots();
    std::map<std::string, std::vector<std::string>> wanted_by;  // candidate -> dead URLs
    for (const DeadLink& link : links) {
      const SitemapSweep::Found f = sweep.found(link.request_url);
      std::size_t taken = 0;
      for (const RankedCandidate& c : f.best) {
        if (taken++ == kCandidatesFetched || c.rank < kMinCandidateRank) break;
        wanted_by[c.url].push_back(link.request_url);
      }
    }
    for (const auto& [url, dead] : wanted_by) {
      StageFetch fetch;
      fetch.target.request_url = url;
      fetch.done = [&fetched, &dead = dead](const CheckResult& r) {
        FetchedCandidate answer{r.request_url, r.verdict, r.final_url,
                                r.page ? r.page->title : std::string()};
        for (const std::string& d : dead) fetched[d].push_back(answer);
      };
      verify.fetches.push_back(std::move(fetch));
    }
    if (!verify.fetches.empty()) going = runner.wait(runner.launch(std::move(verify)));
    for (const DeadLink& link : links) {
      const SitemapSweep::Found f = sweep.found(link.request_url);
      auto answers = fetched.find(link.request_url);
      if (f.key == nullptr || answers == fetched.end()) continue;
      found[link.request_url].replacement = choose_replacement(*f.key, answers->second);
    }
  }
  if (going && archive) going = runner.wait(*archive);

  out.interrupted = !going;
  for (const DeadLink& link : links) {
    if (!link.relocate && !link.archive) continue;
    out.suggestions.emplace_back(link.request_url, found[link.request_url]);
  }
  out.sitemaps = sweep.take_files();
  for (std::string& note : sweep.take_notes()) out.notes.push_back(std::move(note));
  out.sitemap_urls = sweep.urls_read();
  out.requests = runner.requests();
  return out;
}

}  // namespace linkhealth
