#pragma once
// The fetch options every network subcommand shares (crawl, check): one place for their
// names, defaults and help texts.

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "crawler/fetch_options.h"

namespace linkhealth {

/// Raw values of the flags that need post-processing after parsing.
struct FetchFlags {
  std::vector<std::string> host_limits;  ///< HOST=PER_HOST[:INTERVAL_MS]
  bool no_probe = false;
};

/// Registers --concurrency, --per-host, --interval-ms, --host-limit, --user-agent,
/// --max-head-bytes, --max-redirects, --retries, --timeout, --connect-timeout, --resolve,
/// --connect-to, --cacert, --allow-private, --robots, --no-soft404-probe.
void add_fetch_flags(CLI::App& app, FetchOptions& options, FetchFlags& flags);

/// Applies the post-processed flags; throws CLI::ValidationError on a bad --host-limit.
void apply_fetch_flags(const FetchFlags& flags, FetchOptions& options);

}  // namespace linkhealth
