#pragma once
// The engine's private per-chain and per-host state, shared by fetch_engine.cpp (walking the
// chains) and chain_completion.cpp (turning finished chains into results).

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "crawler/fetch_engine.h"
#include "extract/page_meta.h"

namespace linkhealth {

struct FetchEngine::Chain {
  std::uint64_t id = 0;
  Kind kind = Kind::Target;
  std::size_t target = 0;
  std::string subject_host;  // the host a probe or robots fetch is about
  std::string url;           // the current hop
  std::string host;          // host of the current hop
  std::vector<Hop> hops;
  std::unordered_set<std::string> seen;
  std::vector<std::string> cookies;
  int attempt = 0;  // retries of the current hop
  int requests = 0;
  bool end_retry_used = false;
  std::chrono::steady_clock::time_point started;
  HttpResponse last;
  std::string skip_reason;
  std::string invalid_reason;
  bool loop = false;
  bool too_many = false;
  bool conditional = false;        // the last request carried the target's validators
  std::unique_ptr<PageMeta> page;  // set when the chain ends on an HTML page
};

struct FetchEngine::HostState {
  enum class Stage { Unknown, Pending, Ready };
  Stage robots = Stage::Unknown;
  RobotsRules rules;
  std::vector<std::uint64_t> held;  // chains waiting for robots.txt
  Stage probe = Stage::Unknown;
  ProbeAnswer answer;
  std::vector<std::uint64_t> waiting;  // finished chains waiting for the probe's answer
};

}  // namespace linkhealth
