#pragma once
// The machine-readable twin of the HTML report (`crawl --json`, `check --json`,
// `report --json`). The schema is documented in README.md ("JSON output"); field names are a
// public contract, change them only together with that section.

#include <functional>
#include <iosfwd>
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "reports/report_model.h"

namespace linkhealth {

/// {"kind", "slug", "file", "field", "detail", "line"}: one finding, as the document and
/// `scan --json` both write it.
nlohmann::json finding_json(const Finding& finding);

/// {"run": {...}, "targets": [...], "findings": [...]} for the model.
nlohmann::json json_document(const ReportModel& model);

/// json_document serialised; invalid UTF-8 in any string becomes U+FFFD instead of throwing.
/// indent < 0 gives the compact one-line form.
std::string render_json_document(const ReportModel& model, int indent = 2);

/// render_json_document written to `out` one target at a time, so a large run never holds the
/// whole document as a json tree or a string (what `crawl --json` and `report --json` use).
void write_json_document(std::ostream& out, const ReportModel& model, int indent = 2);

/// Calls its argument once per target, in document order (see stream_report_model).
using TargetFeed = std::function<void(const std::function<void(const TargetRecord&)>&)>;

/// The feed of a model's own targets.
TargetFeed targets_of(const ReportModel& model);

/// write_json_document for a model whose targets arrive from `targets` (header.targets is not
/// read): the same bytes, with one target in memory at a time (`crawl --json`).
void write_json_document(std::ostream& out, const ReportModel& header, const TargetFeed& targets,
                         int indent = 2);

}  // namespace linkhealth
