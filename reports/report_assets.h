#pragma once
// The report's stylesheet and script, inlined into every HTML report so it works offline and
// makes no request of its own. Kept apart from the renderer so each reads as one language.

#include <string_view>

namespace linkhealth {

/// Screen and print CSS.
extern const std::string_view kReportCss;

/// Filter (verdict / community / host / owner / free text, pre-set from the URL fragment, e.g.
/// `report.html#verdict=broken&q=jama`), column sort, and opening sections for printing.
/// Reads facets from <script id="lh-facets" type="application/json">; builds DOM only with
/// textContent / Option, never innerHTML.
extern const std::string_view kReportJs;

}  // namespace linkhealth
