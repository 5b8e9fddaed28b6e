// The real channels: a webhook POST through libcurl to a receiver on 127.0.0.1, and a mail
// handed to a sendmail stand-in script. Failures come back as text, never as exceptions.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "cli/notify_sender.h"
#include "reports/notice_text.h"
#include "tests/sendmail_stand_in.h"
#include "tests/webhook_receiver.h"

using namespace linkhealth;
using namespace linkhealth::testing;

TEST_CASE("a webhook gets one JSON POST", "[notice][webhook][web]") {
  WebhookReceiver receiver(200);
  SystemNoticeSender sender("/nonexistent/sendmail", 5);
  const std::string body = webhook_body("2 new link problems <b> & more");
  CHECK(sender.post_webhook(receiver.url("/hooks/T0/B0/x"), body).empty());
  const auto posts = receiver.posts();
  REQUIRE(posts.size() == 1);
  CHECK(posts[0].path == "/hooks/T0/B0/x");
  CHECK(posts[0].content_type == "application/json");
  CHECK(posts[0].body == body);
  CHECK(nlohmann::json::parse(posts[0].body).at("text") ==
        "2 new link problems &lt;b&gt; &amp; more");
}

TEST_CASE("a webhook answering 500 is a failure named by its status", "[notice][webhook][web]") {
  WebhookReceiver receiver(500);
  SystemNoticeSender sender("/nonexistent/sendmail", 5);
  CHECK(sender.post_webhook(receiver.url("/hook"), webhook_body("x")) == "HTTP 500");
  CHECK(receiver.posts().size() == 1);
}

TEST_CASE("a webhook that never answers times out", "[notice][webhook][web]") {
  WebhookReceiver receiver(0);
  SystemNoticeSender sender("/nonexistent/sendmail", 1);
  const std::string error = sender.post_webhook(receiver.url("/hook"), webhook_body("x"));
  INFO(error);
  CHECK(error.find("timed out") != std::string::npos);
}

TEST_CASE("a webhook nobody listens on is a failure", "[notice][webhook][web]") {
  int port = 0;
  {
    WebhookReceiver gone(200);
    port = gone.port();
  }
  SystemNoticeSender sender("/nonexistent/sendmail", 2);
  const std::string error =
      sender.post_webhook("http://127.0.0.1:" + std::to_string(port) + "/hook", webhook_body("x"));
  CHECK_FALSE(error.empty());
}

TEST_CASE("a mail is handed whole to sendmail -t -oi", "[notice][mail]") {
  TempTree tree;
  const auto sendmail = write_sendmail_stand_in(tree, "bin");
  SystemNoticeSender sender(sendmail.string(), 10);
  const std::string message = mail_message(
      {"linkhealth@host.example", {"editors@example.org"}, 1768188600, "id@host.example"},
      "subject", "line one\n.\nline three\n");
  CHECK(sender.send_mail(message).empty());
  const auto mails = saved_mails(tree, "bin");
  REQUIRE(mails.size() == 1);
  CHECK(mails[0] == "ARGS: -t -oi\n" + message);
}

TEST_CASE("a big mail is written whole", "[notice][mail]") {
  TempTree tree;
  const auto sendmail = write_sendmail_stand_in(tree, "bin");
  SystemNoticeSender sender(sendmail.string(), 20);
  const std::string message = "To: a@example.org\n\n" + std::string(300000, 'x') + "\n";
  CHECK(sender.send_mail(message).empty());
  const auto mails = saved_mails(tree, "bin");
  REQUIRE(mails.size() == 1);
  CHECK(mails[0].size() == message.size() + std::string("ARGS: -t -oi\n").size());
}

TEST_CASE("sendmail failing, hanging or missing is a failure, not a crash", "[notice][mail]") {
  TempTree tree;
  SECTION("exit status") {
    const auto sendmail = write_sendmail_stand_in(tree, "bin", 75);
    SystemNoticeSender sender(sendmail.string(), 10);
    CHECK(sender.send_mail("To: a@example.org\n\nx\n") ==
          sendmail.string() + " exited with status 75");
  }
  SECTION("hangs past the timeout") {
    const auto sendmail = write_sendmail_stand_in(tree, "bin", 0, 30);
    SystemNoticeSender sender(sendmail.string(), 1);
    CHECK(sender.send_mail("To: a@example.org\n\nx\n") ==
          sendmail.string() + " did not finish in time");
  }
  SECTION("not installed") {
    SystemNoticeSender sender((tree.root() / "no-sendmail").string(), 1);
    const std::string error = sender.send_mail("To: a@example.org\n\nx\n");
    CHECK(error.rfind("cannot run ", 0) == 0);
  }
  SECTION("exits without reading") {
    tree.write("bin/sendmail", "#!/bin/sh\nexit 1\n");
    ::chmod((tree.root() / "bin/sendmail").c_str(), 0755);
    SystemNoticeSender sender((tree.root() / "bin/sendmail").string(), 5);
    const std::string error = sender.send_mail("To: a@example.org\n\n" + std::string(1 << 20, 'x'));
    CHECK_FALSE(error.empty());
  }
}
