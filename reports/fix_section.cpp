#include "reports/fix_section.h"

#include "reports/html_escape.h"

namespace linkhealth {

std::string ready_to_fix_html(const ReportModel& model) {
  if (!model.ready_to_fix) return {};
  const auto& edits = *model.ready_to_fix;
  std::string out = "<section id=\"lh-ready-to-fix\"><h2>Ready to fix <span class=\"count\">(" +
                    std::to_string(edits.size()) + ")</span></h2>";
  if (edits.empty()) {
    return out +
           "<p class=\"muted\">Nothing: no confirmed redirect or tracking left.</p></section>\n";
  }
  out +=
      "<p class=\"lead\">Confirmed by the recorded crawls; <code>linkhealth fix</code> shows "
      "them as a diff and <code>linkhealth fix --apply</code> writes them. "
      "<code>link.original</code> is never changed.</p><table class=\"lh\"><thead><tr>"
      "<th>file</th><th>field</th><th>now</th><th>becomes</th><th>why</th></tr></thead><tbody>";
  for (const FixEdit& e : edits) {
    out += "<tr><td>" + escape_html(e.file) + ":" + std::to_string(e.line) + "</td><td>" +
           escape_html(e.field) + "</td><td>" + render_link(e.old_value) + "</td><td>" +
           render_link(e.new_value) + "</td><td>" + escape_html(std::string(to_string(e.kind))) +
           "</td></tr>";
  }
  return out + "</tbody></table></section>\n";
}

}  // namespace linkhealth
