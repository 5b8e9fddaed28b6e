#pragma once
// The words of a notification (chat webhook or mail) after a crawl with new or fixed
// problems: grouped by owner, each problem with where it is cited, and the report's address.
// Pure: tested without a network or a mail system; cli/crawl_notices.h sends it.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/check_result.h"
#include "reports/owners.h"

namespace linkhealth {

/// A content file citing a changed link.
struct NoticeSource {
  std::string slug;
  std::string file;
  std::string community;
};

/// A link that newly broke or got fixed in the run.
struct NoticeTarget {
  std::string url;
  Verdict verdict = Verdict::Ok;
  int http_status = 0;
  std::string error;
  std::string broken_since;  ///< new problems: first failing check of the streak
  int failures = 0;          ///< new problems: failing checks in a row
  std::vector<NoticeSource> sources;
};

/// One owner's part of the news ("" owner: content no owner rule matches).
struct NoticeGroup {
  std::string owner;
  std::vector<NoticeTarget> new_problems;  ///< only the sources this owner owns
  std::vector<NoticeTarget> fixed;
};

struct NoticeRun {
  std::int64_t id = 0;
  std::string finished_at;  ///< ISO 8601 UTC
  std::string report_url;   ///< "" when none was given
};

/// Splits the run's news by the owner of each citing file, in the owners' rule order with the
/// unowned group last; a link cited by two owners' files is in both groups, each with its own
/// files. Groups without news are left out.
std::vector<NoticeGroup> group_notices(const std::vector<NoticeTarget>& new_problems,
                                       const std::vector<NoticeTarget>& fixed,
                                       const std::vector<Owner>& owners);

/// `report_url` opened on one owner's rows: `<report_url>#owner=<name, percent-encoded>` (the
/// report's owner filter; "unowned" for the unowned group). "" when report_url is "".
std::string owner_report_url(std::string_view report_url, std::string_view owner);

/// At most this many links per list of a group; the rest are counted and left to the report.
inline constexpr std::size_t kNoticeListLimit = 50;

/// "linkhealth: 2 new link problems, 1 fixed (run 12)" (ASCII, for a mail subject).
std::string notice_subject(const NoticeRun& run, const std::vector<NoticeGroup>& groups);

/// The plain-text message: a headline, the report link, then one block per group (with the
/// link to the owner's view of the report).
std::string notice_text(const NoticeRun& run, const std::vector<NoticeGroup>& groups);

/// The JSON body Slack, Mattermost and Rocket.Chat incoming webhooks take: {"text": ...},
/// with '&', '<' and '>' escaped as Slack requires (the others render the entities as text).
std::string webhook_body(std::string_view text);

struct MailHeader {
  std::string from;
  std::vector<std::string> to;
  std::int64_t date = 0;   ///< unix seconds
  std::string message_id;  ///< without the angle brackets
};

/// An RFC 5322 message with a UTF-8 plain-text body, LF line ends (what `sendmail -t` reads),
/// lines longer than 998 octets cut, for `sendmail -t -oi`.
std::string mail_message(const MailHeader& header, std::string_view subject, std::string_view body);

/// "Mon, 23 Nov 2026 03:30:00 +0000"
std::string rfc5322_date(std::int64_t unix_seconds);

/// Whether `address` is a plain addr-spec (local@domain, no spaces, no angle brackets, no
/// line breaks): what linkhealth puts in To: and From:.
bool is_plain_mail_address(std::string_view address);

}  // namespace linkhealth
