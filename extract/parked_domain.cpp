#include "extract/parked_domain.h"

#include <string>

#include "extract/ascii.h"
#include "extract/curl_url.h"
#include "extract/tracking_rules.h"
#include "extract/wording.h"

namespace linkhealth {
namespace {

// Folded (extract/wording.h). Every phrase names the domain itself: a headline about a
// hospital "for sale" never says "this domain".
constexpr std::string_view kParkingPhrases[] = {"this domain is for sale",
                                                "this domain may be for sale",
                                                "this domain name is for sale",
                                                "this domain name may be for sale",
                                                "the domain name is for sale",
                                                "buy this domain",
                                                "this domain is parked",
                                                "this domain name is parked",
                                                "is parked free, courtesy of",
                                                "parked domain name on",
                                                "registered at namecheap.com",
                                                "this domain has expired",
                                                "domain name is available for purchase",
                                                "dieser domainname steht zum verkauf",
                                                "diese domain steht zum verkauf",
                                                "ce nom de domaine est à vendre",
                                                "este dominio está a la venta"};

constexpr std::string_view kParkingSegments[] = {
    "domain for sale", "domain for sale!", "domain name for sale", "domain parking",
    "parked domain",   "domain parked",    "domain is parked"};

// Hosts (and their subdomains) that serve nothing but parking or domain-sale pages.
constexpr std::string_view kParkingHosts[] = {
    "sedoparking.com", "sedo.com",       "parkingcrew.net",   "bodis.com",
    "hugedomains.com", "dan.com",        "afternic.com",      "above.com",
    "parklogic.com",   "buydomains.com", "undeveloped.com",   "domainmarket.com",
    "squadhelp.com",   "dsparking.com",  "domainsponsor.com", "parkingpage.namecheap.com",
    "brandbucket.com", "sav.com",        "uniregistry.com",   "efty.com"};

bool is_domain_label_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// "example.com", "www.example-health.org": labels joined by dots, the last one letters only.
bool is_domain_name(std::string_view text) {
  if (text.empty() || text.find('.') == std::string_view::npos) return false;
  for (char c : text)
    if (c != '.' && !is_domain_label_char(c)) return false;
  const std::string_view tld = text.substr(text.rfind('.') + 1);
  if (tld.size() < 2) return false;
  for (char c : tld)
    if (c < 'a' || c > 'z') return false;
  return text.front() != '.' && text.find("..") == std::string_view::npos;
}

// "example.com is for sale", "the domain name example.com is for sale!" as a title segment.
bool offers_domain_for_sale(std::string_view segment) {
  while (!segment.empty() && (segment.back() == '!' || segment.back() == '.'))
    segment.remove_suffix(1);
  constexpr std::string_view kTail = " is for sale";
  if (segment.size() <= kTail.size() || segment.substr(segment.size() - kTail.size()) != kTail)
    return false;
  std::string_view name = segment.substr(0, segment.size() - kTail.size());
  for (std::string_view lead : {"the domain name ", "the domain ", "domain "})
    if (name.substr(0, lead.size()) == lead) name.remove_prefix(lead.size());
  return is_domain_name(name);
}

}  // namespace

bool is_parking_title(std::string_view text) {
  const std::string folded = fold_wording(text);
  if (contains_any(folded, kParkingPhrases) || segment_is_any(folded, kParkingSegments))
    return true;
  bool offered = false;
  for_each_segment(folded,
                   [&](std::string_view s) { offered = offered || offers_domain_for_sale(s); });
  return offered;
}

bool is_parking_host(std::string_view host) {
  for (std::string_view domain : kParkingHosts)
    if (host_matches(host, domain)) return true;
  return false;
}

bool is_parking_url(std::string_view url) {
  CurlUrl parsed;
  if (parsed.set_url(std::string(url))) return false;
  const std::string host = ascii_lower(parsed.get(CURLUPART_HOST).value_or(""));
  if (is_parking_host(host)) return true;
  // GoDaddy's own site is not a parking service, its for-sale pages are.
  const std::string path = ascii_lower(parsed.get(CURLUPART_PATH).value_or(""));
  return host_matches(host, "godaddy.com") && path.rfind("/forsale/", 0) == 0;
}

bool is_parking_script_src(std::string_view src) {
  if (src.size() < 8) return false;
  const std::string folded = ascii_lower(src);
  if (folded.find("/adsense/domains/caf.js") != std::string::npos) return true;
  // Only the script's own host counts: "...?ref=https://dan.com/" names the host in a query.
  const std::size_t slashes = folded.find("//");
  if (slashes == std::string::npos) return false;
  std::string_view host = std::string_view(folded).substr(slashes + 2);
  host = host.substr(0, host.find_first_of("/?#:"));
  for (std::string_view domain : kParkingHosts)
    if (host_matches(host, domain)) return true;
  return false;
}

bool is_parking_script(std::string_view text) {
  // Landers are a few KB; a long script is the site's own code.
  if (text.size() > 16 * 1024) return false;
  for (std::size_t at = text.find("window.park"); at != std::string_view::npos;
       at = text.find("window.park", at + 1)) {
    std::size_t i = at + 11;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i < text.size() && text[i] == '=' && (i + 1 >= text.size() || text[i + 1] != '='))
      return true;
  }
  const bool lander = text.find("\"/lander\"") != std::string_view::npos ||
                      text.find("'/lander'") != std::string_view::npos;
  return lander && text.find("location") != std::string_view::npos;
}

}  // namespace linkhealth
