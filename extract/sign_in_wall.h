#pragma once
// A login wall: the article asks for an account. Either the link redirects to a sign-in page
// (/login, /users/sign_in, accounts.google.com, login.microsoftonline.com, ...) or it answers
// with a sign-in form in place of the article. The article may well be alive behind it, so
// this is "blocked" (unverifiable), never "broken".

#include <string_view>

namespace linkhealth {

/// True for an absolute URL of a sign-in page: an identity provider's host
/// (accounts.google.com, login.microsoftonline.com, *.okta.com, login.* / signin.* / sso.* /
/// auth.* hosts) or a path segment that names a login (login, signin, sign-in, sign_in, logon,
/// wp-login.php, ...). Relative or unparsable URLs are false.
bool is_sign_in_url(std::string_view url);

/// True when a title or heading is a sign-in page's ("Log In ‹ Site — WordPress",
/// "Sign in - Google Accounts", "Anmelden", "ログイン"); "Sign up for our newsletter" is not.
bool is_sign_in_title(std::string_view text);

}  // namespace linkhealth
