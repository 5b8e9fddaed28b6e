#pragma once
// The report's history section drawn as inline SVG: no script, no library, no request, so it
// works offline, on paper and under the report's Content Security Policy. Four charts: problems
// by verdict per crawl (stacked bars), new and fixed problems per crawl, the median days from
// first failure to fix per crawl, and the open problems by age. Every bar and point carries its
// figure in a data- attribute and a <title> tooltip, so a reader (and a test) can check it.

#include <string>

#include "reports/trend_series.h"

namespace linkhealth {

/// The <section id="lh-trends"> for the series; "" without crawl history (a `check` run).
std::string render_trend_section(const Trends& trends);

/// The top of a chart's y axis for a largest value `max`: 1, 2 or 5 times a power of ten
/// (at least 1), so the grid lines fall on round numbers.
double nice_axis_max(double max);

}  // namespace linkhealth
