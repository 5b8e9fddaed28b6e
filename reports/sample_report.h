#pragma once
// A realistic, hand-written ReportModel (every verdict, redirects, drift, new/fixed, findings)
// so the report can be rendered and looked at without a crawl: used by the tests and handy
// for a quick `render_html_report(sample_report_model())` while working on the layout.

#include "reports/report_model.h"

namespace linkhealth {

ReportModel sample_report_model();

}  // namespace linkhealth
