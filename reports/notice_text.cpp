#include "reports/notice_text.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "reports/verdict_text.h"

namespace linkhealth {
namespace {

constexpr std::size_t kMaxLineOctets = 998;  // RFC 5322 2.1.1

std::size_t count_all(const std::vector<NoticeGroup>& groups,
                      std::vector<NoticeTarget> NoticeGroup::*list) {
  // A link cited by two owners is one link: count distinct URLs.
  std::vector<std::string_view> urls;
  for (const auto& group : groups) {
    for (const auto& target : group.*list) urls.push_back(target.url);
  }
  std::sort(urls.begin(), urls.end());
  return static_cast<std::size_t>(std::unique(urls.begin(), urls.end()) - urls.begin());
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string sources_line(const NoticeTarget& t) {
  std::string out;
  for (const auto& source : t.sources) {
    if (!out.empty()) out += "; ";
    out += source.slug.empty() ? source.file : fmt::format("{} ({})", source.slug, source.file);
  }
  return out.empty() ? "no content file" : out;
}

std::string verdict_phrase(const NoticeTarget& t) {
  std::string out(verdict_label(t.verdict));
  if (t.http_status != 0) {
    out += fmt::format(" (HTTP {})", t.http_status);
  } else if (!t.error.empty()) {
    out += " (" + t.error + ")";
  }
  return out;
}

void add_list(std::string& out, std::string_view title, const std::vector<NoticeTarget>& list,
              bool is_new) {
  if (list.empty()) return;
  out += fmt::format("{}:\n", title);
  const std::size_t shown = std::min(list.size(), kNoticeListLimit);
  for (std::size_t i = 0; i < shown; ++i) {
    const NoticeTarget& t = list[i];
    if (is_new) {
      out += fmt::format("- {}: {}\n", verdict_phrase(t), t.url);
      out += fmt::format("  in {}", sources_line(t));
      if (!t.broken_since.empty()) {
        out += fmt::format(", failing since {} ({} checks in a row)", display_time(t.broken_since),
                           t.failures);
      }
      out += "\n";
    } else {
      out += fmt::format("- {}\n  in {}\n", t.url, sources_line(t));
    }
  }
  if (list.size() > shown) {
    out += fmt::format("- ... and {} more in the report\n", list.size() - shown);
  }
}

// Only the sources `owner` owns; nullopt when none is theirs.
std::vector<NoticeTarget> owned_part(const std::vector<NoticeTarget>& list,
                                     const std::vector<Owner>& owners, const std::string& owner) {
  std::vector<NoticeTarget> out;
  for (const NoticeTarget& t : list) {
    NoticeTarget mine = t;
    mine.sources.clear();
    for (const NoticeSource& source : t.sources) {
      const Owner* o = owner_of(owners, source.file, source.community);
      if ((o ? o->name : std::string()) == owner) mine.sources.push_back(source);
    }
    const bool orphan = t.sources.empty() && owner.empty();
    if (!mine.sources.empty() || orphan) out.push_back(std::move(mine));
  }
  return out;
}

// Slack's three control characters only: it shows any other entity (&quot;) as typed.
std::string slack_escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const std::string_view entity = c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : "";
    if (entity.empty()) {
      out += c;
    } else {
      out += entity;
    }
  }
  return out;
}

}  // namespace

std::vector<NoticeGroup> group_notices(const std::vector<NoticeTarget>& new_problems,
                                       const std::vector<NoticeTarget>& fixed,
                                       const std::vector<Owner>& owners) {
  std::vector<std::string> names;
  for (const Owner& owner : owners) names.push_back(owner.name);
  names.emplace_back();  // unowned, last
  std::vector<NoticeGroup> groups;
  for (const std::string& name : names) {
    NoticeGroup group{name, owned_part(new_problems, owners, name),
                      owned_part(fixed, owners, name)};
    if (!group.new_problems.empty() || !group.fixed.empty()) groups.push_back(std::move(group));
  }
  return groups;
}

