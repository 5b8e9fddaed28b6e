// Hostile bodies: endless, decompression bombs, a 10 MB single line, UTF-16. Each crawl must
// return with a clear verdict and keep at most --max-head-bytes of any body.
#include <brotli/encode.h>
#include <curl/curl.h>
#include <zlib.h>

#include <catch2/catch.hpp>
#include <stdexcept>

#include "crawler/curl_transport.h"
#include "tests/crawler_test_support.h"
#include "tests/web/raw_web.h"

using namespace linkhealth;
using namespace linkhealth::testing;

namespace {

constexpr long kCap = 64 * 1024;
constexpr std::size_t kMiB = 1024 * 1024;

/// `head` followed by `pad_mib` MiB of spaces, gzip-encoded as a stream (no big buffer).
std::string gzip_bomb(const std::string& head, std::size_t pad_mib) {
  z_stream z{};
  if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("deflateInit2 failed");
  }
  std::string out;
  std::string pad(kMiB, ' ');
  char buffer[65536];
  const auto feed = [&](const std::string& in, int flush) {
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    do {
      z.next_out = reinterpret_cast<Bytef*>(buffer);
      z.avail_out = sizeof buffer;
      deflate(&z, flush);
      out.append(buffer, sizeof buffer - z.avail_out);
    } while (z.avail_out == 0);
  };
  feed(head, Z_NO_FLUSH);
  for (std::size_t i = 0; i < pad_mib; ++i) feed(pad, Z_NO_FLUSH);
  feed(std::string(), Z_FINISH);
  deflateEnd(&z);
  return out;
}

/// The same with brotli.
std::string brotli_bomb(const std::string& head, std::size_t pad_mib) {
  BrotliEncoderState* s = BrotliEncoderCreateInstance(nullptr, nullptr, nullptr);
  if (s == nullptr) throw std::runtime_error("BrotliEncoderCreateInstance failed");
  BrotliEncoderSetParameter(s, BROTLI_PARAM_QUALITY, 1);
  std::string out;
  std::string pad(kMiB, ' ');
  const auto feed = [&](const std::string& in, BrotliEncoderOperation op) {
    std::size_t avail_in = in.size();
    const auto* next_in = reinterpret_cast<const uint8_t*>(in.data());
    do {
      std::size_t avail_out = 0;
      BrotliEncoderCompressStream(s, op, &avail_in, &next_in, &avail_out, nullptr, nullptr);
      std::size_t size = 0;
      const uint8_t* data = BrotliEncoderTakeOutput(s, &size);
      out.append(reinterpret_cast<const char*>(data), size);
    } while (avail_in > 0 || BrotliEncoderHasMoreOutput(s) ||
             (op == BROTLI_OPERATION_FINISH && !BrotliEncoderIsFinished(s)));
  };
  feed(head, BROTLI_OPERATION_PROCESS);
  for (std::size_t i = 0; i < pad_mib; ++i) feed(pad, BROTLI_OPERATION_PROCESS);
  feed(std::string(), BROTLI_OPERATION_FINISH);
  BrotliEncoderDestroyInstance(s);
  return out;
}

testweb::Reply encoded(std::string body, const std::string& encoding,
                       const std::string& type = "text/html; charset=utf-8") {
  testweb::Reply r;
  r.content_type = type;
  r.headers = {{"Content-Encoding", encoding}};
  r.body = std::move(body);
  return r;
}

FetchOptions hostile_options(int port) {
  FetchOptions o = loopback_options(port);
  o.max_head_bytes = kCap;
  o.soft404_probe = false;
  o.retries = 0;
  o.per_host = 16;
  o.timeout_s = 20;  // generous: only a hang would reach it
  return o;
}

}  // namespace

TEST_CASE("libcurl here decodes gzip and brotli", "[crawler][hostile]") {
  const curl_version_info_data* info = curl_version_info(CURLVERSION_NOW);
  CHECK((info->features & CURL_VERSION_LIBZ) != 0);
  CHECK((info->features & CURL_VERSION_BROTLI) != 0);
}

TEST_CASE("decompression bombs keep at most the head cap", "[crawler][web][hostile]") {
  const std::string head = "<html><head><title>Bomb</title>";
  const std::string gzip = gzip_bomb(head, 64);       // 64 MiB decoded
  const std::string brotli = brotli_bomb(head, 256);  // 256 MiB decoded
  INFO("gzip " << gzip.size() << " bytes, brotli " << brotli.size() << " bytes");
  REQUIRE(gzip.size() < 256 * 1024);
  REQUIRE(brotli.size() < 64 * 1024);
  testweb::Scenario s;
  auto& b = s.hosts["bomb.web.test"];
  b["/gzip"].replies = {encoded(gzip, "gzip")};
  b["/br"].replies = {encoded(brotli, "br")};
  // Not HTML and small on the wire: the kind of body the engine drains for connection reuse.
  b["/br.bin"].replies = {encoded(brotli, "br", "application/octet-stream")};
  b["/gzip.bin"].replies = {encoded(gzip_bomb("", 16), "gzip", "application/octet-stream")};
  testweb::FixtureWeb web(s);
  const std::string base = "http://bomb.web.test";
  auto r = crawl(hostile_options(web.port()),
                 targets_of({base + "/gzip", base + "/br", base + "/br.bin", base + "/gzip.bin"}));
  for (const char* path : {"/gzip", "/br"}) {
    INFO(path);
    const CheckResult& bomb = r.at(base + path);
    CHECK(bomb.verdict == Verdict::Ok);
    CHECK(bomb.bytes == kCap);
    REQUIRE(bomb.page);
    CHECK(bomb.page->title == "Bomb");
  }
  for (const char* path : {"/br.bin", "/gzip.bin"}) {
    INFO(path);
    CHECK(r.at(base + path).verdict == Verdict::Ok);
    CHECK(r.at(base + path).bytes == 0);
  }
}

