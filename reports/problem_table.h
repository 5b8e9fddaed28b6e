#pragma once
// The report's main table: which targets an editor should review, one row per (target,
// source), grouped by community and host. Grouping is pure so it is tested without HTML.

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "reports/report_model.h"

namespace linkhealth {

/// One source's view of one target: its refs (several when one file names the URL in more
/// than one field, e.g. link.href and link.original).
struct ProblemRow {
  const TargetRecord* target = nullptr;
  std::vector<const CitingRef*> refs;  ///< same slug; empty when the target has no ref
};

struct ProblemTableGroup {
  std::string community;  ///< "" for sources without one
  std::string host;
  std::vector<ProblemRow> rows;
};

/// Problems, moved links and links whose live title/description/canonical drifted; never
/// blocked or skipped ones (they have their own section and are not counted as broken).
bool needs_review(const TargetRecord& target);

/// Reviewable rows grouped by (community, host), groups sorted by community then host, rows by
/// severity (problems first) then slug.
std::vector<ProblemTableGroup> group_problem_rows(const ReportModel& model);

/// The owner of the row's content file as the report's owner filter names it: the owner's
/// name, or "unowned" (reports/owners.h kUnownedName).
std::string_view owner_filter_value(const ProblemRow& row);

/// The <table id="lh-problems"> with its groups, or a friendly empty-state paragraph.
std::string render_problem_table(const ReportModel& model);
/// The same table for `groups` (group_problem_rows of the model), written to `out` a row at a
/// time: the table of a large run is tens of MB.
void write_problem_table(std::ostream& out, const ReportModel& model,
                         const std::vector<ProblemTableGroup>& groups);

}  // namespace linkhealth
