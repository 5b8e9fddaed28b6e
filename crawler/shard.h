#pragma once
// A crawl split across machines: `crawl --shard K/N` checks only the targets whose registrable
// domain (the public suffix list, libpsl) hashes to K, so one site is never split across
// shards and each shard's politeness per host is the whole crawl's.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace linkhealth {

struct Shard {
  std::uint32_t index = 0;  ///< K, 0-based (a Kubernetes Indexed Job's JOB_COMPLETION_INDEX)
  std::uint32_t count = 1;  ///< N; 1 is the whole crawl
  bool whole() const { return count == 1; }
  bool operator==(const Shard&) const = default;
};

/// "K/N" with 0 <= K < N <= 4096; nullopt otherwise.
std::optional<Shard> parse_shard(std::string_view text);
/// "K/N".
std::string to_string(const Shard& shard);

/// The part of `host` a site owns: "news.bbc.co.uk" -> "bbc.co.uk", "www.example.com" ->
/// "example.com". An IP address, a bare name, or a host that is itself a public suffix is its
/// own domain. `host` is lowercase ASCII (punycode), as crawler/url_parts gives it.
std::string registrable_domain(std::string_view host);

/// Which shard of `count` owns `domain`: FNV-1a, stable across machines and builds.
std::uint32_t shard_of_domain(std::string_view domain, std::uint32_t count);

/// True when `shard` checks `host`.
bool shard_owns_host(const Shard& shard, std::string_view host);

}  // namespace linkhealth