TEST_CASE("a small compressed body that is not HTML is not inflated to drain it",
          "[crawler][web][hostile]") {
  testweb::Scenario s;
  s.hosts["*"]["/bin"].replies = {encoded(gzip_bomb("", 16), "gzip", "application/octet-stream")};
  testweb::FixtureWeb web(s);
  boost::asio::io_context io;
  CurlTransport transport(io, hostile_options(web.port()));
  HttpRequest request;
  request.url = "http://bomb.web.test/bin";
  HttpResponse got;
  bool done = false;
  transport.start(request, [&](HttpResponse r) {
    got = std::move(r);
    done = true;
  });
  for (int slice = 0; slice < 300 && !done; ++slice) {
    io.restart();
    io.run_for(std::chrono::milliseconds(100));
  }
  REQUIRE(done);
  CHECK(got.error == TransferError::None);
  CHECK(got.status == 200);
  CHECK(got.body.empty());
  // 16 MiB decoded if drained to the end; one curl write past the 64 KB drain limit at most.
  CHECK(got.body_seen <= 64 * 1024 + CURL_MAX_WRITE_SIZE);
}

TEST_CASE("an endless body is cut at the head cap", "[crawler][web][hostile]") {
  const std::string chunk(4096, 'a');
  const std::string chunked = "1000\r\n" + chunk + "\r\n";
  const std::string html_head =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
      "22\r\n<html><head><title>Endless</title>\r\n";
  const std::string bin_head =
      "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
      "Transfer-Encoding: chunked\r\n\r\n";
  // A Content-Length that is a lie: the server keeps sending past it.
  const std::string length_lie =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 999999999\r\n\r\n"
      "<html><head><title>Liar</title>";
  std::map<std::string, testweb::RawScript> scripts;
  scripts["/html"].steps = {{html_head}, {chunked, 0, 0, true}};
  scripts["/bin"].steps = {{bin_head}, {chunked, 0, 0, true}};
  scripts["/lie"].steps = {{length_lie}, {chunk, 0, 0, true}};
  testweb::RawWeb raw(scripts);
  const std::string base = "http://endless.web.test";
  auto r = crawl(hostile_options(raw.port()),
                 targets_of({base + "/html", base + "/bin", base + "/lie"}));
  const CheckResult& html = r.at(base + "/html");
  CHECK(html.verdict == Verdict::Ok);
  CHECK(html.bytes == kCap);
  REQUIRE(html.page);
  CHECK(html.page->title == "Endless");
  CHECK(r.at(base + "/bin").verdict == Verdict::Ok);
  CHECK(r.at(base + "/bin").bytes == 0);
  CHECK(r.at(base + "/lie").verdict == Verdict::Ok);
  CHECK(r.at(base + "/lie").bytes == kCap);
}

TEST_CASE("a 10 MB single-line page and a UTF-16 page", "[crawler][web][hostile]") {
  testweb::Scenario s;
  testweb::Reply line;
  line.body = "<html><head><title>One line</title><meta name=\"description\" content=\"" +
              std::string(10 * kMiB, 'x') + "\"></head><body></body></html>";
  s.hosts["big.web.test"]["/line"].replies = {line};
  // "<html><head><title>Bücher – UTF-16</title>..." in UTF-16LE with a BOM.
  const std::u16string text =
      u"<html><head><meta charset=\"utf-16\"><title>B\u00fccher \u2013 UTF-16</title>"
      u"<meta property=\"og:description\" content=\"Zw\u00f6lf Boxk\u00e4mpfer\">"
      u"</head><body><p>Hallo</p></body></html>";
  std::string utf16 = "\xff\xfe";
  for (char16_t c : text) {
    utf16 += static_cast<char>(c & 0xff);
    utf16 += static_cast<char>(c >> 8);
  }
  testweb::Reply wide;
  wide.content_type = "text/html; charset=utf-16";
  wide.body = utf16;
  s.hosts["big.web.test"]["/utf16"].replies = {wide};
  testweb::Reply bare = wide;  // no charset in the header: the BOM has to tell
  bare.content_type = "text/html";
  s.hosts["big.web.test"]["/utf16-bom"].replies = {bare};
  testweb::FixtureWeb web(s);
  const std::string base = "http://big.web.test";
  auto r = crawl(hostile_options(web.port()),
                 targets_of({base + "/line", base + "/utf16", base + "/utf16-bom"}));
  const CheckResult& big = r.at(base + "/line");
  CHECK(big.verdict == Verdict::Ok);
  CHECK(big.bytes == kCap);
  REQUIRE(big.page);
  CHECK(big.page->title == "One line");
  for (const char* path : {"/utf16", "/utf16-bom"}) {
    INFO(path);
    const CheckResult& page16 = r.at(base + path);
    CHECK(page16.verdict == Verdict::Ok);
    CHECK(page16.bytes <= kCap);
    REQUIRE(page16.page);
    CHECK(page16.page->title == "B\u00fccher \u2013 UTF-16");
    CHECK(page16.page->description == "Zw\u00f6lf Boxk\u00e4mpfer");
  }
}
