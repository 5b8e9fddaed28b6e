#include "crawler/curl_transport.h"

#include <sys/socket.h>

#include <algorithm>
#include <charconv>
#include <ctime>
#include <initializer_list>
#include <string_view>
#include <utility>

#include "crawler/address_guard.h"
#include "crawler/connection_budget.h"
#include "crawler/retry_policy.h"
#include "crawler/url_parts.h"
#include "extract/ascii.h"
#include "extract/url_cleaner.h"
#include "extract/url_resolution.h"

namespace linkhealth {

namespace {

constexpr long kDrainableBody = 64 * 1024;  // small unwanted bodies are read to keep the
                                            // connection reusable instead of aborting
// The rest of a page whose head we have is read too, when the host has more requests queued
// for the connection and the rest is at most this: on loopback a new connection cost more
// CPU than 100 KB read on the old one (a 10,000-file crawl opened 12,700 connections for
// about 15,000 requests), and on the web it costs a handshake or two round trips.
constexpr long kDrainablePageRest = 128 * 1024;
constexpr std::size_t kMaxHeaderValue = 1024;  // longer values we keep are cut: they go to
                                               // the database and the report

std::string capped(std::string_view value) {
  return std::string(value.substr(0, kMaxHeaderValue));
}

TransferError classify(CURLcode rc) {
  const auto one_of = [rc](std::initializer_list<CURLcode> codes) {
    return std::find(codes.begin(), codes.end(), rc) != codes.end();
  };
  if (rc == CURLE_OK) return TransferError::None;
  if (rc == CURLE_OPERATION_TIMEDOUT) return TransferError::Timeout;
  if (rc == CURLE_COULDNT_RESOLVE_HOST) return TransferError::Resolve;
  if (rc == CURLE_COULDNT_CONNECT) return TransferError::Connect;
  if (one_of({CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE,
              CURLE_HTTP2, CURLE_HTTP2_STREAM}))
    return TransferError::Reset;
  // Only http(s) reach curl, so an unsupported protocol is an HTTP/0.9 answer; out of memory
  // is 7.88's answer to a header line over 100 KB.
  if (one_of({CURLE_WEIRD_SERVER_REPLY, CURLE_UNSUPPORTED_PROTOCOL, CURLE_OUT_OF_MEMORY}))
    return TransferError::BadReply;
  if (one_of({CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
              CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR,
              CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CRL_BADFILE}))
    return TransferError::Tls;
  if (rc == CURLE_URL_MALFORMAT) return TransferError::Invalid;
  if (rc == CURLE_ABORTED_BY_CALLBACK) return TransferError::Aborted;
  return TransferError::Other;
}

}  // namespace

std::size_t find_head_end(std::string_view body, std::size_t from) {
  // memchr: every byte of every head passes through here.
  for (std::size_t i = body.find('<', from); i != std::string_view::npos;
       i = body.find('<', i + 1)) {
    const std::string_view rest = body.substr(i + 1);
    if (starts_with_ignoring_case(rest, "/head") || starts_with_ignoring_case(rest, "body"))
      return i;
  }
  return std::string_view::npos;
}

// Bytes of <body> kept after the head ends (see the write callback).
constexpr std::size_t kBodyTail = 4096;
// Most an error (4xx/5xx) body may cost. Its verdict comes from the status; the body only
// adds a bot-challenge title or a "not found" heading, which sit in the first few KB, so a
// 1 MB error page (or one whose head is a wall of inline CSS) is not worth reading.
constexpr long kErrorBodyCap = 16 * 1024;

struct CurlTransport::Exchange {
  EasyHandle easy;
  Slist headers;
  HttpResponse response;
  Done done;
  long max_head = 0;
  bool allow_private = false;
  bool read_any = false;
  std::function<bool(std::string_view)> stream;  // HttpRequest::on_body
  bool fresh_handle = true;                      // `easy` is new, not one an earlier exchange used
  bool keep_connection = false;       // the request may leave its connection for the next
  long drain_limit = kDrainableBody;  // unwanted body bytes read rather than abort
  std::string refused;                // address-guard reason, set by the open-socket callback
  // State of the current header block (a 1xx block is followed by the final one).
  bool want_body = false;
  bool stopped = false;     // we ended the transfer on purpose: CURLE_WRITE_ERROR is success
  std::string retry_after;  // raw value, parsed when the exchange ends
  // libcurl resolves Location into CURLINFO_REDIRECT_URL only when a transfer completes, and
  // a redirect is ended at its headers whenever its body's length is not known up front
  // (chunked, close-delimited, HTTP/2 without content-length): the target is kept from here.
  std::string location;
  bool encoded = false;
  long content_length = -1;
  long received = 0;
  char error[CURL_ERROR_SIZE] = {};

