#include <catch2/catch.hpp>

#include "crawler/address_guard.h"

using linkhealth::address_allowed;
using linkhealth::AddressClass;
using linkhealth::classify_ip_literal;

TEST_CASE("address guard classifies IP literals", "[crawler][guard]") {
  CHECK(classify_ip_literal("127.0.0.1") == AddressClass::Loopback);
  CHECK(classify_ip_literal("[::1]") == AddressClass::Loopback);
  CHECK(classify_ip_literal("10.1.2.3") == AddressClass::Private);
  CHECK(classify_ip_literal("172.20.0.1") == AddressClass::Private);
  CHECK(classify_ip_literal("192.168.1.1") == AddressClass::Private);
  CHECK(classify_ip_literal("fd00::1") == AddressClass::Private);
  CHECK(classify_ip_literal("169.254.169.254") == AddressClass::LinkLocal);
  CHECK(classify_ip_literal("[fe80::1]") == AddressClass::LinkLocal);
  CHECK(classify_ip_literal("::ffff:169.254.169.254") == AddressClass::LinkLocal);
  CHECK(classify_ip_literal("::ffff:127.0.0.1") == AddressClass::Loopback);
  CHECK(classify_ip_literal("0.0.0.0") == AddressClass::Reserved);
  CHECK(classify_ip_literal("93.184.216.34") == AddressClass::Public);
  CHECK(classify_ip_literal("2001:db8::1") == AddressClass::Public);
  CHECK_FALSE(classify_ip_literal("example.test").has_value());
}

TEST_CASE("allow-private never lifts link-local", "[crawler][guard]") {
  CHECK(address_allowed(AddressClass::Public, false));
  CHECK_FALSE(address_allowed(AddressClass::Loopback, false));
  CHECK(address_allowed(AddressClass::Loopback, true));
  CHECK(address_allowed(AddressClass::Private, true));
  CHECK_FALSE(address_allowed(AddressClass::LinkLocal, true));
  CHECK_FALSE(address_allowed(AddressClass::LinkLocal, false));
}
