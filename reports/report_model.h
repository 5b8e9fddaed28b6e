#pragma once
// reports/ is the last stage of the one-way flow: it renders what the store knows into the
// HTML report for editors and the JSON document for machines. Rendering is pure: it reads a
// ReportModel (plain data, filled from store queries by the caller) and returns text, so the
// renderers are tested without a database or a network.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/check_result.h"
#include "extract/finding.h"
#include "extract/page_meta.h"
#include "reports/fix_edit.h"
#include "store/drift.h"

namespace linkhealth {

/// One run of linkhealth as recorded in the store.
struct ReportRun {
  long long id = 0;
  std::string kind;         ///< "crawl" | "check"
  std::string started_at;   ///< ISO 8601 UTC
  std::string finished_at;  ///< ISO 8601 UTC, empty while running
  std::string status;       ///< "running" | "completed" | "interrupted"
};

/// One place in the content that points at a target, with what the editor curated there.
struct ReportRef {
  std::string slug;
  std::string file;       ///< content file, relative to the content root
  std::string field;      ///< dotted front matter path, e.g. "link.href"
  std::string raw;        ///< the URL as written in the file
  std::string title;      ///< curated title of the source (front matter `title`)
  std::string community;  ///< the source's community (`basePath`), may be empty
};

/// One request URL with its latest check and history, as the report shows it.
struct ReportTarget {
  std::string request_url;
  std::string host;
  Verdict verdict = Verdict::Invalid;
  int http_status = 0;         ///< status of the last response, 0 when none
  std::string final_url;       ///< URL of the last response
  std::vector<Hop> redirects;  ///< every hop, first request first
  std::string error;           ///< human-readable reason, empty for plain ok
  bool not_modified = false;   ///< a 304: the page shown is the one of the check before
  std::string checked_at;      ///< ISO 8601 UTC time of the check shown
  PageMeta page;               ///< live page metadata; all empty when none was read
  std::vector<Drift> drift;
  std::vector<ReportRef> refs;
  std::string first_seen_broken;  ///< date this problem streak began, empty when not broken
  int consecutive_failures = 0;   ///< runs in a row with a problem verdict
  bool is_new = false;            ///< a problem now, was not in the previous run
  bool is_fixed = false;          ///< a problem in the previous run, not now
};

/// Everything one report or JSON document shows.
struct ReportModel {
  ReportRun run;
  std::vector<ReportTarget> targets;
  std::vector<Finding> findings;  ///< offline scan findings (data quality)
  bool has_previous_run = false;  ///< false on the first run: "new" and "fixed" mean nothing
  std::string wayback_base = "https://web.archive.org";
  /// What `linkhealth fix` would change now (reports/report_fix_plan.h); nullopt when the
  /// content tree was not read for it.
  std::optional<std::vector<FixEdit>> ready_to_fix;
};

/// How many targets carry each verdict, indexed by the Verdict's value.
struct VerdictTotals {
  std::array<int, kVerdictCount> count{};
  int of(Verdict verdict) const { return count[static_cast<std::size_t>(verdict)]; }
  int problems() const;  ///< sum over verdicts where is_problem() holds
  int unverifiable() const { return of(Verdict::Blocked) + of(Verdict::Skipped); }
  int all() const;
};

VerdictTotals verdict_totals(const std::vector<ReportTarget>& targets);

/// Targets flagged is_new / is_fixed, in model order.
std::vector<const ReportTarget*> new_problems(const ReportModel& model);
std::vector<const ReportTarget*> fixed_problems(const ReportModel& model);

/// What an editor can do about a target, when the report can tell.
struct SuggestedFix {
  enum class Kind { None, UseFinalUrl, UseArchive };
  Kind kind = Kind::None;
  std::string url;  ///< the URL to put in the content file, or the archive lookup
};

/// UseFinalUrl when every redirect hop was permanent (301/308) and the final answer was 2xx;
/// UseArchive (`<wayback_base>/web/<request_url>`) for broken and soft_404 targets.
SuggestedFix suggest_fix(const ReportTarget& target, std::string_view wayback_base);

/// `<base>/web/<url>` with any trailing '/' of base dropped.
std::string wayback_url(std::string_view base, std::string_view url);

/// True for a redirect status that tells clients to update their links (301, 308).
bool is_permanent_redirect(int status);

}  // namespace linkhealth
