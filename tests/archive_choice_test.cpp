#include "crawler/archive_choice.h"

#include <catch2/catch.hpp>

using namespace linkhealth;

TEST_CASE("the CDX query and the snapshot URL", "[crawler][archive]") {
  CHECK(
      cdx_query_url("https://web.archive.org/", "https://news.example/a b?x=1&y=2#top") ==
      "https://web.archive.org/cdx/search/cdx?url=https://news.example/a%20b%3Fx%3D1%26y%3D2%23top"
      "&output=json&filter=statuscode:200&fl=timestamp,original,statuscode");
  CHECK(snapshot_url("https://web.archive.org//", "20190314083000", "http://news.example/a?b=1") ==
        "https://web.archive.org/web/20190314083000/http://news.example/a?b=1");
}

TEST_CASE("a CDX answer reads as its 200 captures", "[crawler][archive]") {
  const std::string answer = R"([["timestamp","original","statuscode"],
    ["20180101000000","http://news.example/a","200"],
    ["20190101000000","http://news.example/a","301"],
    ["2019","http://news.example/a","200"],
    ["20200101000000","http://news.example/a","200"],
    ["20210101000000","","200"],
    "not a row"])";
  CHECK(parse_cdx(answer) == std::vector<CdxCapture>{{"20180101000000", "http://news.example/a"},
                                                     {"20200101000000", "http://news.example/a"}});
  SECTION("the fields are found by their names, in any order, and without a status column") {
    CHECK(
        parse_cdx(
            R"([["urlkey","original","timestamp"],["k","http://a.example/","20200101000000"]])") ==
        std::vector<CdxCapture>{{"20200101000000", "http://a.example/"}});
  }
  SECTION("no captures, no JSON, another shape") {
    CHECK(parse_cdx("[]").empty());
    CHECK(parse_cdx("").empty());
    CHECK(parse_cdx("<html>rate limited</html>").empty());
    CHECK(parse_cdx(R"({"timestamp": "20200101000000"})").empty());
    CHECK(parse_cdx(R"([["timestamp","original","statuscode"]])").empty());
  }
}

TEST_CASE("front matter dates become capture times", "[crawler][archive]") {
  CHECK(capture_time_of("2019-03-28T11:29:25Z") == "20190328112925");
  CHECK(capture_time_of("2019-03-28T11:29:25.123456Z") == "20190328112925");
  CHECK(capture_time_of("'2019-03-28T11:29:25+02:00'") == "20190328092925");
  CHECK(capture_time_of("2019-03-28T01:29:25-0300") == "20190328042925");
  CHECK(capture_time_of("2019-03-28 11:29:25") == "20190328112925");
  CHECK(capture_time_of("2019-03-28T11:29") == "20190328112900");
  CHECK(capture_time_of("2019-03-28") == "20190328235959");  // the whole day counts as before
  CHECK(capture_time_of("2019-12-31T23:30:00-01:00") == "20200101003000");
  CHECK_FALSE(capture_time_of(""));
  CHECK_FALSE(capture_time_of("March 2019"));
  CHECK_FALSE(capture_time_of("2019-13-01"));
  CHECK_FALSE(capture_time_of("2019-03-28Tnoon"));
  CHECK_FALSE(capture_time_of("2019-03-28T11:29:25 GMT"));
}

TEST_CASE("the capture closest before curation, else the first after", "[crawler][archive]") {
  const std::vector<CdxCapture> captures{{"20200101000000", "u"},
                                         {"20180101000000", "u"},
                                         {"20190601000000", "u"},
                                         {"20210101000000", "u"}};
  CHECK(choose_capture(captures, std::string("20190701000000"))->timestamp == "20190601000000");
  CHECK(choose_capture(captures, std::string("20190601000000"))->timestamp == "20190601000000");
  CHECK(choose_capture(captures, std::string("20170101000000"))->timestamp == "20180101000000");
  CHECK(choose_capture(captures, std::string("20300101000000"))->timestamp == "20210101000000");
  CHECK(choose_capture(captures, std::nullopt)->timestamp == "20180101000000");
  CHECK_FALSE(choose_capture({}, std::string("20190101000000")));
}

TEST_CASE("the archive record names the snapshot and the curation date", "[crawler][archive]") {
  const std::string answer = R"([["timestamp","original","statuscode"],
    ["20180101000000","http://news.example/a","200"],
    ["20190301000000","https://news.example/a","200"],
    ["20190401000000","https://news.example/a","404"]])";
  const auto chosen = archive_capture("https://web.archive.org", answer, "2019-03-28");
  REQUIRE(chosen);
  CHECK(chosen->url == "https://web.archive.org/web/20190301000000/https://news.example/a");
  CHECK(chosen->timestamp == "20190301000000");
  CHECK(chosen->curated_at == "2019-03-28");
  CHECK_FALSE(archive_capture("https://web.archive.org", "[]", "2019-03-28"));
}