  /// A curl header or write callback handing the bytes to `Take`. An exception ends the
  /// transfer (curl sees a short count) instead of unwinding through C.
  template <std::size_t (Exchange::*Take)(std::string_view)>
  static std::size_t on_data(char* data, std::size_t size, std::size_t count, void* self) noexcept {
    try {
      return (static_cast<Exchange*>(self)->*Take)(std::string_view(data, size * count));
    } catch (...) {
      return 0;
    }
  }
  static curl_socket_t on_open(void* self, curlsocktype purpose, curl_sockaddr* address) noexcept;

  std::size_t header_line(std::string_view line);
  std::size_t body_chunk(std::string_view chunk);
};

curl_socket_t CurlTransport::Exchange::on_open(void* self, curlsocktype purpose,
                                               curl_sockaddr* address) noexcept {
  // Checked before connect() on the address curl resolved, so DNS answers, --resolve and
  // redirects cannot smuggle a request to an internal service. Reused connections were
  // checked when they were opened.
  auto* exchange = static_cast<Exchange*>(self);
  if (purpose == CURLSOCKTYPE_IPCXN) {
    const AddressClass cls = classify_address(&address->addr);
    if (!address_allowed(cls, exchange->allow_private)) {
      try {
        exchange->refused = std::string(to_string(cls)) + " address refused by the address guard";
      } catch (...) {
      }
      return CURL_SOCKET_BAD;
    }
  }
  return ::socket(address->family, address->socktype, address->protocol);
}

std::size_t CurlTransport::Exchange::header_line(std::string_view line) {
  HttpResponse& r = response;
  if (starts_with_ignoring_case(line, "http/")) {
    // A new header block (after 1xx or a proxy CONNECT): forget the previous one.
    const int status = r.status;
    r = HttpResponse{};
    r.status = status;
    retry_after.clear();
    location.clear();
    encoded = false;
    content_length = -1;
    return line.size();
  }
  const std::string_view trimmed = trim_ascii(line);
  if (trimmed.empty()) {
    long status = 0;
    curl_easy_getinfo(easy.get(), CURLINFO_RESPONSE_CODE, &status);
    r.status = static_cast<int>(status);
    if (status < 200) return line.size();
    want_body = stream ? status >= 200 && status < 300 && status != 204
                       : (read_any || is_html_content_type(r.content_type)) && status != 204 &&
                             status != 304 && (status < 300 || status >= 400);
    if (status >= 400 && !read_any) max_head = std::min(max_head, kErrorBodyCap);
    if (!want_body && (content_length < 0 || content_length > kDrainableBody)) {
      stopped = true;  // nothing more to learn: end the transfer after the headers
      return 0;
    }
    return line.size();
  }
  const std::size_t colon = trimmed.find(':');
  if (colon == std::string_view::npos) return line.size();
  const std::string name = ascii_lower(trimmed.substr(0, colon));
  const std::string_view value = trim_ascii(trimmed.substr(colon + 1));
  if (name == "content-type") {
    r.content_type = capped(value);
  } else if (name == "etag") {
    r.etag = capped(value);
  } else if (name == "last-modified") {
    r.last_modified = capped(value);
  } else if (name == "retry-after") {
    retry_after = capped(value);
  } else if (name == "location") {
    if (location.empty()) location = std::string(value);  // the first one, as curl does
  } else if (name == "cf-mitigated") {
    r.cf_mitigated = true;
  } else if (name == "content-encoding") {
    encoded = value != "identity";
  } else if (name == "content-length") {
    long n = -1;
    std::from_chars(value.data(), value.data() + value.size(), n);
    content_length = n;
  }
  return line.size();
}

std::size_t CurlTransport::Exchange::body_chunk(std::string_view chunk) {
  received += static_cast<long>(chunk.size());
  if (!want_body) {
    // A small body we drain for connection reuse. `received` counts decoded bytes, so a
    // compressed bomb that is small on the wire stops here instead of inflating for minutes.
    if (received <= drain_limit) return chunk.size();
    stopped = true;
    return 0;
  }
  if (stream) {
    if (stream(chunk)) return chunk.size();
    stopped = true;
    return 0;
  }
  std::string& body = response.body;
  const std::size_t old_size = body.size();
  const std::size_t room =
      static_cast<std::size_t>(max_head) - std::min<std::size_t>(old_size, max_head);
  body.append(chunk.substr(0, room));
  const std::size_t head_end = find_head_end(body, old_size > 6 ? old_size - 6 : 0);
  const bool head_done = head_end != std::string_view::npos;
  if (!head_done && body.size() < static_cast<std::size_t>(max_head)) return chunk.size();
  // Keep only the start of the body: enough for an <h1> that says "not found", while the rest
  // of a 16 KB chunk would cost most of the parse time (Gumbo is ~2/3 of crawl CPU).
  if (head_done && body.size() > head_end + kBodyTail) body.resize(head_end + kBodyTail);
  // Enough read. If the response is complete anyway, let it finish so the connection stays
  // reusable; the same if the rest is short and another request waits for the connection.
  // Otherwise stop the transfer here.
  const bool length_known = !encoded && content_length >= 0;  // on the wire, as we count
  if (length_known && received >= content_length) return chunk.size();
  want_body = false;
  if (keep_connection && length_known && content_length - received <= kDrainablePageRest) {
    drain_limit = content_length;
    return chunk.size();
  }
  stopped = true;
  return 0;
}

CurlTransport::CurlTransport(boost::asio::io_context& io, const FetchOptions& options)
    : options_(options),
      user_agent_(options.user_agent.empty() ? default_user_agent() : options.user_agent),
      resolve_(make_slist(options.resolve)),
      connect_to_(make_slist(options.connect_to)),
      multi_(io, [this](CURL* easy, CURLcode result) { finish(easy, result); }) {
  // libcurl's default (4 x transfers in flight, 256) is below the hosts a polite crawl has
  // waiting for their next turn, each with an idle connection, so it kept evicting; see the
  // FORBID_REUSE comment for why an eviction costs so much in 7.88.
  curl_multi_setopt(multi_.native(), CURLMOPT_MAXCONNECTS,
                    reserve_connection_budget(options.concurrency));
}

CurlTransport::~CurlTransport() {
  abort_all();
}

void CurlTransport::abort_all() {
  for (auto& [easy, exchange] : exchanges_) multi_.remove(easy);
  exchanges_.clear();
}

void CurlTransport::start(const HttpRequest& request, Done done) {
  auto exchange = std::make_unique<Exchange>();
  take_easy(*exchange);
  exchange->done = std::move(done);
  exchange->max_head = options_.max_head_bytes;
  exchange->allow_private = options_.allow_private || request.trusted_address;
  exchange->read_any = request.read_any_body;
  exchange->stream = request.on_body;
  exchange->keep_connection = request.keep_connection;
  configure(*exchange, request);
  CURL* easy = exchange->easy.get();
  exchanges_.emplace(easy, std::move(exchange));
  multi_.add(easy);
}

void CurlTransport::take_easy(Exchange& exchange) {
  exchange.fresh_handle = spare_.empty();
  if (!exchange.fresh_handle) {
    exchange.easy = std::move(spare_.back());
    spare_.pop_back();
    return;
  }
  exchange.easy.reset(curl_easy_init());
  if (!exchange.easy) throw std::runtime_error("curl_easy_init failed");
}

void CurlTransport::give_back(EasyHandle easy) {
  // A handle is used again rather than freed and made anew: curl_easy_cleanup and
  // curl_easy_init cost an allocation round per request. Not curl_easy_reset: configure() sets
  // every option on every exchange anyway, and in libcurl 7.88 the reset leaks the cookie-file
  // list. One spare per transfer in flight is all that can be asked for.
  if (spare_.size() >= static_cast<std::size_t>(std::max(1, options_.concurrency))) return;
  spare_.push_back(std::move(easy));
}

void CurlTransport::configure(Exchange& ex, const HttpRequest& request) {
  CURL* e = ex.easy.get();
  std::vector<std::string> headers = {"Accept: " + options_.accept,
                                      "Accept-Language: " + options_.accept_language};
  headers.insert(headers.end(), request.headers.begin(), request.headers.end());
  // Per-host user agent and headers follow the host of each hop, not of the first request.
  const HostOverride* host_override = nullptr;
  if (!options_.host_overrides.empty()) {
    if (auto parts = parse_url(request.url)) {
      auto it = options_.host_overrides.find(parts->host);
      if (it != options_.host_overrides.end()) host_override = &it->second;
    }
  }
  if (host_override != nullptr) {
    headers.insert(headers.end(), host_override->headers.begin(), host_override->headers.end());
  }
  const std::string& user_agent = host_override != nullptr && !host_override->user_agent.empty()
                                      ? host_override->user_agent
                                      : user_agent_;
  ex.headers = make_slist(headers);
  const auto ms = [](double s) { return static_cast<long>(s * 1000); };
  curl_easy_setopt(e, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
  curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);  // hops are followed by the engine
  curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_USERAGENT, user_agent.c_str());  // curl copies it
  curl_easy_setopt(e, CURLOPT_HTTPHEADER, ex.headers.get());
  curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(e, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
  // Waiting for a connection under way pays only where it may be multiplexed, and HTTP/2 is
  // asked for over TLS alone. Over plain http, libcurl still parked a request behind another
  // one's connection to the same host: with 512 in flight, 4 of 112,000 requests to the
  // largest hosts ran out of their time before resolving the name ("Failed to resolve host
  // ... with timeout after 0 ms").
  curl_easy_setopt(e, CURLOPT_PIPEWAIT,
                   starts_with_ignoring_case(request.url, "https://") ? 1L : 0L);
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  // Keep resolved names for the whole run (one process). With a timeout, libcurl prunes its
  // DNS cache by walking every entry as transfers end, a cost of transfers x cached names; at
  // tens of thousands of hosts that walk dominates the crawl's CPU. A shorter
  // timeout is worse: each expired name costs a resolver thread. The address guard still
  // checks every connect.
  curl_easy_setopt(e, CURLOPT_DNS_CACHE_TIMEOUT, -1L);
  // libcurl 7.88 evicts its oldest idle connection when the cache is over its limit and
  // leaves that host's empty bundle in the cache's hash for good; every later eviction walks
  // them all, which at tens of thousands of hosts dominates the crawl's CPU. A connection no queued
  // request can use is closed instead of cached, which keeps the cache under its limit.
  curl_easy_setopt(e, CURLOPT_FORBID_REUSE, request.keep_connection ? 0L : 1L);
  curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, ms(options_.timeout_s));
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, ms(options_.connect_timeout_s));
  // An in-memory jar, seeded from the chain. Handles are reused (see give_back), so every
  // option here is set on every exchange, except the cookie file: each call adds a file to
  // load, so the jar is switched on once, then emptied of the earlier chain's cookies.
  if (ex.fresh_handle) curl_easy_setopt(e, CURLOPT_COOKIEFILE, "");
  curl_easy_setopt(e, CURLOPT_COOKIELIST, "ALL");
  for (const std::string& cookie : request.cookies) {
    curl_easy_setopt(e, CURLOPT_COOKIELIST, cookie.c_str());
  }
  if (resolve_) curl_easy_setopt(e, CURLOPT_RESOLVE, resolve_.get());
  if (connect_to_) curl_easy_setopt(e, CURLOPT_CONNECT_TO, connect_to_.get());
  if (!options_.cacert.empty()) curl_easy_setopt(e, CURLOPT_CAINFO, options_.cacert.c_str());
  curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, &Exchange::on_open);
  curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, &ex);
  curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &Exchange::on_data<&Exchange::header_line>);
  curl_easy_setopt(e, CURLOPT_HEADERDATA, &ex);
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &Exchange::on_data<&Exchange::body_chunk>);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, &ex);
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, ex.error);
  curl_easy_setopt(e, CURLOPT_PRIVATE, &ex);
}

