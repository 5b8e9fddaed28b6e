#pragma once
// A parked domain: the registration lapsed and the name now serves a for-sale or ad-parking
// page for every path (Sedo, GoDaddy/Afternic, Dan.com, Bodis, ParkingCrew, HugeDomains, ...).
// The cited article is gone although the host answers 200. Recognised by the page's wording,
// by the parking platforms' own markup (their scripts, frames and `window.park` lander), or by
// a redirect that ends on a parking service's host.

#include <string_view>

namespace linkhealth {

/// True when a title or heading offers the domain for sale or says it is parked
/// ("example.com is for sale", "This domain may be for sale!", "Parked Domain name on ...").
bool is_parking_title(std::string_view text);

/// True for a host of a domain-parking or domain-sale service, or a subdomain of one
/// (sedoparking.com, parkingcrew.net, bodis.com, hugedomains.com, dan.com, afternic.com, ...).
/// `host` is lowercase, as crawler/url_parts.h and curl give it.
bool is_parking_host(std::string_view host);

/// True for an absolute URL on a parking host, or a GoDaddy for-sale page
/// (godaddy.com/forsale/...). Relative or unparsable URLs are false.
bool is_parking_url(std::string_view url);

/// True for the src of a parking platform's script or frame: on a parking host (also
/// scheme-relative, "//img.sedoparking.com/..."), or Google's AdSense-for-domains loader
/// (adsense/domains/caf.js), which only parked domains use. A substring test, cheap enough for
/// every script of every page.
bool is_parking_script_src(std::string_view src);

/// True when the text of an inline script is a parking lander's: `window.park = "..."`, or a
/// jump to the platforms' "/lander" page.
bool is_parking_script(std::string_view text);

}  // namespace linkhealth
