#include "crawler/shard.h"

#include <libpsl.h>

#include <charconv>
#include <memory>

#include "extract/fnv_hash.h"

namespace linkhealth {
namespace {

constexpr std::uint32_t kMaxShards = 4096;

struct PslFree {
  void operator()(psl_ctx_t* ctx) const { psl_free(ctx); }
};

// Debian's list (publicsuffix package, the one curl reads) when present, else the copy built
// into libpsl. Every shard of one crawl must run the same package, or two shards could
// disagree about a domain.
const psl_ctx_t* suffix_list() {
  static const std::unique_ptr<psl_ctx_t, PslFree> latest(psl_latest(nullptr));
  return latest ? latest.get() : psl_builtin();
}

bool is_ip_literal(std::string_view host) {
  if (!host.empty() && host.front() == '[') return true;
  return !host.empty() && host.find_first_not_of("0123456789.") == std::string_view::npos;
}

std::optional<std::uint32_t> parse_number(std::string_view text) {
  std::uint32_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

}  // namespace

std::optional<Shard> parse_shard(std::string_view text) {
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const auto index = parse_number(text.substr(0, slash));
  const auto count = parse_number(text.substr(slash + 1));
  if (!index || !count || *count == 0 || *count > kMaxShards || *index >= *count) {
    return std::nullopt;
  }
  return Shard{*index, *count};
}

std::string to_string(const Shard& shard) {
  return std::to_string(shard.index) + "/" + std::to_string(shard.count);
}

std::string registrable_domain(std::string_view host) {
  std::string name(host);
  while (!name.empty() && name.back() == '.') name.pop_back();
  if (name.empty() || is_ip_literal(name)) return name;
  const char* domain = psl_registrable_domain(suffix_list(), name.c_str());
  return domain != nullptr ? std::string(domain) : name;
}

std::uint32_t shard_of_domain(std::string_view domain, std::uint32_t count) {
  const std::uint64_t hash = FnvHash().add(domain).value();
  return count == 0 ? 0 : static_cast<std::uint32_t>(hash % count);
}

bool shard_owns_host(const Shard& shard, std::string_view host) {
  if (shard.whole()) return true;
  return shard_of_domain(registrable_domain(host), shard.count) == shard.index;
}

}  // namespace linkhealth
