#include "crawler/fetch_engine.h"

#include <algorithm>
#include <ctime>
#include <utility>

#include "crawler/address_guard.h"
#include "crawler/fetch_chain.h"
#include "crawler/retry_policy.h"
#include "crawler/url_parts.h"
#include "extract/page_meta.h"

namespace linkhealth {
namespace {

using Clock = std::chrono::steady_clock;

/// A URL as it appears in a reason: a hostile Location can be a 100 KB data: URL.
std::string shortened(const std::string& url) {
  constexpr std::size_t kMax = 200;
  return url.size() <= kMax
             ? url
             : url.substr(0, kMax) + "... (" + std::to_string(url.size()) + " characters)";
}

// Target chains are keyed by their target's index with the top bit set, so a queued target
// needs no chain until it starts; probes and robots.txt fetches count up from 1.
constexpr std::uint64_t kTargetChain = std::uint64_t{1} << 63;

}  // namespace

FetchEngine::FetchEngine(boost::asio::io_context& io, Transport& transport,
                         const FetchOptions& options, ResultSink sink, ProgressCounters& progress)
    : io_(io),
      transport_(transport),
      options_(options),
      sink_(std::move(sink)),
      scheduler_(options.concurrency,
                 HostLimits{options.per_host, std::chrono::milliseconds(options.interval_ms)}),
      wake_(io),
      rng_(std::random_device{}()),
      progress_(progress) {
  for (const auto& [host, o] : options_.host_overrides) {
    scheduler_.set_host_limits(
        host, HostLimits{o.per_host > 0 ? o.per_host : options.per_host,
                         std::chrono::milliseconds(o.interval_ms >= 0 ? o.interval_ms
                                                                      : options.interval_ms)});
  }
  pins_ = address_pins(options_.resolve, options_.connect_to);
}

FetchEngine::~FetchEngine() = default;

FetchEngine::HostState& FetchEngine::host_state(const std::string& host) {
  auto& slot = hosts_[host];
  if (!slot) slot = std::make_unique<HostState>();
  return *slot;
}

std::uint64_t FetchEngine::new_chain(Kind kind, std::string url, std::size_t target,
                                     std::uint64_t id) {
  if (kind == Kind::Target) {
    id = kTargetChain | target;
  } else if (id == 0) {
    id = next_id_++;
  }
  auto chain = std::make_unique<Chain>();
  chain->id = id;
  chain->kind = kind;
  chain->target = target;
  chain->url = std::move(url);
  chain->started = Clock::now();
  chains_.emplace(id, std::move(chain));
  ++live_chains_;
  return id;
}

FetchEngine::Precheck FetchEngine::precheck(const std::optional<UrlParts>& parts) const {
  using Outcome = Precheck::Outcome;
  if (!parts || parts->host.empty()) return {Outcome::Invalid, "not a usable URL"};
  if (parts->scheme != "http" && parts->scheme != "https") {
    return {Outcome::Skip, "unsupported scheme '" + parts->scheme + "'"};
  }
  const bool pinned = is_pinned(pins_, parts->host, parts->port);
  if (const auto cls = classify_ip_literal(parts->host)) {
    if (!address_allowed(*cls, options_.allow_private || pinned)) {
      return {Outcome::Skip,
              std::string(to_string(*cls)) + " address refused by the address guard"};
    }
  }
  if (is_unsafe_port(parts->port) && !pinned) {
    return {Outcome::Skip, "port " + std::to_string(parts->port) + " is not for the web (refused)"};
  }
  return {};
}

void FetchEngine::start(std::vector<FetchTarget> targets) {
  add(std::move(targets));
  close_input();
}

void FetchEngine::add(std::vector<FetchTarget> targets) {
  if (progress_.started == 0) progress_.started = Clock::now().time_since_epoch().count();
  progress_.total += targets.size();
  const std::size_t begin = targets_.size();
  for (FetchTarget& target : targets) targets_.push_back(std::move(target));
  std::vector<std::size_t> unique;
  {
    // Keys view the targets' own URLs: copies of them all were 15 MB at 100,000 files.
    std::unordered_map<std::string_view, std::size_t> first;
    first.reserve(targets_.size() - begin);
    for (std::size_t i = begin; i < targets_.size(); ++i) {
      auto [it, inserted] = first.emplace(targets_[i].request_url, i);
      if (inserted) {
        unique.push_back(i);
      } else {
        duplicates_[it->second].push_back(i);
      }
    }
  }
  // Planned once every duplicate is known: a target that fails its precheck is emitted at once.
  for (std::size_t i : unique) plan_target(i);
  pump();
}

void FetchEngine::close_input() {
  accepting_ = false;
  pump();
}

void FetchEngine::plan_target(std::size_t target) {
  std::string url = with_ascii_host(targets_[target].request_url);
  const auto parts = parse_url(url);
  Precheck check = precheck(parts);
  const bool fetch = check.outcome == Precheck::Outcome::Fetch;
  if (!fetch || options_.robots) {
    const std::uint64_t id = new_chain(Kind::Target, std::move(url), target);
    if (fetch) {
      enqueue(id, false);  // held until the host's robots.txt is known
      return;
    }
    Chain& chain = *chains_.at(id);
    (check.outcome == Precheck::Outcome::Invalid ? chain.invalid_reason : chain.skip_reason) =
        std::move(check.reason);
    complete(id, HttpResponse{});
    return;
  }
  if (options_.soft404_probe && host_state(parts->host).probe == HostState::Stage::Unknown) {
    start_probe(origin_of(*parts), parts->host);
  }
  scheduler_.push(parts->host, QueuedJob{kTargetChain | target, url_key(url)});
  ++unstarted_;
}

FetchEngine::Chain& FetchEngine::chain_for_launch(const Job& job) {
  if (auto it = chains_.find(job.id); it != chains_.end()) return *it->second;
  // The first request of a queued target or probe: its chain is made now (see unstarted_),
  // on the host it was queued under.
  --unstarted_;
  if ((job.id & kTargetChain) != 0) {
    const std::size_t target = job.id & ~kTargetChain;
    new_chain(Kind::Target, with_ascii_host(targets_[target].request_url), target);
  } else {
    auto probe = unstarted_probes_.extract(job.id);
    new_chain(Kind::Probe, std::move(probe.mapped()), 0, job.id);
  }
  Chain& chain = *chains_.at(job.id);
  chain.host = *job.host;
  if (chain.kind == Kind::Probe) chain.subject_host = chain.host;
  return chain;
}

void FetchEngine::enqueue(std::uint64_t id, bool front) {
  Chain& chain = *chains_.at(id);
  const auto parts = parse_url(chain.url);
  chain.host = parts ? parts->host : std::string();
  HostState& host = host_state(chain.host);
  if (options_.robots && chain.kind != Kind::Robots) {
    if (host.robots == HostState::Stage::Unknown) {
      host.robots = HostState::Stage::Pending;
      const std::uint64_t robots = new_chain(Kind::Robots, origin_of(*parts) + "/robots.txt", 0);
      chains_.at(robots)->subject_host = chain.host;
      enqueue(robots, true);
    }
    if (host.robots != HostState::Stage::Ready) {
      host.held.push_back(id);
      return;
    }
    const std::string path = parts->path + (parts->query.empty() ? "" : "?" + parts->query);
    if (!host.rules.allows(path)) {
      chain.skip_reason = "disallowed by robots.txt";
      complete(id, HttpResponse{});
      return;
    }
  }
  if (options_.soft404_probe && chain.kind == Kind::Target &&
      host.probe == HostState::Stage::Unknown) {
    start_probe(origin_of(*parts), chain.host);
  }
  scheduler_.push(chain.host, QueuedJob{id, url_key(chain.url)}, front);
}

void FetchEngine::start_probe(const std::string& origin, const std::string& host) {
  host_state(host).probe = HostState::Stage::Pending;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string path = "/linkhealth-probe-";
  for (int i = 0; i < 16; ++i) path += kHex[rng_() % 16];
  if (options_.robots) {
    const std::uint64_t id = new_chain(Kind::Probe, origin + path, 0);
    chains_.at(id)->subject_host = host;
    enqueue(id, true);  // may wait for robots.txt
    return;
  }
  // Queued without a chain, like a target: a crawl probes every host it cites.
  const std::uint64_t id = next_id_++;
  std::string url = origin + path;
  scheduler_.push(host, QueuedJob{id, url_key(url)}, true);
  unstarted_probes_.emplace(id, std::move(url));
  ++unstarted_;
}

void FetchEngine::set_start_gate(std::function<bool()> gate) {
  start_gate_ = std::move(gate);
}

void FetchEngine::pump() {
  if (stopped_) return;
  const SteadyTime now = Clock::now();
  const bool gate_open = !start_gate_ || start_gate_();
  if (gate_open) {
    while (auto job = scheduler_.pop_ready(now)) launch(*job);
  }
  progress_.hosts_active = scheduler_.active_hosts();
  auto wake = scheduler_.next_wake(now);
  if (!gate_open && scheduler_.queued() > 0) {
    const SteadyTime again = now + kGateRecheck;
    if (!wake || again < *wake) wake = again;
  }
  if (wake && (!wake_at_ || *wake < *wake_at_ || *wake_at_ <= now)) {
    wake_at_ = wake;
    wake_.expires_at(*wake);
    wake_.async_wait([this](const boost::system::error_code& ec) {
      if (ec == boost::asio::error::operation_aborted) return;
      wake_at_.reset();
      pump();
    });
  }
  if (!accepting_ && scheduler_.queued() == 0 && scheduler_.in_flight() == 0 &&
      timers_pending_ == 0) {
    flush_end_of_run();
  }
}

void FetchEngine::flush_end_of_run() {
  if (end_of_run_.empty()) return;
  std::vector<std::uint64_t> again;
  again.swap(end_of_run_);
  for (std::uint64_t id : again) {
    Chain& chain = *chains_.at(id);
    chain.end_retry_used = true;
    chain.attempt = 0;
    enqueue(id, false);
  }
  pump();
}

void FetchEngine::launch(const Job& job) {
  Chain& chain = chain_for_launch(job);
  HttpRequest request;
  request.url = chain.url;
  chain.conditional = false;
  if (chain.kind == Kind::Target) {
    // The validators describe the last check's final response, so they go on the hop to
    // that URL: a 301 in front of an unchanged page must not cost the page every week.
    const FetchTarget& target = targets_[chain.target];
    const bool validated_hop =
        target.final_url.empty() ? chain.hops.empty() : chain.url == target.final_url;
    if (validated_hop && !target.etag.empty()) {
      request.headers.push_back("If-None-Match: " + target.etag);
      chain.conditional = true;
    }
    if (validated_hop && !target.last_modified.empty()) {
      request.headers.push_back("If-Modified-Since: " + target.last_modified);
      chain.conditional = true;
    }
  }
  request.cookies = chain.cookies;
  request.read_any_body = chain.kind == Kind::Robots;
  if (stream_ && chain.kind == Kind::Target) {
    const std::size_t target = chain.target;
    stream_->begin(target);
    request.on_body = [this, target](std::string_view chunk) {
      return stream_->chunk(target, chunk);
    };
  }
  // robots.txt goes first and the requests it holds back are not queued yet.
  request.keep_connection = chain.kind == Kind::Robots || scheduler_.queued_for(*job.host) > 0;
  if (const auto parts = parse_url(chain.url)) {
    request.trusted_address = is_pinned(pins_, parts->host, parts->port);
  }
  if (progress_.requests++ == 0) {
    progress_.first_request = Clock::now().time_since_epoch().count();
  }
  ++chain.requests;
  transport_.start(request,
                   [this, job](HttpResponse response) { on_response(job, std::move(response)); });
}

bool FetchEngine::maybe_retry(Chain& chain, const Job& job, const HttpResponse& r) {
  const bool transient = is_transient(r);
  const bool parks = (r.status == 429 || r.status == 503) && r.retry_after_s >= 0;
  if (parks) {
    // Park the whole host, even when this URL has no retry left: the host asked for a pause.
    const long wait = std::min<long>(r.retry_after_s, options_.max_retry_after_s);
    scheduler_.park(chain.host, Clock::now() + std::chrono::seconds(wait));
  }
  if (!transient || chain.kind == Kind::Robots || chain.attempt >= options_.retries) return false;
  ++chain.attempt;
  if (parks) {
    // First in the host's queue when the parking ends.
    scheduler_.push(*job.host, QueuedJob{job.id, job.url_key}, true);
    return true;
  }
  auto timer = std::make_shared<boost::asio::steady_timer>(
      io_, backoff_delay(chain.attempt, options_.retry_base_ms, jitter_(rng_)));
  ++timers_pending_;
  timer->async_wait([this, timer, job](const boost::system::error_code& ec) {
    --timers_pending_;
    if (ec || stopped_ || !chains_.count(job.id)) return;
    scheduler_.push(*job.host, QueuedJob{job.id, job.url_key}, true);
    pump();
  });
  return true;
}

void FetchEngine::on_response(const Job& job, HttpResponse response) {
  scheduler_.finish(job);
  if (stopped_) return;
  auto it = chains_.find(job.id);
  if (it != chains_.end()) {
    Chain& chain = *it->second;
    if (maybe_retry(chain, job, response)) {
      // queued again or waiting on a backoff timer
    } else if (response.error == TransferError::Connect && chain.kind == Kind::Target &&
               !chain.end_retry_used) {
      chain.last = std::move(response);
      end_of_run_.push_back(job.id);
    } else if (response.error == TransferError::None && is_redirect_status(response.status) &&
               !response.redirect_url.empty()) {
      follow(chain, response);
    } else {
      complete(job.id, std::move(response));
    }
  }
  pump();
}

void FetchEngine::follow(Chain& chain, const HttpResponse& r) {
  // A hop that comes back to a URL with the same cookies is a loop; with new cookies it is
  // the usual "set a cookie and redirect to yourself" and gets another go.
  const auto visit = [](const std::string& url, const std::vector<std::string>& cookies) {
    std::string key = url;
    for (const std::string& c : cookies) key += "\n" + c;
    return key;
  };
  chain.hops.push_back(Hop{chain.url, r.status});
  chain.seen.insert(visit(chain.url, chain.cookies));
  chain.cookies = r.cookies;
  const std::string next = with_ascii_host(r.redirect_url);
  if (chain.seen.count(visit(next, chain.cookies))) {
    chain.loop = true;
    chain.url = next;
    complete(chain.id, r);
    return;
  }
  if (static_cast<int>(chain.hops.size()) > options_.max_redirects) {
    chain.too_many = true;
    complete(chain.id, r);
    return;
  }
  const Precheck check = precheck(parse_url(next));
  chain.url = next;
  if (check.outcome != Precheck::Outcome::Fetch) {
    chain.skip_reason = "redirect to " + shortened(next) + ": " + check.reason;
    complete(chain.id, r);
    return;
  }
  chain.attempt = 0;
  enqueue(chain.id, true);
}

void FetchEngine::stop() {
  stopped_ = true;
  transport_.abort_all();
  wake_.cancel();
}

}  // namespace linkhealth
