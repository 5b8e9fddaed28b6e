#pragma once
// Where a crawl's notification leaves the machine: a chat webhook (an HTTP POST through
// libcurl) or a mail (handed to `sendmail -t -oi`, as cron hosts deliver mail). Behind a tiny
// interface so the sending logic is tested with an in-memory fake; the tests of the real
// one use a webhook receiver on 127.0.0.1 and a sendmail stand-in script.

#include <string>

namespace linkhealth {

class NoticeSender {
 public:
  virtual ~NoticeSender() = default;
  /// POSTs `json_body` (application/json) to `url`; "" when the answer was 2xx, else why
  /// not ("HTTP 500", "Timeout was reached", ...).
  virtual std::string post_webhook(const std::string& url, const std::string& json_body) = 0;
  /// Hands the RFC 5322 `message` to sendmail; "" when it exited 0, else why not.
  virtual std::string send_mail(const std::string& message) = 0;
};

/// The real channels: libcurl for webhooks, `sendmail_path -t -oi` for mail, each bounded
/// by `timeout_s` seconds.
class SystemNoticeSender : public NoticeSender {
 public:
  SystemNoticeSender(std::string sendmail_path, int timeout_s)
      : sendmail_path_(std::move(sendmail_path)), timeout_s_(timeout_s) {}
  std::string post_webhook(const std::string& url, const std::string& json_body) override;
  std::string send_mail(const std::string& message) override;

 private:
  std::string sendmail_path_;
  int timeout_s_;
};

}  // namespace linkhealth
