#include "extract/sign_in_wall.h"

#include <string>

#include "extract/ascii.h"
#include "extract/curl_url.h"
#include "extract/wording.h"

namespace linkhealth {
namespace {

// Identity providers' sign-in hosts: every page on them is a sign-in step. Providers that
// give each customer a subdomain (hospital.okta.com) are left out: their blogs, help and
// community sites share the domain (sec.okta.com, community.auth0.com), and a sign-in page
// there is still told by its form.
constexpr std::string_view kSignInHosts[] = {
    "accounts.google.com",   "login.microsoftonline.com", "login.live.com",  "login.yahoo.com",
    "signin.aws.amazon.com", "login.salesforce.com",      "secure.login.gov"};

// First labels of a site's own sign-in host (login.nejm.org, sso.example.com).
constexpr std::string_view kSignInLabels[] = {"login", "signin", "sso", "auth", "accounts"};

// A path segment that is one of these names a login page, on any host.
constexpr std::string_view kSignInSegments[] = {
    "login",     "log-in",    "log_in",       "logon",       "signin",
    "sign-in",   "sign_in",   "wp-login.php", "login.php",   "login.aspx",
    "login.asp", "login.jsp", "login.html",   "signin.html", "signin.aspx"};

// Folded (extract/wording.h): whole title segments.
constexpr std::string_view kSignInTitleSegments[] = {
    "log in", "login", "log-in", "sign in", "signin", "sign-in", "member login", "user login",
    "subscriber login", "account login", "log in to your account", "sign in to your account",
    "sign in to continue", "log in to continue", "login required", "sign in required",
    // German, French, Spanish, Italian, Dutch, Portuguese, Japanese
    "anmelden", "einloggen", "connexion", "se connecter", "iniciar sesión", "accedi", "inloggen",
    "aanmelden", "fazer login", "iniciar sessão", "ログイン"};

// Folded phrases that say so anywhere in a title.
constexpr std::string_view kSignInTitlePhrases[] = {
    "please log in",           "please sign in",         "you must be logged in",
    "sign in to your account", "log in to your account", "sign in to continue",
    "log in to continue"};

bool is_sign_in_host(std::string_view host) {
  for (std::string_view exact : kSignInHosts)
    if (host == exact) return true;
  const std::size_t dot = host.find('.');
  // A first label only counts on a name with a registrable domain after it (login.site.org).
  if (dot == std::string_view::npos || host.find('.', dot + 1) == std::string_view::npos)
    return false;
  const std::string_view label = host.substr(0, dot);
  for (std::string_view l : kSignInLabels)
    if (label == l) return true;
  return false;
}

bool has_sign_in_segment(std::string_view path) {
  for (std::string_view segment : split_nonempty(path, "/")) {
    for (std::string_view s : kSignInSegments)
      if (segment == s) return true;
  }
  return false;
}

}  // namespace

bool is_sign_in_url(std::string_view url) {
  CurlUrl parsed;
  if (parsed.set_url(std::string(url))) return false;
  const std::string host = ascii_lower(parsed.get(CURLUPART_HOST).value_or(""));
  const std::string path = ascii_lower(parsed.get(CURLUPART_PATH).value_or(""));
  return is_sign_in_host(host) || has_sign_in_segment(path);
}

bool is_sign_in_title(std::string_view text) {
  const std::string folded = fold_wording(text);
  return contains_any(folded, kSignInTitlePhrases) || segment_is_any(folded, kSignInTitleSegments);
}

}  // namespace linkhealth
