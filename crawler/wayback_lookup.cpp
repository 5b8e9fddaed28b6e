#include "crawler/wayback_lookup.h"

#include <boost/asio/io_context.hpp>

#include "crawler/curl_transport.h"

namespace linkhealth {

std::optional<std::string> wayback_snapshot(const std::string& lookup_url,
                                            const FetchOptions& options) {
  // The engine's own transport: the same curl set-up, address guard, pins and TLS options as
  // every other request, and a Location kept however the archive frames its redirect.
  boost::asio::io_context io;
  CurlTransport transport(io, options);
  HttpRequest request;
  request.url = lookup_url;
  request.keep_connection = false;
  std::optional<std::string> snapshot;
  transport.start(request, [&](HttpResponse response) {
    if (response.error == TransferError::None && response.status >= 300 && response.status < 400 &&
        !response.redirect_url.empty()) {
      snapshot = std::move(response.redirect_url);
    }
  });
  io.run();
  return snapshot;
}

}  // namespace linkhealth
