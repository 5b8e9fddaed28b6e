// Parked domains: for-sale and parking pages by wording, markup and host.
#include <catch2/catch.hpp>

#include "extract/page_signals.h"
#include "extract/parked_domain.h"
#include "tests/long_tail_pages.h"

using namespace linkhealth;
using linkhealth::testing::fixture_meta;
using linkhealth::testing::has_signal;

TEST_CASE("for-sale and parking titles", "[parked]") {
  for (const char* title : {
           "CareNewsNow.com is for sale | HugeDomains",
           "The domain name wellnesswire.net is for sale",
           "wellnesswire.net is for sale!",
           "This domain may be for sale!",
           "medtrendsjournal.com - This domain is for sale",
           "Buy this domain. healthtechdaily.com",
           "Parked Domain name on Hostinger DNS system",
           "healthtechdaily.com - Registered at Namecheap.com",
           "Domain for sale",
           "This web page is parked FREE, courtesy of GoDaddy.com",
           "Diese Domain steht zum Verkauf",
       }) {
    INFO(title);
    CHECK(is_parking_title(title));
  }
  for (const char* title : {
           "Rural hospital is for sale as finances falter",
           "Steward Health Care's hospitals are for sale",
           "Why domain names matter for hospital brands",
           "Parking fees at hospitals draw patient complaints",
           "healthtechdaily.com",
           "",
       }) {
    INFO(title);
    CHECK_FALSE(is_parking_title(title));
  }
}

TEST_CASE("parking hosts, for-sale URLs and parking scripts", "[parked]") {
  CHECK(is_parking_host("sedoparking.com"));
  CHECK(is_parking_host("img.sedoparking.com"));
  CHECK(is_parking_host("www.hugedomains.com"));
  CHECK(is_parking_host("dan.com"));
  CHECK_FALSE(is_parking_host("jordan.com"));
  CHECK_FALSE(is_parking_host("www.statnews.com"));
  CHECK(is_parking_url("https://www.hugedomains.com/domain_profile.cfm?d=CareNewsNow.com"));
  CHECK(is_parking_url("https://dan.com/buy-domain/wellnesswire.net?redirected=true"));
  CHECK(is_parking_url("https://www.afternic.com/forsale/medtrendsjournal.com?traffic_type=TDFS"));
  CHECK(is_parking_url("https://www.godaddy.com/forsale/medtrendsjournal.com"));
  CHECK_FALSE(is_parking_url("https://www.godaddy.com/garage/healthcare-websites/"));
  CHECK_FALSE(is_parking_url("/domain_profile.cfm"));

  CHECK(is_parking_script_src("//img.sedoparking.com/js/jquery-1.11.2.min.js"));
  CHECK(is_parking_script_src("https://www.google.com/adsense/domains/caf.js"));
  CHECK(is_parking_script_src("http://www.parkingcrew.net/assets/scripts/main.js?abp=1"));
  CHECK_FALSE(is_parking_script_src("https://www.googletagmanager.com/gtag/js?id=G-1"));
  CHECK_FALSE(is_parking_script_src("https://cdn.jordan.com/app.js"));
  CHECK_FALSE(is_parking_script_src("/js/sedo.com.js"));
  // A parking host named in the query is not the script's host.
  CHECK_FALSE(is_parking_script_src("https://cdn.sharethis.example/share.js?ref=https://dan.com/"));

  CHECK(is_parking_script("window.park = \"eyJ1dWlkIjoiMmY3YzBh\";"));
  CHECK(is_parking_script("window.onload=function(){window.location.href=\"/lander\"}"));
  CHECK_FALSE(is_parking_script("if (window.park == null) { init(); }"));
  CHECK_FALSE(is_parking_script("var landers = ['/landers/a']; location.hash = '';"));
}

TEST_CASE("parking pages as the platforms serve them", "[parked][page_meta]") {
  for (const char* page : {"parked_sedo.html", "parked_hugedomains.html", "parked_lander.html",
                           "parked_lander_stub.html", "parked_dan.html"}) {
    INFO(page);
    CHECK(has_signal(fixture_meta(page), kSignalParkedDomain));
  }
  // A refresh to a parking host is a parked page too, whatever the delay.
  const PageMeta refresh = read_page_meta(
      "<html><head><meta http-equiv=refresh content=\"30;url=https://www.hugedomains.com/"
      "domain_profile.cfm?d=carenewsnow.com\"></head></html>",
      "text/html", "https://carenewsnow.com/2019/04/telehealth");
  CHECK(has_signal(refresh, kSignalParkedDomain));
}
