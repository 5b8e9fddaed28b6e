#pragma once
// The editors' report: one self-contained HTML file (inline CSS and JS, a Content Security
// Policy that forbids every request, readable offline and on paper). Every string that came
// from a remote page or a content file goes through reports/html_escape.h.

#include <iosfwd>
#include <string>

#include "reports/report_model.h"

namespace linkhealth {

/// The whole HTML document for the model. The inline script carries a fresh random CSP nonce,
/// so injected markup could not run even if escaping ever failed.
std::string render_html_report(const ReportModel& model);
/// The same document written to `out` a section (and a table row) at a time.
void write_html_report(std::ostream& out, const ReportModel& model);

}  // namespace linkhealth
