#pragma once
// The report's "Ready to fix" section: the edits `linkhealth fix` would write now, so an
// editor sees them next to the links they repair and knows one command does them.

#include <string>

#include "reports/report_model.h"

namespace linkhealth {

/// The section (a table of file:line, field, old and new value, kind), "" when the model has
/// no plan.
std::string ready_to_fix_html(const ReportModel& model);

}  // namespace linkhealth
