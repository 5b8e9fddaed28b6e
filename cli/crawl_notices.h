#pragma once
// After a finished crawl with news (new problems, or fixes of confirmed problems), tell the
// people who fix links: every `--notify-webhook` and `--mail-to` gets all of it grouped by
// owner, an owner's own webhook (and, with --mail-owners, their e-mail) only their part. A run
// with no news sends nothing. The run's notification is claimed in the store before sending
// (store/notice_log.h), so a run is announced at most once. A failed delivery is reported
// back as a warning; it never fails the run.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cli/notify_sender.h"
#include "cli/run_settings.h"
#include "reports/notice_text.h"
#include "store/store.h"

namespace linkhealth {

/// One message to send.
struct PlannedNotice {
  enum class Channel { Webhook, Mail };
  Channel channel = Channel::Webhook;
  std::string label;        ///< for the store, the log and warnings; never a webhook's secret
  std::string destination;  ///< the webhook URL; "" for mail (the message names its To:)
  std::string payload;      ///< JSON body, or the whole RFC 5322 message
};

/// The messages for the run's news (pure). `now` (unix seconds) dates the mails; `host` goes
/// into their Message-ID.
std::vector<PlannedNotice> plan_notices(const NoticeRun& run,
                                        const std::vector<NoticeGroup>& groups,
                                        const RunSettings& settings, std::int64_t now,
                                        const std::string& host);

struct NoticeOutcome {
  bool news = false;         ///< the run had new or fixed problems to tell, and someone to tell
  bool sent_before = false;  ///< an earlier process already announced this run
  int delivered = 0;
  std::vector<std::string> failures;  ///< "<label>: <why>"
};

/// Whether the settings name anyone to notify (a webhook, a mail address, an owner's).
bool has_notice_channel(const RunSettings& settings);

/// Sends the notification of finished crawl `run_id` when it has news and was not sent yet.
NoticeOutcome send_crawl_notices(Store& store, std::int64_t run_id, const RunSettings& settings,
                                 NoticeSender& sender);

/// Checks the notification settings: http(s) webhooks, plain mail addresses. Throws
/// ConfigError.
void validate_notify_settings(const RunSettings& settings);

/// "linkhealth@<host name>": the From: when notify.mail_from is not set.
std::string default_mail_from();

/// `https://hooks.slack.com/…`: scheme and host only, since a webhook's path is its secret.
std::string redacted_url(std::string_view url);

}  // namespace linkhealth
