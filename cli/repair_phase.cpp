#include "cli/repair_phase.h"

#include <fmt/format.h>

#include <map>
#include <set>

namespace linkhealth {

RepairSummary run_repair_phase(Store& store, std::int64_t run_id, Crawler& crawler,
                               const RunSettings& settings, RunLog& log) {
  RepairSummary summary;
  if (!settings.relocate && !settings.archive) return summary;
  std::vector<DeadCheck> dead = store.dead_checks(run_id);
  if (dead.empty()) return summary;
  std::vector<DeadLink> links;
  std::set<std::string> hosts;
  for (DeadCheck& check : dead) {
    check.link.relocate = settings.relocate;
    check.link.archive = settings.archive && !check.earlier_archive;
    hosts.insert(check.link.host);
    links.push_back(check.link);
  }
  RepairSettings repair_settings;
  repair_settings.wayback_base = settings.wayback_base;
  RepairFindings findings =
      crawler.find_repairs(std::move(links), store.sitemap_files(hosts), repair_settings);

  std::map<std::string, RepairSuggestion> found(findings.suggestions.begin(),
                                                findings.suggestions.end());
  std::vector<std::pair<std::string, RepairSuggestion>> repairs;
  for (DeadCheck& check : dead) {
    RepairSuggestion repair = found[check.link.request_url];
    if (!repair.archive) repair.archive = std::move(check.earlier_archive);
    summary.moved += repair.replacement.has_value();
    summary.archived += repair.archive.has_value();
    repairs.emplace_back(check.link.request_url, std::move(repair));
  }
  store.record_repairs(run_id, repairs);
  store.record_sitemap_files(findings.sitemaps);
  summary.dead = dead.size();
  summary.interrupted = findings.interrupted;
  for (const std::string& note : findings.notes) log.line("repair: " + note);
  log.line(fmt::format(
      "repair: {} dead links, {} moved within their sites, {} archived copies; {} sitemap URLs "
      "read, {} requests{}",
      summary.dead, summary.moved, summary.archived, findings.sitemap_urls, findings.requests,
      summary.interrupted ? " (interrupted)" : ""));
  return summary;
}

}  // namespace linkhealth
