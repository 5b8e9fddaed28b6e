#include "reports/problem_table.h"

#include <algorithm>
#include <map>
#include <ostream>
#include <sstream>
#include <string_view>
#include <tuple>

#include "reports/html_escape.h"
#include "reports/repair_text.h"
#include "reports/verdict_text.h"
#include "reports/word_diff.h"

namespace linkhealth {
namespace {

// An OK target is only in the table because the live page drifted from what was curated.
constexpr std::string_view kDriftAdvice =
    "The link works, but the live page changed: check it is still the article that was curated, "
    "and update the title or description if it was only renamed.";

int severity(Verdict verdict) {
  switch (verdict) {
    case Verdict::Broken:
    case Verdict::Soft404:
    case Verdict::Invalid:
      return 0;
    case Verdict::ServerError:
    case Verdict::Timeout:
    case Verdict::NetworkError:
    case Verdict::TlsError:
      return 1;
    case Verdict::Redirected:
      return 2;
    default:
      return 3;
  }
}

std::vector<ProblemRow> rows_of(const TargetRecord& target) {
  std::vector<ProblemRow> rows;
  for (const auto& ref : target.refs) {
    auto same_slug = [&](const ProblemRow& row) { return row.refs.front()->slug == ref.slug; };
    auto it = std::find_if(rows.begin(), rows.end(), same_slug);
    if (it == rows.end()) {
      rows.push_back({&target, {&ref}});
    } else {
      it->refs.push_back(&ref);
    }
  }
  if (rows.empty()) rows.push_back({&target, {}});
  return rows;
}

std::string_view community_of(const ProblemRow& row) {
  return row.refs.empty() ? std::string_view{}
                          : std::string_view{row.refs.front()->curated.community};
}

std::string_view slug_of(const ProblemRow& row) {
  return row.refs.empty() ? std::string_view{} : std::string_view{row.refs.front()->slug};
}

std::string source_cell(const ProblemRow& row) {
  if (row.refs.empty())
    return "<td class=\"src\"><span class=\"muted\">no content file</span>"
           "<div class=\"owner\">unowned</div></td>";
  const CitingRef& first = *row.refs.front();
  std::string out = "<td class=\"src\" data-key=\"" + escape_html(first.slug) + "\">";
  out += "<div class=\"slug\">" + escape_html(first.slug) + "</div>";
  out += "<div class=\"file\">" + escape_html(first.file) + "</div>";
  std::string fields;
  for (const auto* ref : row.refs) fields += (fields.empty() ? "" : ", ") + escape_html(ref->field);
  out += "<div class=\"field\">" + fields + "</div>";
  out += first.owner.empty()
             ? "<div class=\"owner\">unowned</div>"
             : "<div class=\"owner\">owner <b>" + escape_html(first.owner) + "</b></div>";
  return out + "</td>";
}

std::string link_cell(const ProblemRow& row) {
  const TargetRecord& t = *row.target;
  std::string out = "<td class=\"url\" data-key=\"" + escape_html(t.request_url) + "\">";
  std::vector<std::string_view> shown;
  for (const auto* ref : row.refs) {
    if (std::find(shown.begin(), shown.end(), ref->raw) != shown.end()) continue;
    shown.push_back(ref->raw);
    out += "<div>" + render_link(ref->raw) + "</div>";
  }
  if (std::find(shown.begin(), shown.end(), t.request_url) == shown.end()) {
    out += "<div class=\"req\">checked as " + render_link(t.request_url) + "</div>";
  }
  return out + "</td>";
}

std::string verdict_cell(const TargetRecord& t) {
  std::string key = std::to_string(severity(t.verdict)) + std::string(to_string(t.verdict));
  std::string out = "<td data-key=\"" + key + "\"><span class=\"badge v-" +
                    std::string(to_string(t.verdict)) + "\" title=\"" +
                    escape_html(verdict_advice(t.verdict)) + "\">" +
                    escape_html(verdict_label(t.verdict)) + "</span>";
  if (t.is_new) out += " <span class=\"badge tag-new\">new</span>";
  const std::string status = t.http_status != 0 ? "HTTP " + std::to_string(t.http_status) : "";
  if (!status.empty()) out += "<div class=\"small\">" + status + "</div>";
  // The crawler's reason for a plain 404/410 is just the status again; say it once.
  if (!t.error.empty() && t.error != status) {
    out += "<div class=\"err\">" + escape_html(t.error) + "</div>";
  }
  return out + "</td>";
}

std::string hop_item(int status, std::string_view url) {
  std::string st = status != 0 ? std::to_string(status) : "&ndash;";
  return "<li><span class=\"st\">" + st + "</span>" + render_link(url) + "</li>";
}

std::string redirect_cell(const TargetRecord& t) {
  if (t.redirects.empty()) return "<td><span class=\"muted\">&ndash;</span></td>";
  std::string out = "<td class=\"chain-cell\"><ol class=\"chain\">";
  for (const auto& hop : t.redirects) out += hop_item(hop.status, hop.url);
  if (!t.final_url.empty() && t.final_url != t.redirects.back().url) {
    out += hop_item(t.http_status, t.final_url);
  }
  return out + "</ol></td>";
}

std::string diff_line(std::string_view label, const std::vector<DiffPiece>& pieces,
                      DiffPiece::Op hide, std::string_view tag) {
  std::string out = "<p class=\"title-line\"><span class=\"k\">" + std::string(label) + "</span>";
  bool first = true;
  for (const auto& piece : pieces) {
    if (piece.op == hide) continue;
    if (!first) out += ' ';
    first = false;
    if (piece.op == DiffPiece::Op::Same) {
      out += escape_html(piece.text);
    } else {
      out.append("<").append(tag).append(">").append(escape_html(piece.text));
      out.append("</").append(tag).append(">");
    }
  }
  return out + "</p>";
}

std::string title_cell(const ProblemRow& row) {
  const TargetRecord& t = *row.target;
  std::string curated = row.refs.empty() ? std::string{} : row.refs.front()->curated.title;
  const std::string& live = page_or_empty(t).title;
  std::string out = "<td class=\"titles\">";
  if (live.empty()) {
    out += "<p class=\"title-line\"><span class=\"k\">curated</span>" + escape_html(curated) +
           "</p><p class=\"small\">No live title (page not read).</p>";
  } else if (curated == live) {
    out += "<p class=\"title-line\">" + escape_html(curated) +
           "</p><span class=\"match\">&#10003; live title matches</span>";
  } else {
    auto pieces = word_diff(curated, live);
    out += diff_line("curated", pieces, DiffPiece::Op::Added, "del");
    out += diff_line("live", pieces, DiffPiece::Op::Removed, "ins");
  }
  for (const auto& d : t.drift) {
    if (is_title_drift(d.kind)) continue;
    if (!d.slug.empty() && d.slug != slug_of(row)) continue;
    out += "<div class=\"small\">" + escape_html(drift_label(d.kind)) + ": " +
           escape_html(d.before) + " &rarr; " + escape_html(d.after) + "</div>";
  }
  return out + "</td>";
}

std::string since_cell(const TargetRecord& t) {
  std::string out = "<td data-key=\"" + escape_html(t.history.broken_since) + "\">";
  if (!t.history.broken_since.empty()) out += escape_html(display_time(t.history.broken_since));
  if (t.history.failures > 1) {
    out += "<div class=\"small\">" + std::to_string(t.history.failures) + " runs in a row</div>";
  }
  return out + "</td>";
}

std::string fix_cell(const TargetRecord& t, std::string_view wayback_base) {
  SuggestedFix fix = suggest_fix(t, wayback_base);
  std::string out = "<td class=\"fix\">";
  switch (fix.kind) {
    case SuggestedFix::Kind::UseFinalUrl:
      out += "<span class=\"k\">Moved for good &mdash; update the link to:</span>" +
             render_link(fix.url);
      break;
    case SuggestedFix::Kind::UseReplacement:
      out += "<span class=\"k\">Moved to</span> " + render_link(fix.url) +
             " <span class=\"k\">(title matches)</span><div class=\"small\">" +
             escape_html(title_match_phrase(*t.repair.replacement)) + "</div>";
      if (const auto& archived = t.repair.archive) {
        out += "<div class=\"small\">or " + render_link(archived->url, archive_phrase(*archived)) +
               "</div>";
      }
      break;
    case SuggestedFix::Kind::UseArchive:
      out += "<span class=\"k\">" + escape_html(archive_phrase(*t.repair.archive)) + ":</span>" +
             render_link(fix.url, "Wayback Machine snapshot");
      break;
    case SuggestedFix::Kind::SearchArchive:
      out += "<span class=\"k\">Link an archived copy:</span>" +
             render_link(fix.url, "Wayback Machine snapshots");
      break;
    case SuggestedFix::Kind::None:
      out += "<span class=\"small\">" +
             escape_html(t.verdict == Verdict::Ok ? kDriftAdvice : verdict_advice(t.verdict)) +
             "</span>";
      break;
  }
  return out + "</td>";
}

std::string row_html(const ProblemRow& row, std::string_view wayback_base) {
  const TargetRecord& t = *row.target;
  std::string out = "<tr class=\"lh-row\" data-verdict=\"" + std::string(to_string(t.verdict)) +
                    "\" data-community=\"" + escape_html(community_of(row)) + "\" data-host=\"" +
                    escape_html(t.host) + "\" data-owner=\"" +
                    escape_html(owner_filter_value(row)) + "\">";
  out += source_cell(row);
  out += link_cell(row);
  out += verdict_cell(t);
  out += redirect_cell(t);
  out += title_cell(row);
  out += since_cell(t);
  out += fix_cell(t, wayback_base);
  return out + "</tr>\n";
}

}  // namespace

std::string_view owner_filter_value(const ProblemRow& row) {
  const bool owned = !row.refs.empty() && !row.refs.front()->owner.empty();
  return owned ? std::string_view{row.refs.front()->owner} : kUnownedName;
}

bool needs_review(const TargetRecord& target) {
  if (is_problem(target.verdict) || target.verdict == Verdict::Redirected) return true;
  if (target.verdict != Verdict::Ok) return false;
  return std::any_of(target.drift.begin(), target.drift.end(),
                     [](const Drift& d) { return is_content_drift(d.kind); });
}

std::vector<ProblemTableGroup> group_problem_rows(const ReportModel& model) {
  std::map<std::pair<std::string, std::string>, std::vector<ProblemRow>> groups;
  for (const auto& target : model.targets) {
    if (!needs_review(target)) continue;
    for (auto& row : rows_of(target)) {
      groups[{std::string(community_of(row)), target.host}].push_back(std::move(row));
    }
  }
  std::vector<ProblemTableGroup> out;
  for (auto& [key, rows] : groups) {
    std::stable_sort(rows.begin(), rows.end(), [](const ProblemRow& a, const ProblemRow& b) {
      return std::make_tuple(severity(a.target->verdict), slug_of(a), a.target->request_url) <
             std::make_tuple(severity(b.target->verdict), slug_of(b), b.target->request_url);
    });
    out.push_back({key.first, key.second, std::move(rows)});
  }
  return out;
}

void write_problem_table(std::ostream& out, const ReportModel& model,
                         const std::vector<ProblemTableGroup>& groups) {
  if (groups.empty()) {
    out << "<p class=\"empty\">Nothing to review: every checked link answered normally.</p>";
    return;
  }
  out << "<table class=\"lh\" id=\"lh-problems\"><thead><tr>"
         "<th data-sort=\"0\">Source</th><th data-sort=\"1\">Link</th>"
         "<th data-sort=\"2\">Verdict</th><th>Redirects</th><th>Title: curated vs live</th>"
         "<th data-sort=\"5\">Broken since</th><th>Suggested fix</th></tr></thead>\n";
  for (const auto& group : groups) {
    std::string community = group.community.empty() ? "(no community)" : group.community;
    std::string host = group.host.empty() ? "(no host)" : group.host;
    out << "<tbody><tr class=\"group\"><th colspan=\"7\">" << escape_html(community)
        << "<span class=\"sep\">&rsaquo;</span>" << escape_html(host) << " <span class=\"muted\">("
        << group.rows.size() << ")</span></th></tr>\n";
    for (const auto& row : group.rows) out << row_html(row, model.wayback_base);
    out << "</tbody>\n";
  }
  out << "</table>";
}

std::string render_problem_table(const ReportModel& model) {
  std::ostringstream out;
  write_problem_table(out, model, group_problem_rows(model));
  return std::move(out).str();
}

}  // namespace linkhealth
