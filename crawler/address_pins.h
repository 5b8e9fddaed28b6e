#pragma once
// Hosts the user pinned to an address with --resolve / --connect-to. The address guard trusts
// these (they were named on purpose), except for link-local addresses.

#include <string>
#include <vector>

namespace linkhealth {

struct AddressPin {
  std::string host;  ///< lowercase; IPv6 in brackets
  int port = -1;     ///< -1 = any port
};

/// Pins from curl-style "HOST:PORT:..." entries; an empty HOST (connect-to's wildcard) and
/// malformed entries pin nothing.
std::vector<AddressPin> address_pins(const std::vector<std::string>& resolve,
                                     const std::vector<std::string>& connect_to);

bool is_pinned(const std::vector<AddressPin>& pins, const std::string& host, int port);

}  // namespace linkhealth
