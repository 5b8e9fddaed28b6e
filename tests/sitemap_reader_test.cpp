#include "extract/sitemap_reader.h"

#include <zlib.h>
#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace linkhealth;

namespace {

struct Read {
  std::vector<SitemapEntry> entries;
  std::vector<std::string> children;
  bool fed = true;
  bool finished = false;
  SitemapKind kind = SitemapKind::Unknown;
  bool capped = false;
  std::string error;
};

/// Feeds `body` in pieces of `piece` bytes (0: at once).
Read read_sitemap(const std::string& body, std::size_t piece = 0, SitemapFileLimits limits = {}) {
  Read out;
  SitemapReader reader([&](const SitemapEntry& e) { out.entries.push_back(e); },
                       [&](const std::string& loc) { out.children.push_back(loc); }, limits);
  if (piece == 0) piece = body.size() + 1;
  for (std::size_t at = 0; at < body.size() && out.fed; at += piece) {
    out.fed = reader.feed(std::string_view(body).substr(at, piece));
  }
  out.finished = reader.finish();
  out.kind = reader.kind();
  out.capped = reader.capped();
  out.error = reader.error();
  return out;
}

std::string gzip(const std::string& text) {
  z_stream z{};
  REQUIRE(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&z, text.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

const std::string kNews = R"(<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url>
    <loc> https://news.example/2021/05/hospitals-expand-telehealth?a=1&amp;b=2 </loc>
    <lastmod>2021-05-04</lastmod>
    <news:news>
      <news:publication><news:name>Example News</news:name><news:language>en</news:language></news:publication>
      <news:title>Hospitals expand telehealth &amp; remote care &#8212; again</news:title>
    </news:news>
    <image:image><image:title>A photo caption, not the headline</image:title></image:image>
  </url>
  <url><loc>https://news.example/articles/12345</loc></url>
  <url><lastmod>2020-01-01</lastmod></url>
</urlset>
)";

}  // namespace

TEST_CASE("a news sitemap gives loc, lastmod and the news title, whatever the chunking",
          "[extract][sitemap]") {
  for (std::size_t piece : {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::size_t{64}}) {
    INFO("piece " << piece);
    const Read r = read_sitemap(kNews, piece);
    CHECK(r.finished);
    CHECK(r.error.empty());
    CHECK(r.kind == SitemapKind::UrlSet);
    REQUIRE(r.entries.size() == 2);  // the entry without <loc> is dropped
    CHECK(r.entries[0].loc == "https://news.example/2021/05/hospitals-expand-telehealth?a=1&b=2");
    CHECK(r.entries[0].lastmod == "2021-05-04");
    CHECK(r.entries[0].news_title == "Hospitals expand telehealth & remote care \u2014 again");
    CHECK(r.entries[1].loc == "https://news.example/articles/12345");
    CHECK(r.entries[1].news_title.empty());
    CHECK(r.children.empty());
  }
}

TEST_CASE("a sitemap index lists its children", "[extract][sitemap]") {
  const std::string index = R"(<?xml version="1.0"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://a.example/sitemap-1.xml.gz</loc><lastmod>2024-01-01</lastmod></sitemap>
  <sitemap><loc>https://a.example/sitemap-2.xml</loc></sitemap>
</sitemapindex>)";
  const Read r = read_sitemap(index, 5);
  CHECK(r.finished);
  CHECK(r.kind == SitemapKind::Index);
  CHECK(r.entries.empty());
  CHECK(r.children == std::vector<std::string>{"https://a.example/sitemap-1.xml.gz",
                                               "https://a.example/sitemap-2.xml"});
}

