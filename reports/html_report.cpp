#include "reports/html_report.h"

#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <random>
#include <set>
#include <sstream>

#include "reports/fix_section.h"
#include "reports/html_escape.h"
#include "reports/problem_table.h"
#include "reports/report_assets.h"
#include "reports/trend_chart.h"
#include "reports/verdict_text.h"

namespace linkhealth {
namespace {

std::string random_nonce() {
  std::random_device device;
  std::string out;
  for (int i = 0; i < 4; ++i) {
    char buf[9];
    std::snprintf(buf, sizeof buf, "%08x", static_cast<unsigned>(device()));
    out += buf;
  }
  return out;
}

std::string badge(Verdict verdict) {
  return "<span class=\"badge v-" + std::string(to_string(verdict)) + "\">" +
         escape_html(verdict_label(verdict)) + "</span>";
}

std::string card(std::string_view cls, int n, std::string_view label) {
  return "<div class=\"card " + std::string(cls) + "\"><span class=\"n\">" + std::to_string(n) +
         "</span><span class=\"l\">" + std::string(label) + "</span></div>";
}

std::string header_html(const ReportModel& model, const VerdictTotals& totals) {
  const ReportRun& run = model.run;
  std::string out = "<header><h1>Link health report</h1><p class=\"lead\">";
  out += "Run #" + std::to_string(run.id) + " (" + escape_html(run.kind) + "), started " +
         escape_html(display_time(run.started_at));
  if (!run.finished_at.empty()) out += ", finished " + escape_html(display_time(run.finished_at));
  out += " &middot; status <b>" + escape_html(run.status) + "</b></p>";
  if (!model.owner_filter.empty()) {
    out += "<p class=\"lead\" id=\"lh-owner-filter\">Only the links in the content of <b>" +
           escape_html(model.owner_filter) + "</b>.</p>";
  }
  out += "<div class=\"cards\">";
  out += card("bad", totals.problems(), "links with a problem");
  out += card("warn", totals.of(Verdict::Redirected), "moved (redirected)");
  out += card("good", totals.of(Verdict::Ok), "OK");
  out += card("info", totals.unverifiable(), "blocked / unverifiable (not counted)");
  out += card("", totals.all(), "URLs checked");
  if (model.ready_to_fix) {
    out += card("info", static_cast<int>(model.ready_to_fix->size()), "edits ready to fix");
  }
  out += "</div><div class=\"chips\">";
  for (Verdict v : verdicts_by_severity()) {
    if (totals.of(v) == 0) continue;
    out += "<button type=\"button\" class=\"chip\" data-filter-verdict=\"" +
           std::string(to_string(v)) + "\">" + badge(v) + "<b>" + std::to_string(totals.of(v)) +
           "</b></button>";
  }
  return out + "</div></header>\n";
}

std::string change_item(const TargetRecord& t) {
  std::string slug = t.refs.empty() ? std::string{} : t.refs.front().slug;
  return "<li>" + badge(t.verdict) + " <b>" + escape_html(slug) + "</b> " +
         render_link(t.request_url) + "</li>";
}

std::string change_panel(std::string_view title, const std::vector<const TargetRecord*>& list,
                         std::string_view none) {
  std::string out = "<div class=\"panel\"><h3>" + std::string(title) + " <span class=\"muted\">(" +
                    std::to_string(list.size()) + ")</span></h3>";
  if (list.empty()) return out + "<p class=\"muted\">" + std::string(none) + "</p></div>";
  out += "<ul>";
  for (const auto* t : list) out += change_item(*t);
  return out + "</ul></div>";
}

std::string changes_html(const ReportModel& model) {
  std::string out = "<section><h2>Since the previous run</h2>";
  if (!model.has_previous_run) {
    return out +
           "<p class=\"empty\">This is the first recorded run, so there is nothing to "
           "compare with yet.</p></section>\n";
  }
  out += "<div class=\"changes\">";
  out += change_panel("New problems", new_problems(model), "No new problems.");
  out += change_panel("Fixed", fixed_problems(model), "Nothing was fixed since the last run.");
  return out + "</div></section>\n";
}

std::string facets_json(const std::vector<ProblemTableGroup>& groups) {
  std::set<std::string> communities;
  std::set<std::string> hosts;
  std::set<std::string> verdicts;
  std::set<std::string> owners;
  for (const auto& group : groups) {
    communities.insert(group.community);
    hosts.insert(group.host);
    for (const auto& row : group.rows) {
      verdicts.insert(std::string(to_string(row.target->verdict)));
      owners.insert(std::string(owner_filter_value(row)));
    }
  }
  nlohmann::json labels = nlohmann::json::object();
  nlohmann::json ordered = nlohmann::json::array();
  for (Verdict v : verdicts_by_severity()) {
    std::string name(to_string(v));
    labels[name] = std::string(verdict_label(v));
    if (verdicts.count(name)) ordered.push_back(name);
  }
  nlohmann::json facets = {{"verdicts", ordered},
                           {"verdict_labels", labels},
                           {"communities", communities},
                           {"hosts", hosts},
                           {"owners", owners}};
  return script_safe_json(facets.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void write_review(std::ostream& to, const ReportModel& model,
                  const std::vector<ProblemTableGroup>& groups) {
  std::string out =
      "<section><h2>Links to review</h2><p class=\"lead\">Problems, moved links and pages whose "
      "live title no longer matches the curated one, grouped by community and host. Hover a "
      "verdict for what it means; click a column title to sort.</p>";
  out +=
      "<div class=\"toolbar\" role=\"search\">"
      "<label>Verdict<select id=\"lh-verdict\"><option value=\"\">All verdicts</option></select>"
      "</label><label>Community<select id=\"lh-community\"><option value=\"\">All communities"
      "</option></select></label><label>Host<select id=\"lh-host\"><option value=\"\">All hosts"
      "</option></select></label><label>Owner<select id=\"lh-owner\"><option value=\"\">All owners"
      "</option></select></label><label>Search<input id=\"lh-q\" type=\"search\" "
      "placeholder=\"slug, title, URL, file...\"></label>"
      "<button type=\"button\" id=\"lh-reset\">Reset</button><span id=\"lh-shown\"></span></div>";
  to << out;
  write_problem_table(to, model, groups);
  to << "</section>\n";
}

std::string unverifiable_html(const ReportModel& model) {
  std::string rows;
  int n = 0;
  for (const auto& t : model.targets) {
    if (t.verdict != Verdict::Blocked && t.verdict != Verdict::Skipped) continue;
    ++n;
    std::string slugs;
    for (const auto& ref : t.refs) slugs += (slugs.empty() ? "" : ", ") + escape_html(ref.slug);
    rows += "<tr><td>" + slugs + "</td><td>" + render_link(t.request_url) + "</td><td>" +
            badge(t.verdict) + (t.http_status ? " HTTP " + std::to_string(t.http_status) : "") +
            "</td><td>" + escape_html(t.error) + "</td></tr>\n";
  }
  std::string out =
      "<details class=\"section\" id=\"lh-unverifiable\"><summary>Blocked / "
      "unverifiable <span class=\"muted\">(" +
      std::to_string(n) + ", not counted as broken)</span></summary>";
  out += "<p class=\"muted\">" + escape_html(verdict_advice(Verdict::Blocked)) + "</p>";
  if (n == 0) return out + "<p class=\"muted\">None.</p></details>\n";
  return out +
         "<table class=\"lh\"><thead><tr><th>Sources</th><th>URL</th><th>Verdict</th>"
         "<th>Reason</th></tr></thead><tbody>" +
         rows + "</tbody></table></details>\n";
}

std::string findings_html(const std::vector<Finding>& findings) {
  std::string out = "<section><h2>Data quality <span class=\"count\">(" +
                    std::to_string(findings.size()) +
                    " findings)</span></h2><p class=\"lead\">What the offline scan of the content "
                    "files found: empty or malformed URLs, stale clean URLs, unreadable front "
                    "matter. Fix these in the files themselves.</p>";
  if (findings.empty()) return out + "<p class=\"empty\">No findings.</p></section>\n";
  std::map<std::string_view, std::vector<const Finding*>> by_kind;
  for (const auto& f : findings) by_kind[to_string(f.kind)].push_back(&f);
  for (const auto& [kind, list] : by_kind) {
    // A short list is open at once; a long one stays folded so the page stays scannable.
    out += std::string("<details class=\"kind\"") + (findings.size() <= 30 ? " open" : "") +
           "><summary><b>" + escape_html(kind) + "</b> <span class=\"muted\">(" +
           std::to_string(list.size()) +
           ")</span></summary><table class=\"lh\"><thead><tr>"
           "<th>File</th><th>Slug</th><th>Field</th><th>Detail</th></tr></thead><tbody>";
    for (const auto* f : list) {
      std::string where = escape_html(f->file);
      if (f->line > 0) where.append(":").append(std::to_string(f->line));
      out += "<tr><td class=\"file\">" + where + "</td><td>" + escape_html(f->slug) +
             "</td><td class=\"field\">" + escape_html(f->field) + "</td><td>" +
             escape_html(f->detail) + "</td></tr>\n";
    }
    out += "</tbody></table></details>";
  }
  return out + "</section>\n";
}

std::string legend_html() {
  std::string out = "<section><h2>What the verdicts mean</h2><dl class=\"legend\">";
  for (Verdict v : verdicts_by_severity()) {
    out += "<dt>" + badge(v) + "</dt><dd>" + escape_html(verdict_advice(v)) + "</dd>";
  }
  return out + "</dl></section>\n";
}

}  // namespace

void write_html_report(std::ostream& out, const ReportModel& model) {
  // Written section by section: the page of a large run is tens of MB, and one string of it
  // (grown by appends, then copied once more) took several times that at its peak.
  const std::string nonce = random_nonce();
  const VerdictTotals totals = verdict_totals(model);
  const std::vector<ProblemTableGroup> groups = group_problem_rows(model);
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; "
         "script-src 'nonce-"
      << nonce
      << "'\">"
         "<meta name=\"referrer\" content=\"no-referrer\">"
         "<title>Link health report &middot; run "
      << model.run.id << "</title><style>";
  out << kReportCss;
  out << "</style></head><body><main>\n";
  out << header_html(model, totals);
  out << changes_html(model);
  out << render_trend_section(model.trends);
  write_review(out, model, groups);
  out << ready_to_fix_html(model);
  out << unverifiable_html(model);
  out << findings_html(model.findings);
  out << legend_html();
  out << "<footer>Generated by linkhealth " LINKHEALTH_VERSION
         ". This file is self-contained: it works offline and makes no network request.</footer>";
  out << "</main>\n<script id=\"lh-facets\" type=\"application/json\">" << facets_json(groups)
      << "</script>\n<script nonce=\"" << nonce << "\">";
  out << kReportJs;
  out << "</script></body></html>\n";
}

std::string render_html_report(const ReportModel& model) {
  std::ostringstream out;
  write_html_report(out, model);
  return std::move(out).str();
}

}  // namespace linkhealth