std::string notice_subject(const NoticeRun& run, const std::vector<NoticeGroup>& groups) {
  return fmt::format("linkhealth: {}, {} fixed (run {})",
                     plural(count_all(groups, &NoticeGroup::new_problems), "new link problem",
                            "new link problems"),
                     count_all(groups, &NoticeGroup::fixed), run.id);
}

std::string notice_text(const NoticeRun& run, const std::vector<NoticeGroup>& groups) {
  std::string out = fmt::format("linkhealth crawl run {} ({}): {}, {} fixed.\n", run.id,
                                display_time(run.finished_at),
                                plural(count_all(groups, &NoticeGroup::new_problems),
                                       "new link problem", "new link problems"),
                                count_all(groups, &NoticeGroup::fixed));
  if (!run.report_url.empty()) out += "Report: " + run.report_url + "\n";
  for (const NoticeGroup& group : groups) {
    out += fmt::format("\n== {} ({} new, {} fixed) ==\n",
                       group.owner.empty() ? std::string("Unowned") : group.owner,
                       group.new_problems.size(), group.fixed.size());
    if (!run.report_url.empty()) {
      out += "Their links in the report: " + owner_report_url(run.report_url, group.owner) + "\n";
    }
    add_list(out, "New problems", group.new_problems, true);
    add_list(out, "Fixed", group.fixed, false);
  }
  return out;
}

std::string owner_report_url(std::string_view report_url, std::string_view owner) {
  if (report_url.empty()) return {};
  const std::string_view name = owner.empty() ? kUnownedName : owner;
  std::string out(report_url.substr(0, report_url.find('#')));
  out += "#owner=";
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
      out += c;
    } else {
      out += fmt::format("%{:02X}", u);
    }
  }
  return out;
}

std::string webhook_body(std::string_view text) {
  return nlohmann::json{{"text", slack_escaped(text)}}.dump(
      -1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string rfc5322_date(std::int64_t unix_seconds) {
  const auto t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  // Names spelled out: strftime's %a and %b follow the locale, RFC 5322 wants English.
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return fmt::format("{}, {:02d} {} {} {:02d}:{:02d}:{:02d} +0000", kDays[tm.tm_wday], tm.tm_mday,
                     kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

bool is_plain_mail_address(std::string_view address) {
  const std::size_t at = address.find('@');
  if (at == 0 || at == std::string_view::npos || at + 1 == address.size()) return false;
  if (address.find('@', at + 1) != std::string_view::npos) return false;
  return std::none_of(address.begin(), address.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u <= ' ' || u == 0x7f || c == '<' || c == '>' || c == ',' || c == ';' || c == '"' ||
           c == '(' || c == ')' || c == '\\';
  });
}

std::string mail_message(const MailHeader& header, std::string_view subject,
                         std::string_view body) {
  std::string to;
  for (const std::string& address : header.to) to += (to.empty() ? "" : ", ") + address;
  std::string out = fmt::format(
      "From: linkhealth <{}>\nTo: {}\nSubject: {}\nDate: {}\nMessage-ID: <{}>\n"
      "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n"
      "Content-Transfer-Encoding: 8bit\nAuto-Submitted: auto-generated\n\n",
      header.from, to, subject, rfc5322_date(header.date), header.message_id);
  std::size_t from = 0;
  while (from < body.size()) {
    std::size_t nl = body.find('\n', from);
    if (nl == std::string_view::npos) nl = body.size();
    std::string_view line = body.substr(from, nl - from);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.size() > kMaxLineOctets) {
      std::size_t cut = kMaxLineOctets;
      while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
      line = line.substr(0, cut);  // never in the middle of a UTF-8 sequence
    }
    out.append(line);
    out += '\n';
    from = nl + 1;
  }
  return out;
}

}  // namespace linkhealth
