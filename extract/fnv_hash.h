#pragma once
// FNV-1a (64 bit): a small hash that is the same on every machine and build, for content
// fingerprints and shard assignment. Not for anything an attacker may choose to collide.

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace linkhealth {

class FnvHash {
 public:
  FnvHash& add(std::string_view bytes) {
    for (const char c : bytes) value_ = (value_ ^ static_cast<unsigned char>(c)) * kPrime;
    return *this;
  }
  /// `text` then a separator byte no UTF-8 text holds, so fields "ab","c" and "a","bc" differ.
  FnvHash& add_field(std::string_view text) {
    add(text);
    value_ = (value_ ^ 0xFFu) * kPrime;
    return *this;
  }
  std::uint64_t value() const { return value_; }
  /// 16 lowercase hex digits.
  std::string hex() const {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(value_));
    return buf;
  }

 private:
  static constexpr std::uint64_t kPrime = 1099511628211ull;
  std::uint64_t value_ = 14695981039346656037ull;
};

}  // namespace linkhealth