void CurlTransport::finish(CURL* easy, CURLcode result) {
  auto it = exchanges_.find(easy);
  if (it == exchanges_.end()) return;
  std::unique_ptr<Exchange> ex = std::move(it->second);
  exchanges_.erase(it);
  HttpResponse& r = ex->response;
  const bool our_stop = ex->stopped && result == CURLE_WRITE_ERROR;
  r.error = our_stop ? TransferError::None : classify(result);
  if (r.error == TransferError::Connect && !ex->refused.empty()) {
    r.error = TransferError::AddressRefused;
    r.error_text = ex->refused;
  } else if (r.error != TransferError::None) {
    r.error_text = ex->error[0] != '\0' ? ex->error : curl_easy_strerror(result);
    if (r.error == TransferError::BadReply) {
      r.error_text = "invalid HTTP response: " + std::string(result == CURLE_OUT_OF_MEMORY
                                                                 ? "a header line too large to read"
                                                                 : r.error_text);
    }
  }
  long status = 0;
  curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
  r.status = static_cast<int>(status);
  r.body_seen = ex->received;
  if (char* location = nullptr;
      curl_easy_getinfo(easy, CURLINFO_REDIRECT_URL, &location) == CURLE_OK && location) {
    r.redirect_url = location;
  } else if (status >= 300 && status < 400 && !ex->location.empty()) {
    char* base = nullptr;
    curl_easy_getinfo(easy, CURLINFO_EFFECTIVE_URL, &base);
    r.redirect_url = resolve_url(base != nullptr ? base : "", ex->location).value_or("");
  }
  if (char* ip = nullptr; curl_easy_getinfo(easy, CURLINFO_PRIMARY_IP, &ip) == CURLE_OK && ip) {
    r.primary_ip = ip;
  }
  if (!ex->retry_after.empty()) {
    r.retry_after_s = parse_retry_after(ex->retry_after, std::time(nullptr));
  }
  curl_slist* cookies = nullptr;
  if (curl_easy_getinfo(easy, CURLINFO_COOKIELIST, &cookies) == CURLE_OK) {
    Slist owned(cookies);
    for (curl_slist* c = cookies; c != nullptr; c = c->next) r.cookies.emplace_back(c->data);
  }
  Done done = std::move(ex->done);
  HttpResponse response = std::move(r);
  give_back(std::move(ex->easy));
  ex.reset();
  done(std::move(response));
}

}  // namespace linkhealth