TEST_CASE("a gzip sitemap is inflated, split anywhere, even inside the magic bytes",
          "[extract][sitemap]") {
  const std::string packed = gzip(kNews);
  for (std::size_t piece : {std::size_t{0}, std::size_t{1}, std::size_t{3}, std::size_t{100}}) {
    INFO("piece " << piece);
    const Read r = read_sitemap(packed, piece);
    CHECK(r.finished);
    REQUIRE(r.entries.size() == 2);
    CHECK(r.entries[0].news_title == "Hospitals expand telehealth & remote care \u2014 again");
  }
  SECTION("two gzip members are one file") {
    const std::string a = "<urlset><url><loc>https://x.example/a</loc></url>";
    const std::string b = "<url><loc>https://x.example/b</loc></url></urlset>";
    const Read r = read_sitemap(gzip(a) + gzip(b), 10);
    CHECK(r.finished);
    CHECK(r.entries.size() == 2);
  }
  SECTION("a truncated gzip file is an error, and what came before stays") {
    const Read r = read_sitemap(packed.substr(0, packed.size() - 12));
    CHECK_FALSE(r.finished);
    CHECK(r.error.find("gzip") != std::string::npos);
  }
  SECTION("bytes that are no gzip after the magic are an error") {
    const Read r = read_sitemap(std::string("\x1f\x8b", 2) + std::string(100, 'x'));
    CHECK_FALSE(r.finished);
    CHECK(r.error.find("gzip") != std::string::npos);
  }
}

TEST_CASE("what is no sitemap is refused with a reason", "[extract][sitemap]") {
  SECTION("an HTML page") {
    const Read r = read_sitemap("<html><head><title>Home</title></head><body></body></html>");
    CHECK_FALSE(r.finished);
    CHECK(r.kind == SitemapKind::Unknown);
    CHECK(r.error.find("not a sitemap") != std::string::npos);
  }
  SECTION("malformed XML names its line") {
    const Read r =
        read_sitemap("<urlset>\n<url><loc>https://a.example/</loc></url>\n<url></urlset>");
    CHECK_FALSE(r.finished);
    CHECK(r.entries.size() == 1);
    CHECK(r.error.rfind("line 3:", 0) == 0);
  }
  SECTION("entity declarations (the XML bomb) are refused") {
    const Read r = read_sitemap(
        "<?xml version=\"1.0\"?><!DOCTYPE urlset [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
        "\"&a;&a;&a;&a;&a;&a;\">]><urlset><url><loc>&b;</loc></url></urlset>");
    CHECK_FALSE(r.finished);
    CHECK(r.entries.empty());
    CHECK(r.error.find("entities") != std::string::npos);
  }
  SECTION("an empty body") {
    const Read r = read_sitemap("");
    CHECK_FALSE(r.finished);
  }
  SECTION("a <loc> longer than any URL is dropped, the rest is read") {
    const Read r = read_sitemap("<urlset><url><loc>https://a.example/" + std::string(5000, 'a') +
                                "</loc></url><url><loc>https://a.example/b</loc></url></urlset>");
    CHECK(r.finished);
    REQUIRE(r.entries.size() == 1);
    CHECK(r.entries[0].loc == "https://a.example/b");
  }
}

TEST_CASE("the limits stop a huge sitemap, and what was read stays", "[extract][sitemap]") {
  std::string body = "<urlset>";
  for (int i = 0; i < 100; ++i) {
    body += "<url><loc>https://a.example/" + std::to_string(i) + "</loc></url>";
  }
  body += "</urlset>";
  SECTION("entries") {
    const Read r = read_sitemap(body, 17, SitemapFileLimits{1 << 20, 10});
    CHECK(r.finished);  // a limit is no error
    CHECK(r.capped);
    CHECK_FALSE(r.fed);
    CHECK(r.entries.size() == 10);
    CHECK(r.error.find("more than 10 entries") != std::string::npos);
  }
  SECTION("decoded bytes, also when they come from a small gzip file") {
    const Read r = read_sitemap(gzip(body), 0, SitemapFileLimits{500, 1000});
    CHECK(r.capped);
    CHECK(r.entries.size() < 100);
    CHECK_FALSE(r.entries.empty());
    CHECK(r.error.find("larger than 500 bytes") != std::string::npos);
  }
}
