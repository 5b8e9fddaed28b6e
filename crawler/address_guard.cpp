#include "crawler/address_guard.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <cstdint>
#include <cstring>
#include <string>

namespace linkhealth {
namespace {

bool in_v4(std::uint32_t ip, std::uint32_t net, int bits) {
  const std::uint32_t mask = bits == 0 ? 0 : ~std::uint32_t{0} << (32 - bits);
  return (ip & mask) == (net & mask);
}

constexpr std::uint32_t v4(int a, int b, int c, int d) {
  return (std::uint32_t(a) << 24) | (std::uint32_t(b) << 16) | (std::uint32_t(c) << 8) |
         std::uint32_t(d);
}

AddressClass classify_v4(std::uint32_t ip) {
  if (in_v4(ip, v4(127, 0, 0, 0), 8)) return AddressClass::Loopback;
  if (in_v4(ip, v4(169, 254, 0, 0), 16)) return AddressClass::LinkLocal;
  if (in_v4(ip, v4(10, 0, 0, 0), 8) || in_v4(ip, v4(172, 16, 0, 0), 12) ||
      in_v4(ip, v4(192, 168, 0, 0), 16) || in_v4(ip, v4(100, 64, 0, 0), 10)) {
    return AddressClass::Private;
  }
  if (in_v4(ip, v4(0, 0, 0, 0), 8) || in_v4(ip, v4(224, 0, 0, 0), 3) ||
      in_v4(ip, v4(192, 0, 0, 0), 24) || in_v4(ip, v4(198, 18, 0, 0), 15)) {
    return AddressClass::Reserved;  // this-network, multicast, class E/broadcast, IANA
  }
  return AddressClass::Public;
}

AddressClass classify_v6(const unsigned char* b) {
  static const unsigned char kMappedPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::memcmp(b, kMappedPrefix, 12) == 0) {
    return classify_v4(v4(b[12], b[13], b[14], b[15]));
  }
  bool zero_prefix = true;
  for (int i = 0; i < 15; ++i) zero_prefix = zero_prefix && b[i] == 0;
  if (zero_prefix && b[15] == 1) return AddressClass::Loopback;
  if (zero_prefix && b[15] == 0) return AddressClass::Reserved;               // ::
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return AddressClass::LinkLocal;  // fe80::/10
  if ((b[0] & 0xfe) == 0xfc) return AddressClass::Private;                    // fc00::/7
  if (b[0] == 0xff) return AddressClass::Reserved;                            // multicast
  return AddressClass::Public;
}

}  // namespace

AddressClass classify_address(const sockaddr* address) {
  if (address->sa_family == AF_INET) {
    sockaddr_in in{};
    std::memcpy(&in, address, sizeof in);
    return classify_v4(ntohl(in.sin_addr.s_addr));
  }
  if (address->sa_family == AF_INET6) {
    sockaddr_in6 in6{};
    std::memcpy(&in6, address, sizeof in6);
    return classify_v6(in6.sin6_addr.s6_addr);
  }
  return AddressClass::Reserved;  // unix sockets and the like are never a web page
}

std::optional<AddressClass> classify_ip_literal(std::string_view host) {
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  const std::string text(host.substr(0, host.find('%')));  // drop an IPv6 zone id
  in_addr a4{};
  if (inet_pton(AF_INET, text.c_str(), &a4) == 1) return classify_v4(ntohl(a4.s_addr));
  in6_addr a6{};
  if (inet_pton(AF_INET6, text.c_str(), &a6) == 1) return classify_v6(a6.s6_addr);
  return std::nullopt;
}

bool address_allowed(AddressClass cls, bool allow_private) {
  if (cls == AddressClass::Public) return true;
  return cls != AddressClass::LinkLocal && allow_private;
}

}  // namespace linkhealth
