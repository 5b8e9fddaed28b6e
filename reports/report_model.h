#pragma once
// reports/ is the last stage of the one-way flow: it renders what the store knows into the
// HTML report for editors and the JSON document for machines. Rendering is pure: it reads a
// ReportModel (plain data: the run and the store's own TargetRecords, filled by
// report_loader.h) and returns text, so the renderers are tested without a database or a
// network.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/finding.h"
#include "reports/fix_edit.h"
#include "reports/owners.h"
#include "reports/trend_series.h"
#include "store/records.h"

namespace linkhealth {

/// One run of linkhealth as recorded in the store.
struct ReportRun {
  long long id = 0;
  std::string kind;         ///< "crawl" | "check"
  std::string started_at;   ///< ISO 8601 UTC
  std::string finished_at;  ///< ISO 8601 UTC, empty while running
  std::string status;       ///< "running" | "completed" | "interrupted"
};

/// Everything one report or JSON document shows.
struct ReportModel {
  ReportRun run;
  std::vector<TargetRecord> targets;  ///< the stored records as the store reads them
  std::vector<Finding> findings;      ///< offline scan findings (data quality)
  bool has_previous_run = false;      ///< false on the first run: "new" and "fixed" mean nothing
  std::string wayback_base = "https://web.archive.org";
  std::vector<Owner> owners;  ///< the config's owners, in rule order
  std::string owner_filter;   ///< `report --owner`: only this owner's rows are in the model
  Trends trends;              ///< the history section (empty for a `check` run)
  /// What `linkhealth fix` would change now (reports/report_fix_plan.h); nullopt when the
  /// content tree was not read for it.
  std::optional<std::vector<FixEdit>> ready_to_fix;
  /// Plain ok targets (is_plain_ok) a streamed HTML model counted instead of keeping: the
  /// report shows their number only.
  int unlisted_ok = 0;
};

/// Ok, without drift, neither new nor fixed: a target the HTML report counts but lists nowhere.
bool is_plain_ok(const TargetRecord& target);

/// How many targets carry each verdict, indexed by the Verdict's value.
struct VerdictTotals {
  std::array<int, kVerdictCount> count{};
  int of(Verdict verdict) const { return count[static_cast<std::size_t>(verdict)]; }
  int problems() const;  ///< sum over verdicts where is_problem() holds
  int unverifiable() const { return of(Verdict::Blocked) + of(Verdict::Skipped); }
  int all() const;
};

/// Over the model's targets and its unlisted ok ones.
VerdictTotals verdict_totals(const ReportModel& model);

/// Targets flagged is_new / is_fixed, in model order.
std::vector<const TargetRecord*> new_problems(const ReportModel& model);
std::vector<const TargetRecord*> fixed_problems(const ReportModel& model);

/// What an editor can do about a target, when the report can tell.
struct SuggestedFix {
  enum class Kind { None, UseFinalUrl, UseReplacement, UseArchive, SearchArchive };
  Kind kind = Kind::None;
  std::string url;  ///< the URL to put in the content file, or the archive's list of captures
};

/// UseFinalUrl when every redirect hop was permanent (301/308) and the final answer was 2xx.
/// For broken and soft_404 targets: UseReplacement when relocation found the article on its
/// site, else UseArchive when an archive capture was chosen, else SearchArchive
/// (`<wayback_base>/web/<request_url>`, the archive's list of every capture).
SuggestedFix suggest_fix(const TargetRecord& target, std::string_view wayback_base);

/// `<base>/web/<url>` with any trailing '/' of base dropped.
std::string wayback_url(std::string_view base, std::string_view url);

/// True for a redirect status that tells clients to update their links (301, 308).
bool is_permanent_redirect(int status);

}  // namespace linkhealth
