#include "reports/check_text.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "reports/repair_text.h"
#include "reports/verdict_text.h"

namespace linkhealth {
namespace {

constexpr const char* kRed = "\x1b[31m";
constexpr const char* kGreen = "\x1b[32m";
constexpr const char* kYellow = "\x1b[33m";
constexpr const char* kBold = "\x1b[1m";
constexpr const char* kReset = "\x1b[0m";
constexpr std::size_t kLabelWidth = 15;

class Block {
 public:
  explicit Block(bool colour) : colour_(colour) {}

  void line(std::string_view label, std::string_view value) {
    out_ += "  ";
    out_ += label;
    out_.append(label.size() < kLabelWidth ? kLabelWidth - label.size() : 1, ' ');
    out_ += value;
    out_ += '\n';
  }
  /// A value line under the previous one, without a label.
  void more(std::string_view value) { line("", value); }
  void raw(std::string_view text) { out_ += text; }
  std::string paint(std::string_view text, const char* code) const {
    if (!colour_) return std::string(text);
    return std::string(code) + std::string(text) + kReset;
  }
  std::string take() { return std::move(out_); }

 private:
  bool colour_;
  std::string out_;
};

const char* verdict_colour(Verdict verdict) {
  if (is_problem(verdict)) return kRed;
  return verdict == Verdict::Ok ? kGreen : kYellow;
}

std::string quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

void field_lines(Block& b, std::string_view field, int line, std::string_view raw) {
  b.line("field", line > 0 ? std::string(field) + " (line " + std::to_string(line) + ")"
                           : std::string(field));
  b.line("raw", raw);
}

void ref_lines(Block& b, const TargetRef& ref, const std::string& request_url) {
  field_lines(b, ref.field, ref.line, ref.raw);
  b.line("request", request_url);
  if (ref.removed.empty()) {
    b.line("removed", "nothing");
    return;
  }
  b.line("removed", ref.removed.front());
  for (std::size_t i = 1; i < ref.removed.size(); ++i) b.more(ref.removed[i]);
}

void verdict_lines(Block& b, const TargetRecord& r) {
  std::string verdict = b.paint(to_string(r.verdict), verdict_colour(r.verdict));
  if (r.http_status > 0) verdict += " · HTTP " + std::to_string(r.http_status);
  if (r.not_modified) verdict += " · unchanged since the last check";
  if (r.history.failures > 1) {
    verdict += " · failing " + std::to_string(r.history.failures) + " checks in a row since " +
               display_time(r.history.broken_since);
  }
  b.line("verdict", verdict);
  if (r.verdict != Verdict::Ok) b.more(verdict_advice(r.verdict));
  if (!r.error.empty()) b.line("error", r.error);
  // The chain lists the hops that redirected; the answer they led to closes it.
  for (std::size_t i = 0; i < r.redirects.size(); ++i) {
    const Hop& hop = r.redirects[i];
    b.line(i == 0 ? "redirects" : "", std::to_string(hop.status) + " " + hop.url);
  }
  if (!r.redirects.empty() && !r.final_url.empty() && r.redirects.back().url != r.final_url) {
    b.more((r.http_status > 0 ? std::to_string(r.http_status) + " " : std::string()) + r.final_url);
  }
}

void text_pair(Block& b, std::string_view what, const std::string& curated, const std::string& live,
               const std::string& rule) {
  if (curated.empty() && live.empty()) return;
  b.line("curated " + std::string(what), curated.empty() ? "(none)" : quoted(curated));
  b.line("live " + std::string(what),
         live.empty() ? "(none)" : quoted(live) + (rule.empty() ? "" : " (" + rule + ")"));
}

std::string drift_text(const Drift& d) {
  std::string text =
      std::string(to_string(d.kind)) + ": " + quoted(d.before) + " → " + quoted(d.after);
  if (has_similarity(d.kind)) {
    char score[32];
    std::snprintf(score, sizeof score, " (similarity %.2f)", d.score);
    text += score;
  }
  return text;
}

void drift_lines(Block& b, const CheckedLink& link) {
  const std::string since =
      link.previous_checked_at.empty()
          ? "first recorded check of this URL"
          : "compared with the check of " + display_time(link.previous_checked_at);
  const std::vector<Drift>& drift = link.stored.drift;
  if (drift.empty()) {
    b.line("drift", link.previous_checked_at.empty() ? since : "none, " + since);
    return;
  }
  b.line("drift", b.paint(drift_text(drift.front()), kYellow));
  for (std::size_t i = 1; i < drift.size(); ++i) b.more(b.paint(drift_text(drift[i]), kYellow));
  b.more(since);
}

void repair_lines(Block& b, const CheckedLink& link) {
  const RepairSuggestion& repair = link.stored.repair;
  if (const auto& moved = repair.replacement) {
    b.line("moved to", b.paint(moved->url, kGreen));
    b.more(title_match_phrase(*moved));
  }
  if (const auto& archived = repair.archive) {
    b.line("archived", archived->url);
    b.more(archive_phrase(*archived));
  }
  if (!link.wayback_link.empty()) b.line("wayback", link.wayback_link);
}

std::string heading(Block& b, std::size_t index, std::size_t total, std::string_view what) {
  return b.paint(
             "[" + std::to_string(index) + "/" + std::to_string(total) + "] " + std::string(what),
             kBold) +
         "\n";
}

std::string summary_line(const SourceCheck& check) {
  std::map<Verdict, int> counts;
  std::size_t unchecked = 0;
  for (const auto& link : check.links) {
    if (link.checked) {
      ++counts[link.stored.verdict];
    } else {
      ++unchecked;
    }
  }
  std::string text = std::to_string(check.links.size()) +
                     (check.links.size() == 1 ? " link checked" : " links checked");
  std::string parts;
  for (const auto& [verdict, n] : counts) {
    parts +=
        (parts.empty() ? "" : ", ") + std::to_string(n) + " " + std::string(to_string(verdict));
  }
  if (unchecked > 0)
    parts += (parts.empty() ? "" : ", ") + std::to_string(unchecked) + " not checked";
  if (!parts.empty()) text += " (" + parts + ")";
  if (!check.unusable.empty()) {
    text += ", " + std::to_string(check.unusable.size()) + " not a usable URL";
  }
  const int problems = check_problem_count(check);
  text += problems == 0
              ? ": no problem"
              : ": " + std::to_string(problems) + (problems == 1 ? " problem" : " problems");
  return text + ". Recorded as check run " + std::to_string(check.run_id) + ".\n";
}

}  // namespace

int check_problem_count(const SourceCheck& check) {
  int problems = static_cast<int>(check.unusable.size());
  for (const auto& link : check.links) problems += link.checked && is_problem(link.stored.verdict);
  return problems;
}

std::string render_check_text(const SourceCheck& check, bool colour) {
  Block b(colour);
  const Source& s = check.source;
  b.raw(b.paint(s.slug, kBold) + " · " + s.file + "\n");
  if (!s.title.empty()) b.raw(quoted(s.title) + "\n");
  const std::size_t total = check.links.size() + check.unusable.size();
  std::size_t index = 0;
  for (const auto& link : check.links) {
    b.raw("\n" + heading(b, ++index, total, link.target.request_url));
    for (const auto& ref : link.target.refs) ref_lines(b, ref, link.target.request_url);
    if (!link.checked) {
      b.line("verdict", "not checked (the check was interrupted)");
      continue;
    }
    const PageMeta& page = page_or_empty(link.stored);
    verdict_lines(b, link.stored);
    text_pair(b, "title", s.title, page.title, page.title_rule);
    text_pair(b, "desc.", s.description, page.description, page.description_rule);
    drift_lines(b, link);
    repair_lines(b, link);
  }
  for (const auto& bad : check.unusable) {
    b.raw("\n" + heading(b, ++index, total, "not checked: not a usable URL"));
    field_lines(b, bad.field.field, bad.field.line, bad.field.raw);
    b.line("error", b.paint(bad.error, kRed));
  }
  b.raw("\n" + summary_line(check));
  return b.take();
}

namespace {

// Levenshtein rows of `a` against `b`; with free_ends, skipping a prefix and a suffix of `b`
// costs nothing (the distance of `a` to the best-matching part of `b`).
std::size_t distance(std::string_view a, std::string_view b, bool free_ends) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = free_ends ? 0 : j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return free_ends ? *std::min_element(row.begin(), row.end()) : row[b.size()];
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  return distance(a, b, false);
}

std::size_t partial_distance(std::string_view part, std::string_view whole) {
  return distance(part, whole, true);
}

std::vector<std::string> closest_names(std::string_view wanted,
                                       const std::vector<std::string>& candidates,
                                       std::size_t limit) {
  // (distance to the best-matching part, whole-name distance, name): a typo in a whole slug
  // and a misspelt word of a long slug ("interoperabilty") both find it.
  std::vector<std::tuple<std::size_t, std::size_t, std::string>> scored;
  const std::size_t whole_cutoff = std::max<std::size_t>(2, wanted.size() / 2);
  const std::size_t part_cutoff = std::max<std::size_t>(1, wanted.size() / 5);
  for (const auto& name : candidates) {
    const std::size_t whole = edit_distance(wanted, name);
    const std::size_t part = partial_distance(wanted, name);
    if (whole <= whole_cutoff || part <= part_cutoff) scored.emplace_back(part, whole, name);
  }
  std::sort(scored.begin(), scored.end());
  scored.erase(std::unique(scored.begin(), scored.end()), scored.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && out.size() < limit; ++i) {
    out.push_back(std::get<2>(scored[i]));
  }
  return out;
}

}  // namespace linkhealth
