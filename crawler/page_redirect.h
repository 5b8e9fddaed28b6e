#pragma once
// Redirects a 200 page makes by itself: a <meta http-equiv=refresh> with a short delay, or an
// inline script that does nothing but send the browser on (extract/script_redirect.h). The
// engine follows one to another real page as a hop of the chain (shown in the chain, counted
// toward --max-redirects and loop detection, the verdict judged on the page it lands on). One
// to the site root or a section index is not followed: like an HTTP redirect there, it is a
// soft 404, and the verdict reads it from the page.

#include <optional>
#include <string>
#include <string_view>

#include "extract/page_meta.h"
#include "types/name_table.h"

namespace linkhealth {

enum class PageRedirectKind { MetaRefresh, Script };

template <>
inline constexpr NameTable<PageRedirectKind::Script> kNames<PageRedirectKind>{
    {"meta refresh", "script redirect"}};
static_assert(kNames<PageRedirectKind>.names_every_value());

struct PageRedirect {
  PageRedirectKind kind = PageRedirectKind::MetaRefresh;
  std::string url;  ///< absolute http(s) target
};

/// The redirect `page` (served at `page_url`) makes by itself: a meta refresh within
/// kMaxPageRedirectDelayS seconds, else a redirect-only script; only to http(s) and never to
/// the page itself (its fragment aside). nullopt when there is none.
std::optional<PageRedirect> page_redirect(const PageMeta& page, std::string_view page_url);

/// The page redirect the engine follows as a hop: none to the site root or a section index
/// above `page_url`, and none from a page whose own signals decide its verdict (a bot or
/// consent wall, a parked domain, a sign-in form, a "not found" page).
std::optional<PageRedirect> page_redirect_to_follow(const PageMeta& page,
                                                    std::string_view page_url);

}  // namespace linkhealth
