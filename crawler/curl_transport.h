#pragma once
// The real Transport: one easy handle per exchange on a shared CurlMulti, so connections,
// TLS sessions and the DNS cache are reused across the whole run.

#include <boost/asio/io_context.hpp>
#include <memory>
#include <unordered_map>
#include <vector>

#include "crawler/curl_handles.h"
#include "crawler/curl_multi.h"
#include "crawler/fetch_options.h"
#include "crawler/transport.h"

namespace linkhealth {

class CurlTransport final : public Transport {
 public:
  CurlTransport(boost::asio::io_context& io, const FetchOptions& options);
  ~CurlTransport() override;

  void start(const HttpRequest& request, Done done) override;
  void abort_all() override;

 private:
  struct Exchange;
  void finish(CURL* easy, CURLcode result);
  void configure(Exchange& exchange, const HttpRequest& request);
  void take_easy(Exchange& exchange);  ///< a spare handle, else a new one
  void give_back(EasyHandle easy);

  FetchOptions options_;
  std::string user_agent_;
  Slist resolve_;
  Slist connect_to_;
  std::unordered_map<CURL*, std::unique_ptr<Exchange>> exchanges_;
  std::vector<EasyHandle> spare_;  // handles of finished exchanges, for the next ones
  CurlMulti multi_;                // destroyed first, after abort_all() took every handle out of it
};

/// Offset of the end of the page head in `body` ("</head" or "<body", any case), searching
/// from `from`; npos when not there yet.
std::size_t find_head_end(std::string_view body, std::size_t from);

}  // namespace linkhealth
