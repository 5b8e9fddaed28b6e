// Login walls: sign-in URLs and sign-in pages.
#include <catch2/catch.hpp>

#include "extract/page_signals.h"
#include "extract/sign_in_wall.h"
#include "tests/long_tail_pages.h"

using namespace linkhealth;
using linkhealth::testing::fixture_meta;
using linkhealth::testing::has_signal;

TEST_CASE("sign-in URLs", "[sign_in]") {
  for (const char* url : {
           "https://www.healthaffairs.org/login?redirectUri=%2Fdo%2F10.1377%2Fhlthaff.2020.01",
           "https://ruralhealthvoices.org/wp-login.php?redirect_to=%2F2020%2F05%2Fstory",
           "https://www.modernhealthcare.com/user/login?destination=/article/20200101/NEWS",
           "https://gitlab.example.org/users/sign_in",
           "https://www.statnews.com/account/login/",
           "https://portal.example.com/sign-in?next=/reports/2020",
           "https://accounts.google.com/ServiceLogin?continue=https://docs.google.com/d/1",
           "https://login.microsoftonline.com/common/oauth2/authorize?client_id=x",
           "https://sso.accounts.dowjones.com/authorize?client=5hss",
           "https://login.nejm.org/?returnUrl=https://www.nejm.org/doi/full/10.1056/x",
           "https://myaccount.nytimes.com/auth/login?response_type=cookie",
       }) {
    INFO(url);
    CHECK(is_sign_in_url(url));
  }
  for (const char* url : {
           "https://www.healthcareitnews.com/news/login-security-tips-for-clinicians",
           "https://www.fiercehealthcare.com/tech/signing-bonus-nurses",
           "https://hitconsultant.net/2020/12/07/healthcare-providers-interoperability/",
           "https://auth.example/",  // a first label counts only before a registrable domain
           // An identity provider's own site is a site like any other.
           "https://www.okta.com/blog/2023/03/auth0-blog-moves/",
           "https://sec.okta.com/articles/2023/08/cross-tenant-impersonation",
           "https://auth0.com/blog/what-is-oauth-2-0/", "https://www.login.gov/help/",
           "/login",  // relative: not a URL of its own
       }) {
    INFO(url);
    CHECK_FALSE(is_sign_in_url(url));
  }
}

TEST_CASE("sign-in titles", "[sign_in]") {
  for (const char* title : {"Log In \xE2\x80\xB9 Rural Health Voices \xE2\x80\x94 WordPress",
                            "Sign in - Google Accounts", "Sign in to your account",
                            "Login | Modern Healthcare", "Anmelden | \xC3\x84rzteZeitung",
                            "Connexion - Le Quotidien du M\xC3\xA9"
                            "decin",
                            "\xE3\x83\xAD\xE3\x82\xB0\xE3\x82\xA4\xE3\x83\xB3 | m3.com"}) {
    INFO(title);
    CHECK(is_sign_in_title(title));
  }
  for (const char* title :
       {"Fierce Healthcare newsletter sign-up | Fierce Healthcare",
        "Sign up for the Fierce Healthcare newsletter", "Login security tips for clinicians",
        "Patients sign in with their face at Mayo Clinic kiosks", ""}) {
    INFO(title);
    CHECK_FALSE(is_sign_in_title(title));
  }
}

TEST_CASE("a WordPress login page is a sign-in form; a paywalled article with a login box is not",
          "[sign_in][page_meta]") {
  const PageMeta login = fixture_meta("sign_in_wordpress.html");
  CHECK(login.html_title == "Log In \xE2\x80\xB9 Rural Health Voices \xE2\x80\x94 WordPress");
  CHECK(has_signal(login, kSignalSignInForm));
  CHECK_FALSE(has_signal(login, kSignalScriptRedirect));  // its className script is no redirect
  const PageMeta wsj = fixture_meta("paywall_wsj_article.html");
  CHECK(wsj.signals.empty());
}
