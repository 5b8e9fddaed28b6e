// Certificates a link checker must not trust: expired, self-signed, for another host.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>

#include "tests/crawler_test_support.h"

using namespace linkhealth;
using namespace linkhealth::testing;

namespace {

constexpr long kDay = 24 * 3600;

CheckResult fetch_once(const testweb::FixtureWeb& web, const std::string& url,
                       const std::string& cacert) {
  FetchOptions options = loopback_options(web.port());
  options.cacert = cacert;
  options.soft404_probe = false;
  options.retries = 0;
  return crawl(options, targets_of({url})).at(url);
}

testweb::Scenario secure_page() {
  testweb::Scenario s;
  s.hosts["*"]["/"].replies = {page("Secure page")};
  return s;
}

std::string write_temp(const std::string& text) {
  char tmpl[] = "/tmp/linkhealth-tls-XXXXXX";
  const int fd = ::mkstemp(tmpl);
  REQUIRE(fd >= 0);
  REQUIRE(::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
  ::close(fd);
  return tmpl;
}

}  // namespace

TEST_CASE("expired self-signed and wrong-host certificates are tls errors",
          "[crawler][web][hostile][tls]") {
  const auto expired = testweb::make_self_signed({"*.web.test"}, -30 * kDay, -1 * kDay);
  const auto self_signed = testweb::make_self_signed({"*.web.test"}, -kDay, 365 * kDay);
  testweb::FixtureWeb expired_web(secure_page(), expired);
  testweb::FixtureWeb self_signed_web(secure_page(), self_signed);
  testweb::FixtureWeb good_web(secure_page(), /*tls=*/true);

  // The expired certificate is its own trust anchor here, so expiry is the only fault.
  const std::string expired_ca = write_temp(expired.cert_pem);
  const CheckResult old_cert = fetch_once(expired_web, "https://old.web.test/", expired_ca);
  std::remove(expired_ca.c_str());
  INFO(old_cert.error);
  CHECK(old_cert.verdict == Verdict::TlsError);
  CHECK(old_cert.error.find("expired") != std::string::npos);

  const CheckResult self =
      fetch_once(self_signed_web, "https://self.web.test/", testweb::FixtureWeb::ca_file());
  INFO(self.error);
  CHECK(self.verdict == Verdict::TlsError);
  CHECK(self.error.find("self") != std::string::npos);

  const CheckResult wrong =
      fetch_once(good_web, "https://wrong-host.example/", testweb::FixtureWeb::ca_file());
  INFO(wrong.error);
  CHECK(wrong.verdict == Verdict::TlsError);
  CHECK(wrong.error.find("wrong-host.example") != std::string::npos);

  // The same server with the right name is fine: the failures above are the certificates.
  CHECK(fetch_once(good_web, "https://good.web.test/", testweb::FixtureWeb::ca_file()).verdict ==
        Verdict::Ok);
}
