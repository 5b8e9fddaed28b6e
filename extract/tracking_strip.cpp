#include "extract/tracking_strip.h"

#include <algorithm>
#include <functional>
#include <string_view>
#include <vector>

#include "extract/ascii.h"
#include "extract/utf8.h"

namespace linkhealth {

namespace {

using Providers = std::vector<const UrlProvider*>;

/// The parts of an '&'-separated list whose key (the text before '=') is not tracking, joined
/// as written; nullopt when nothing was dropped. Each dropped part is noted as `what` + part.
std::optional<std::string> drop_parts(std::string_view list,
                                      const std::function<bool(std::string_view)>& tracking,
                                      const std::string& what, CleanedUrl& r) {
  std::string kept;
  bool first = true;
  bool dropped = false;
  for (std::size_t start = 0; start <= list.size();) {
    std::size_t end = list.find('&', start);
    if (end == std::string_view::npos) end = list.size();
    const std::string_view part = list.substr(start, end - start);
    const std::string_view key = part.substr(0, part.find('='));
    if (!key.empty() && tracking(key)) {
      r.removed.push_back(what + std::string(part));
      ++r.tracking_removed;
      dropped = true;
    } else {
      if (!first) kept += '&';
      kept += part;
      first = false;
    }
    start = end + 1;
  }
  if (!dropped) return std::nullopt;
  return kept;
}

/// A list left with nothing but separators is no list.
std::optional<std::string> unless_empty(std::string list) {
  if (list.find_first_not_of('&') == std::string::npos) return std::nullopt;
  return list;
}

bool strips_key(const Providers& providers, std::string_view key) {
  return std::any_of(providers.begin(), providers.end(),
                     [&](const UrlProvider* p) { return provider_strips_key(*p, key); });
}

bool strip_query(UrlPieces& url, const Providers& providers, const TrackingRules& rules,
                 CleanedUrl& r) {
  if (!url.query) return false;
  const auto tracking = [&](std::string_view key) {
    return rules.is_tracking_param(key, url.host, url.path) || strips_key(providers, key);
  };
  auto kept = drop_parts(*url.query, tracking, "tracking parameter ", r);
  if (!kept) return false;
  url.query = unless_empty(std::move(*kept));
  return true;
}

/// The built-in rules judge the fragment as a whole (#.X88gt1UzbIU); ClearURLs providers read
/// it as '&'-separated keys (#Echobox=1692802413) and drop the matching ones.
bool strip_fragment(UrlPieces& url, const Providers& providers, const TrackingRules& rules,
                    CleanedUrl& r) {
  if (!url.fragment) return false;
  if (auto why = rules.tracking_fragment(*url.fragment, url.host)) {
    r.removed.push_back("tracking fragment #" + *url.fragment + " (" + *why + ")");
    ++r.tracking_removed;
    url.fragment.reset();
    return true;
  }
  if (providers.empty()) return false;
  const auto tracking = [&](std::string_view key) { return strips_key(providers, key); };
  auto kept = drop_parts(*url.fragment, tracking, "tracking fragment key ", r);
  if (!kept) return false;
  url.fragment = unless_empty(std::move(*kept));
  return true;
}

/// The URL with `pattern` cut out everywhere, when that leaves a shorter URL (so the rounds
/// of strip_tracking end) to the same scheme, host and port that is still UTF-8.
std::optional<UrlPieces> cut_raw_rule(const UrlPieces& url, const RulePattern& pattern) {
  const std::string before = url.text();
  if (!pattern.found_in(before, ascii_lower(before))) return std::nullopt;
  const std::string after = std::regex_replace(before, pattern.regex, "");
  if (after.size() >= before.size() || first_invalid_utf8(after)) return std::nullopt;
  CurlUrl was;
  CurlUrl now;
  if (was.set_url(before) || now.set_url(after)) return std::nullopt;
  for (const CURLUPart part : {CURLUPART_SCHEME, CURLUPART_HOST, CURLUPART_PORT}) {
    if (was.get(part) != now.get(part)) return std::nullopt;
  }
  UrlPieces cut = cut_url(now);
  if (cut.text().size() >= before.size()) return std::nullopt;
  if (cut.query && cut.query->empty()) cut.query.reset();
  return cut;
}

bool cut_raw_rules(UrlPieces& url, const Providers& providers, CleanedUrl& r) {
  bool changed = false;
  for (const UrlProvider* p : providers) {
    for (const RulePattern& raw : p->raw) {
      if (auto cut = cut_raw_rule(url, raw)) {
        r.removed.push_back("tracking raw rule /" + raw.text + "/ of " + p->name + ": " +
                            url.text() + " -> " + cut->text());
        ++r.tracking_removed;
        url = std::move(*cut);
        changed = true;
      }
    }
  }
  return changed;
}

/// A redirection or completeProvider hit: reported, and the URL is left as written. Unwrapping
/// would fetch something the curator did not cite; a tracker URL is still the cited link.
bool reported_instead(const UrlPieces& url, const Providers& providers, CleanedUrl& r) {
  const std::string text = url.text();
  const std::string lowered = ascii_lower(text);
  for (const UrlProvider* p : providers) {
    for (const RulePattern& redirection : p->redirections) {
      std::smatch m;
      if (!redirection.found_in(text, lowered) || !std::regex_search(text, m, redirection.regex) ||
          m.size() < 2 || !m[1].matched) {
        continue;
      }
      const std::string decoded = percent_decoded(m[1].str());
      r.wrapped_target = escape_invalid_utf8(decoded);
      r.wrapper_provider = p->name;
      return true;
    }
    if (p->complete) {
      r.tracker_provider = p->name;
      return true;
    }
  }
  return false;
}

}  // namespace

std::string UrlPieces::text() const {
  std::string out = base;
  if (query) out += "?" + *query;
  if (fragment) out += "#" + *fragment;
  return out;
}

UrlPieces cut_url(CurlUrl& url) {
  UrlPieces out;
  out.host = url.get(CURLUPART_HOST).value_or("");
  out.path = url.get(CURLUPART_PATH).value_or("");
  out.query = url.get(CURLUPART_QUERY);
  out.fragment = url.get(CURLUPART_FRAGMENT);
  // curl 7.88 rewrites the %XX escapes of a query it is given (%2F -> %2f), so the query and
  // fragment never go back through it: they are appended to the base as written.
  url.set(CURLUPART_QUERY, std::nullopt);
  url.set(CURLUPART_FRAGMENT, std::nullopt);
  out.base = url.get(CURLUPART_URL).value_or("");
  return out;
}

void strip_tracking(UrlPieces& url, const TrackingRules& rules, CleanedUrl& r) {
  if (rules.is_link_wrapper(url.host)) return;
  // Every round that changes the URL makes it shorter, so the rounds end, and the last one
  // changed nothing: cleaning the result again finds nothing either. The built-in rules
  // finish in one round; a ClearURLs provider may only apply once another one's cut is made.
  for (bool changed = true; changed;) {
    const Providers providers = rules.providers_for(url.text());
    if (reported_instead(url, providers, r)) return;
    changed = cut_raw_rules(url, providers, r);
    changed = strip_query(url, providers, rules, r) || changed;
    changed = strip_fragment(url, providers, rules, r) || changed;
    if (rules.providers.empty()) break;  // the built-in rules need no second round
  }
}

}  // namespace linkhealth
