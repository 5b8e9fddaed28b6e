#include "crawler/address_pins.h"

#include <algorithm>
#include <cstdlib>
#include <optional>

#include "extract/ascii.h"

namespace linkhealth {
namespace {

std::optional<AddressPin> pin_of(std::string entry) {
  if (!entry.empty() && (entry[0] == '+' || entry[0] == '-')) entry.erase(0, 1);
  std::string host;
  std::size_t rest = 0;
  if (!entry.empty() && entry[0] == '[') {
    const std::size_t close = entry.find(']');
    if (close == std::string::npos) return std::nullopt;
    host = entry.substr(0, close + 1);
    rest = close + 2;
  } else {
    const std::size_t colon = entry.find(':');
    if (colon == std::string::npos) return std::nullopt;
    host = entry.substr(0, colon);
    rest = colon + 1;
  }
  if (host.empty()) return std::nullopt;
  const std::string port =
      rest < entry.size() ? entry.substr(rest, entry.find(':', rest) - rest) : std::string();
  return AddressPin{ascii_lower(host), port.empty() ? -1 : std::atoi(port.c_str())};
}

}  // namespace

std::vector<AddressPin> address_pins(const std::vector<std::string>& resolve,
                                     const std::vector<std::string>& connect_to) {
  std::vector<AddressPin> pins;
  for (const auto* list : {&resolve, &connect_to}) {
    for (const std::string& entry : *list) {
      if (auto pin = pin_of(entry)) pins.push_back(std::move(*pin));
    }
  }
  return pins;
}

bool is_pinned(const std::vector<AddressPin>& pins, const std::string& host, int port) {
  return std::any_of(pins.begin(), pins.end(), [&](const AddressPin& pin) {
    return pin.host == host && (pin.port < 0 || pin.port == port);
  });
}

}  // namespace linkhealth
