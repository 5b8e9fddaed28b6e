#include "cli/crawl_notices.h"

#include <unistd.h>

#include <algorithm>
#include <ctime>

#include <fmt/format.h>

#include "cli/config_error.h"

namespace linkhealth {
namespace {

std::string host_name() {
  char buf[256] = {};
  if (::gethostname(buf, sizeof buf - 1) != 0 || buf[0] == '\0') return "localhost";
  return buf;
}

bool is_web_url(std::string_view url) {
  return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
}

NoticeTarget notice_target(const TargetRecord& record) {
  NoticeTarget t{record.request_url,
                 record.verdict,
                 record.http_status,
                 record.error,
                 record.history.broken_since,
                 record.history.failures,
                 {}};
  for (const CitingRef& ref : record.refs) {
    const bool seen = std::any_of(t.sources.begin(), t.sources.end(),
                                  [&](const NoticeSource& s) { return s.file == ref.file; });
    if (!seen) t.sources.push_back({ref.slug, ref.file, ref.curated.community});
  }
  return t;
}

// Fixes worth a message: the link was a confirmed problem in the crawl before. A link that
// failed once and works again was never announced, so its fix is no news either.
std::vector<NoticeTarget> announced_fixes(Store& store, std::int64_t run_id,
                                          const std::vector<TargetRecord>& fixes) {
  std::vector<NoticeTarget> out;
  const auto previous = store.previous_crawl(run_id);
  if (!previous) return out;
  for (const TargetRecord& fixed : fixes) {
    const auto checks = store.timeline(fixed.request_url);
    const bool confirmed = std::any_of(checks.begin(), checks.end(), [&](const TargetRecord& c) {
      return c.run_id == previous->id && c.history.confirmed;
    });
    if (confirmed) out.push_back(notice_target(fixed));
  }
  return out;
}

const NoticeGroup* group_of(const std::vector<NoticeGroup>& groups, const std::string& owner) {
  const auto it = std::find_if(groups.begin(), groups.end(),
                               [&](const NoticeGroup& g) { return g.owner == owner; });
  return it == groups.end() ? nullptr : &*it;
}

PlannedNotice mail(const NoticeRun& run, const std::vector<NoticeGroup>& groups,
                   const std::vector<std::string>& to, const RunSettings& s, std::int64_t now,
                   const std::string& host, std::string label) {
  MailHeader header{s.mail_from.empty() ? default_mail_from() : s.mail_from, to, now,
                    fmt::format("linkhealth.run-{}.{}.{}@{}", run.id, now, label.size(), host)};
  return {PlannedNotice::Channel::Mail, std::move(label), "",
          mail_message(header, notice_subject(run, groups), notice_text(run, groups))};
}

}  // namespace

std::string default_mail_from() {
  return "linkhealth@" + host_name();
}

std::string redacted_url(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "(not a URL)";
  const std::size_t path = url.find_first_of("/?#", scheme + 3);
  if (path == std::string_view::npos) return std::string(url);
  return std::string(url.substr(0, path)) + "/\u2026";
}

std::vector<PlannedNotice> plan_notices(const NoticeRun& run,
                                        const std::vector<NoticeGroup>& groups,
                                        const RunSettings& s, std::int64_t now,
                                        const std::string& host) {
  std::vector<PlannedNotice> out;
  if (groups.empty()) return out;
  const std::string everything = notice_text(run, groups);
  std::vector<std::string> seen;
  for (const std::string& url : s.notify_webhooks) {
    if (std::find(seen.begin(), seen.end(), url) != seen.end()) continue;
    seen.push_back(url);
    out.push_back({PlannedNotice::Channel::Webhook,
                   fmt::format("webhook {} #{}", redacted_url(url), seen.size()), url,
                   webhook_body(everything)});
  }
  for (const Owner& owner : s.owners) {
    const NoticeGroup* group = group_of(groups, owner.name);
    if (!group || owner.webhook.empty()) continue;
    out.push_back({PlannedNotice::Channel::Webhook,
                   fmt::format("webhook of {} {}", owner.name, redacted_url(owner.webhook)),
                   owner.webhook, webhook_body(notice_text(run, {*group}))});
  }
  if (!s.mail_to.empty()) {
    std::string to;
    for (const auto& a : s.mail_to) to += (to.empty() ? "" : ", ") + a;
    out.push_back(mail(run, groups, s.mail_to, s, now, host, "mail to " + to));
  }
  if (s.mail_owners) {
    for (const Owner& owner : s.owners) {
      const NoticeGroup* group = group_of(groups, owner.name);
      if (!group || owner.email.empty()) continue;
      out.push_back(mail(run, {*group}, {owner.email}, s, now, host,
                         fmt::format("mail to {} ({})", owner.email, owner.name)));
    }
  }
  return out;
}

bool has_notice_channel(const RunSettings& s) {
  return !s.notify_webhooks.empty() || !s.mail_to.empty() ||
         std::any_of(s.owners.begin(), s.owners.end(), [&](const Owner& owner) {
           return !owner.webhook.empty() || (s.mail_owners && !owner.email.empty());
         });
}

NoticeOutcome send_crawl_notices(Store& store, std::int64_t run_id, const RunSettings& s,
                                 NoticeSender& sender) {
  NoticeOutcome outcome;
  // Finding the news reads every target of the run back: not for nobody.
  if (!has_notice_channel(s)) return outcome;
  const auto run = store.run(run_id);
  if (!run || run->status != RunStatus::Done) return outcome;
  std::vector<NoticeTarget> fresh;
  std::vector<TargetRecord> fixes;
  store.for_each_target(
      run_id, {},
      [&](TargetRecord&& record) {
        if (record.is_new) fresh.push_back(notice_target(record));
        if (record.is_fixed) fixes.push_back(std::move(record));
      },
      PageRead::Columns);
  const std::vector<NoticeTarget> fixed = announced_fixes(store, run_id, fixes);
  outcome.news = !fresh.empty() || !fixed.empty();
  if (!outcome.news) return outcome;
  const NoticeRun notice_run{run_id, run->finished_at, s.report_url};
  const auto planned = plan_notices(notice_run, group_notices(fresh, fixed, s.owners), s,
                                    static_cast<std::int64_t>(std::time(nullptr)), host_name());
  if (planned.empty()) return outcome;
  std::vector<std::string> labels;
  for (const auto& notice : planned) labels.push_back(notice.label);
  if (!store.claim_notices(run_id, labels)) {
    outcome.sent_before = true;
    return outcome;
  }
  for (const auto& notice : planned) {
    const std::string error = notice.channel == PlannedNotice::Channel::Webhook
                                  ? sender.post_webhook(notice.destination, notice.payload)
                                  : sender.send_mail(notice.payload);
    store.record_notice(run_id, notice.label, error);
    if (error.empty()) {
      ++outcome.delivered;
    } else {
      outcome.failures.push_back(notice.label + ": " + error);
    }
  }
  return outcome;
}

void validate_notify_settings(const RunSettings& s) {
  for (const std::string& url : s.notify_webhooks) {
    if (!is_web_url(url)) {
      throw ConfigError(fmt::format("notify webhook must be an http(s) URL, not '{}'", url));
    }
  }
  for (const std::string& address : s.mail_to) {
    if (!is_plain_mail_address(address)) {
      throw ConfigError(
          fmt::format("mail_to: '{}' is not a mail address (user@example.org)", address));
    }
  }
  if (!s.mail_from.empty() && !is_plain_mail_address(s.mail_from)) {
    throw ConfigError(fmt::format("mail_from: '{}' is not a mail address", s.mail_from));
  }
}

}  // namespace linkhealth
