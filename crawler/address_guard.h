#pragma once
// SSRF guard: decides whether the crawler may connect to an address. Checked on the
// address curl actually connects to (CURLOPT_OPENSOCKETFUNCTION, before connect(), for every
// new connection including each redirect hop), and early on IP-literal hosts.

#include <sys/socket.h>

#include <optional>
#include <string_view>

#include "types/name_table.h"

namespace linkhealth {

enum class AddressClass { Public, Loopback, Private, LinkLocal, Reserved };

/// For error texts ("loopback address refused ...").
template <>
inline constexpr NameTable<AddressClass::Reserved> kNames<AddressClass>{
    {"public", "loopback", "private", "link-local", "reserved"}};
static_assert(kNames<AddressClass>.names_every_value());

/// Classifies an IPv4 or IPv6 socket address (IPv4-mapped IPv6 counts as its IPv4).
AddressClass classify_address(const sockaddr* address);
/// Classifies an IP literal host ("10.0.0.1", "[::1]", "::1"); nullopt when not a literal.
std::optional<AddressClass> classify_ip_literal(std::string_view host);

/// Link-local (cloud metadata services) is always refused; loopback, private and reserved
/// ranges only when allowed (--allow-private) or pinned by the user (--resolve/--connect-to).
bool address_allowed(AddressClass cls, bool allow_private);

}  // namespace linkhealth
