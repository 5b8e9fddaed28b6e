#pragma once
// The only ways text from a remote page or a content file may enter the HTML report. Every
// renderer goes through these, so one review covers all of the report's escaping.

#include <string>
#include <string_view>

namespace linkhealth {

/// Escapes & < > " ' so the result is safe as element text and as a quoted attribute value.
/// NUL and other C0 controls except tab/newline become U+FFFD, invalid UTF-8 is left to the
/// browser's decoder (it shows U+FFFD; it cannot open markup).
std::string escape_html(std::string_view text);

/// True when url may be a link target in the report: it starts with "http://" or "https://"
/// (any case) and holds no whitespace or control characters. Everything else (javascript:,
/// data:, relative paths, scheme tricks like "java\tscript:") is shown as text only.
bool is_linkable_url(std::string_view url);

/// `<a href=...>` with escaped text and attribute when is_linkable_url(url), else the escaped
/// text in a <span class="nolink">. label empty means the URL itself.
std::string render_link(std::string_view url, std::string_view label = {});

/// A JSON text made safe to sit inside <script>: '<', '>', '&', U+2028 and U+2029 become
/// \u escapes (valid JSON, and no "</script>" or "<!--" can appear).
std::string script_safe_json(std::string_view json);

}  // namespace linkhealth
