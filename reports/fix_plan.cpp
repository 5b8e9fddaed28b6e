#include "reports/fix_plan.h"

#include <algorithm>
#include <optional>

#include "extract/similarity.h"
#include "extract/url_cleaner.h"
#include "store/drift.h"

namespace linkhealth {
namespace {

std::string where(const Source& source, int line) {
  return source.file + ":" + std::to_string(line);
}

/// The URL a value moves to, cleaned; the value's own fragment goes along when the new URL has
/// none (a browser keeps it across a redirect too).
std::optional<std::string> moved_value(const CleanedUrl& now, const std::string& to,
                                       const TrackingRules& rules) {
  std::string target = to;
  const std::size_t hash = now.clean.find('#');
  if (hash != std::string::npos && to.find('#') == std::string::npos) {
    target += now.clean.substr(hash);
  }
  const CleanedUrl cleaned = clean_url(target, rules);
  if (!cleaned.ok) return std::nullopt;
  return cleaned.clean;
}

bool titles_match(const std::string& curated, const std::string& live) {
  return !curated.empty() && !live.empty() &&
         title_similarity(curated, live) >= kTitleMismatchThreshold;
}

const UrlField* field_of(const Source& source, const std::string& field) {
  const auto it = std::find_if(source.urls.begin(), source.urls.end(),
                               [&](const UrlField& u) { return u.field == field; });
  return it == source.urls.end() ? nullptr : &*it;
}

/// Where the evidence moves a checked URL, with what the page there calls itself.
struct Move {
  FixKind kind = FixKind::Redirect;
  std::string to;
  std::string live_title;
};

/// The move of `request_url` of a kind the options want: a confirmed redirect first, then a
/// confirmed relocation.
std::optional<Move> proposed_move(const FixEvidence& evidence, const std::string& request_url,
                                  const FixOptions& options) {
  if (options.wants(FixKind::Redirect)) {
    if (const auto it = evidence.redirects.find(request_url); it != evidence.redirects.end()) {
      return Move{FixKind::Redirect, it->second.final_url, it->second.live_title};
    }
  }
  if (options.wants(FixKind::Relocation)) {
    if (const auto it = evidence.relocations.find(request_url); it != evidence.relocations.end()) {
      return Move{FixKind::Relocation, it->second.url, it->second.title};
    }
  }
  return std::nullopt;
}

/// The edit of one value, or nothing; notes what the evidence proposed but the file refuses.
std::optional<FixEdit> plan_value(const Source& source, const UrlField& url,
                                  const FixEvidence& evidence, const FixOptions& options,
                                  std::vector<FixNote>& notes) {
  const TrackingRules& rules = options.tracking_rules();
  const CleanedUrl now = clean_url(url.raw, rules);
  if (!now.ok) return std::nullopt;
  FixEdit edit{source.file, url.line, url.field, url.raw, {}, FixKind::Tracking};
  std::optional<std::string> to;
  if (const auto move = proposed_move(evidence, now.request_url, options)) {
    // The file's title now, not the one the crawl saw: an editor may have retitled the
    // article since, and the move must still fit what the file says it links to.
    if (titles_match(source.title, move->live_title)) {
      to = moved_value(now, move->to, rules);
      edit.kind = move->kind;
    } else {
      notes.push_back({source.file, url.line,
                       where(source, url.line) + ": " + url.field +
                           (move->kind == FixKind::Redirect ? " moved permanently to "
                                                            : " was found again at ") +
                           move->to + ", but that page is titled \"" + move->live_title +
                           "\", not \"" + source.title + "\"; not rewritten"});
    }
  }
  if (!to && options.wants(FixKind::Tracking) && now.tracking_removed > 0) to = now.clean;
  if (!to || *to == url.raw) return std::nullopt;
  edit.new_value = *to;
  return edit;
}

/// A reference the evidence was recorded for whose value is no longer the one the crawl
/// checked (and not already what fix would write): left alone, with a note.
void note_stale(const Source& source, const std::string& request_url, const CitingRef& ref,
                const FixEvidence& evidence, const FixOptions& options,
                std::vector<FixNote>& notes) {
  if (!is_fix_field(ref.field)) return;
  const auto move = proposed_move(evidence, request_url, options);
  if (!move) return;
  const UrlField* now = field_of(source, ref.field);
  if (now == nullptr) {
    notes.push_back({source.file, ref.line,
                     where(source, ref.line) + ": " + ref.field +
                         " is gone since the crawl checked " + request_url + "; skipped"});
    return;
  }
  const TrackingRules& rules = options.tracking_rules();
  const CleanedUrl cleaned = clean_url(now->raw, rules);
  if (cleaned.ok && cleaned.request_url == request_url) return;  // still the checked value
  const CleanedUrl fixed = clean_url(move->to, rules);
  if (cleaned.ok && fixed.ok && cleaned.request_url == fixed.request_url) return;  // done
  notes.push_back({source.file, now->line,
                   where(source, now->line) + ": " + ref.field +
                       " changed since the crawl (it checked " + request_url +
                       ", the file now holds '" + now->raw + "'); skipped"});
}

}  // namespace

bool evidence_applies(const FixEvidence& evidence, const std::string& request_url,
                      const FixOptions& options) {
  return proposed_move(evidence, request_url, options).has_value();
}

bool FixOptions::wants(FixKind kind) const {
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

const TrackingRules& FixOptions::tracking_rules() const {
  return rules != nullptr ? *rules : default_tracking_rules();
}

bool is_fix_field(const std::string& field) {
  const auto& fields = fix_fields();
  return std::find(fields.begin(), fields.end(), field) != fields.end();
}

const std::vector<std::string>& fix_fields() {
  static const std::vector<std::string> fields = {"link.href", "openProjectCustomFields.cleanUrl",
                                                  "openProjectCustomFields.sourceUrl",
                                                  "openProjectCustomFields.videoUrl"};
  return fields;
}

FilePlan plan_file(const Source& source,
                   const std::vector<std::pair<std::string, CitingRef>>& recorded,
                   const FixEvidence& evidence, const FixOptions& options) {
  FilePlan plan;
  for (const UrlField& url : source.urls) {
    if (!is_fix_field(url.field)) continue;
    if (auto edit = plan_value(source, url, evidence, options, plan.notes)) {
      plan.edits.push_back(std::move(*edit));
    }
  }
  for (const auto& [request_url, ref] : recorded) {
    note_stale(source, request_url, ref, evidence, options, plan.notes);
  }
  return plan;
}

std::map<std::string, std::vector<std::pair<std::string, CitingRef>>> recorded_by_file(
    const FixEvidence& evidence) {
  std::map<std::string, std::vector<std::pair<std::string, CitingRef>>> out;
  for (const auto& [url, refs] : evidence.refs) {
    for (const CitingRef& ref : refs) out[ref.file].emplace_back(url, ref);
  }
  return out;
}

}  // namespace linkhealth
