#pragma once
// Redirect pages made with JavaScript: a small inline script whose whole purpose is to send
// the browser to another URL (`location.replace("...")`, `window.location.href = "..."`).
// Precision first: only a script that is nothing but that one statement counts (optionally
// inside `window.onload = function () {...}` or a short `setTimeout`), with a string literal
// as the target. A live article's analytics code that reads or builds location.href, a
// frame-buster behind an `if`, or a target computed at run time never count.

#include <optional>
#include <string>
#include <string_view>

namespace linkhealth {

/// A page that sends the browser on by itself within this many seconds (a meta refresh, a
/// script timer) is a redirect page. Redirect notices count down 0-10 s; a longer delay is a
/// news page's auto-reload (minutes) or a notice meant to be read.
inline constexpr int kMaxPageRedirectDelayS = 10;

/// Scripts longer than this are programs, not redirect stubs.
inline constexpr std::size_t kMaxRedirectScriptBytes = 2048;

/// The target of a redirect script, as written (relative or absolute, JS escapes decoded);
/// nullopt when the script is anything else.
std::optional<std::string> script_redirect_target(std::string_view script);

}  // namespace linkhealth
