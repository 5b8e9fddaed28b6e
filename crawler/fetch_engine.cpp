#include "crawler/fetch_engine.h"

#include <algorithm>
#include <ctime>
#include <utility>

#include "crawler/address_guard.h"
#include "crawler/url_parts.h"
#include "extract/ascii.h"
#include "extract/page_meta.h"

namespace linkhealth {

namespace {

using Clock = std::chrono::steady_clock;

bool is_redirect(int status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

bool is_transient_status(int status) {
  return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 ||
         status == 504;
}

bool is_html(std::string_view content_type) {
  return content_type.find("html") != std::string_view::npos;
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

/// "HOST:PORT:..." entries of --resolve / --connect-to; an empty HOST (connect-to's
/// wildcard) pins nothing.
std::pair<std::string, int> pin_of(std::string entry) {
  if (!entry.empty() && (entry[0] == '+' || entry[0] == '-')) entry.erase(0, 1);
  std::string host;
  std::size_t rest = 0;
  if (!entry.empty() && entry[0] == '[') {
    const std::size_t close = entry.find(']');
    if (close == std::string::npos) return {};
    host = entry.substr(0, close + 1);
    rest = close + 2;
  } else {
    const std::size_t colon = entry.find(':');
    if (colon == std::string::npos) return {};
    host = entry.substr(0, colon);
    rest = colon + 1;
  }
  host = ascii_lower(host);
  const std::string port =
      rest < entry.size() ? entry.substr(rest, entry.find(':', rest) - rest) : std::string();
  return {host, port.empty() ? -1 : std::atoi(port.c_str())};
}

std::string product_token(const std::string& user_agent) {
  const std::string ua = user_agent.empty() ? default_user_agent() : user_agent;
  return ua.substr(0, ua.find_first_of("/ "));
}

}  // namespace

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
  Clock::time_point started;
  HttpResponse last;
  std::string skip_reason;
  std::string invalid_reason;
  bool loop = false;
  bool too_many = false;
  std::optional<PageMeta> page;
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
  for (const auto& list : {options_.resolve, options_.connect_to}) {
    for (const std::string& entry : list) {
      auto pin = pin_of(entry);
      if (!pin.first.empty()) pins_.push_back(std::move(pin));
    }
  }
}

FetchEngine::~FetchEngine() = default;

FetchEngine::HostState& FetchEngine::host_state(const std::string& host) {
  auto& slot = hosts_[host];
  if (!slot) slot = std::make_unique<HostState>();
  return *slot;
}

bool FetchEngine::pinned(const std::string& host, int port) const {
  return std::any_of(pins_.begin(), pins_.end(), [&](const auto& pin) {
    return pin.first == host && (pin.second < 0 || pin.second == port);
  });
}

std::uint64_t FetchEngine::new_chain(Kind kind, std::string url, std::size_t target) {
  auto chain = std::make_unique<Chain>();
  chain->id = next_id_++;
  chain->kind = kind;
  chain->target = target;
  chain->url = std::move(url);
  chain->started = Clock::now();
  const std::uint64_t id = chain->id;
  chains_.emplace(id, std::move(chain));
  ++live_chains_;
  return id;
}

std::string FetchEngine::precheck(const std::string& url) const {
  const auto parts = parse_url(url);
  if (!parts || parts->host.empty()) return "invalid: not a usable URL";
  if (parts->scheme != "http" && parts->scheme != "https") {
    return "skipped: unsupported scheme '" + parts->scheme + "'";
  }
  if (const auto cls = classify_ip_literal(parts->host)) {
    const bool allow = options_.allow_private || pinned(parts->host, parts->port);
    if (!address_allowed(*cls, allow)) {
      return "skipped: " + std::string(to_string(*cls)) + " address refused by the address guard";
    }
  }
  return {};
}

void FetchEngine::start(std::vector<FetchTarget> targets) {
  progress_.started = Clock::now().time_since_epoch().count();
  progress_.total = targets.size();
  targets_ = std::move(targets);
  std::unordered_map<std::string, std::size_t> first;
  std::vector<std::uint64_t> ready;
  for (std::size_t i = 0; i < targets_.size(); ++i) {
    auto [it, inserted] = first.emplace(targets_[i].request_url, i);
    if (!inserted) {
      duplicates_[it->second].push_back(i);
      continue;
    }
    ready.push_back(new_chain(Kind::Target, targets_[i].request_url, i));
  }
  for (std::uint64_t id : ready) {
    Chain& chain = *chains_.at(id);
    const std::string problem = precheck(chain.url);
    if (problem.empty()) {
      enqueue(id, false);
      continue;
    }
    const bool invalid = problem.rfind("invalid: ", 0) == 0;
    (invalid ? chain.invalid_reason : chain.skip_reason) = problem.substr(problem.find(' ') + 1);
    complete(id, HttpResponse{});
  }
  pump();
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
  scheduler_.push(Job{id, chain.host, chain.url}, front);
}

void FetchEngine::start_probe(const std::string& origin, const std::string& host) {
  host_state(host).probe = HostState::Stage::Pending;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string path = "/linkhealth-probe-";
  for (int i = 0; i < 16; ++i) path += kHex[rng_() % 16];
  const std::uint64_t id = new_chain(Kind::Probe, origin + path, 0);
  chains_.at(id)->subject_host = host;
  enqueue(id, true);
}

void FetchEngine::pump() {
  if (stopped_) return;
  const SteadyTime now = Clock::now();
  while (auto job = scheduler_.pop_ready(now)) launch(*job);
  progress_.hosts_active = scheduler_.active_hosts();
  if (const auto wake = scheduler_.next_wake(now);
      wake && (!wake_at_ || *wake < *wake_at_ || *wake_at_ <= now)) {
    wake_at_ = wake;
    wake_.expires_at(*wake);
    wake_.async_wait([this](const boost::system::error_code& ec) {
      if (ec == boost::asio::error::operation_aborted) return;
      wake_at_.reset();
      pump();
    });
  }
  if (scheduler_.queued() == 0 && scheduler_.in_flight() == 0 && timers_pending_ == 0) {
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
  Chain& chain = *chains_.at(job.id);
  HttpRequest request;
  request.url = chain.url;
  if (chain.kind == Kind::Target && chain.hops.empty()) {
    const FetchTarget& target = targets_[chain.target];
    if (!target.etag.empty()) request.headers.push_back("If-None-Match: " + target.etag);
    if (!target.last_modified.empty()) {
      request.headers.push_back("If-Modified-Since: " + target.last_modified);
    }
  }
  request.cookies = chain.cookies;
  request.read_any_body = chain.kind == Kind::Robots;
  if (const auto parts = parse_url(chain.url)) {
    request.trusted_address = pinned(parts->host, parts->port);
  }
  ++progress_.requests;
  ++chain.requests;
  transport_.start(request,
                   [this, job](HttpResponse response) { on_response(job, std::move(response)); });
}

std::chrono::milliseconds FetchEngine::backoff(int attempt) {
  std::uniform_real_distribution<double> jitter(0.5, 1.5);
  const double ms = options_.retry_base_ms * double(1 << std::min(attempt - 1, 10)) * jitter(rng_);
  return std::chrono::milliseconds(static_cast<long long>(ms));
}

bool FetchEngine::maybe_retry(Chain& chain, const Job& job, const HttpResponse& r) {
  const bool transient = r.error == TransferError::Timeout || r.error == TransferError::Reset ||
                         (r.error == TransferError::None && is_transient_status(r.status));
  const bool parks = (r.status == 429 || r.status == 503) && r.retry_after_s >= 0;
  if (parks) {
    // Park the whole host, even when this URL has no retry left: the host asked for a pause.
    const long wait = std::min<long>(r.retry_after_s, options_.max_retry_after_s);
    scheduler_.park(chain.host, Clock::now() + std::chrono::seconds(wait));
  }
  if (!transient || chain.kind == Kind::Robots || chain.attempt >= options_.retries) return false;
  ++chain.attempt;
  if (parks) {
    scheduler_.push(job, true);  // first in the host's queue when the parking ends
    return true;
  }
  auto timer = std::make_shared<boost::asio::steady_timer>(io_, backoff(chain.attempt));
  ++timers_pending_;
  timer->async_wait([this, timer, job](const boost::system::error_code& ec) {
    --timers_pending_;
    if (ec || stopped_ || !chains_.count(job.id)) return;
    scheduler_.push(job, true);
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
    } else if (response.error == TransferError::None && is_redirect(response.status) &&
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
  const std::string next = r.redirect_url;
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
  const std::string problem = precheck(next);
  chain.url = next;
  if (!problem.empty()) {
    chain.skip_reason = "redirect to " + next + ": " + problem.substr(problem.find(' ') + 1);
    complete(chain.id, r);
    return;
  }
  chain.attempt = 0;
  enqueue(chain.id, true);
}

void FetchEngine::complete(std::uint64_t id, HttpResponse response) {
  Chain& chain = *chains_.at(id);
  chain.last = std::move(response);
  const HttpResponse& r = chain.last;
  if (r.error == TransferError::None && !r.body.empty() && is_html(r.content_type)) {
    chain.page = read_page_meta(r.body, r.content_type, chain.url);
  }
  switch (chain.kind) {
    case Kind::Target:
      complete_target(chain);
      break;
    case Kind::Probe:
      complete_probe(chain);
      break;
    case Kind::Robots:
      complete_robots(chain);
      break;
  }
}

void FetchEngine::complete_target(Chain& chain) {
  const HttpResponse& r = chain.last;
  const bool success = r.error == TransferError::None && r.status >= 200 && r.status < 300 &&
                       chain.skip_reason.empty() && !chain.loop && !chain.too_many;
  if (options_.soft404_probe && success) {
    HostState& host = host_state(chain.host);
    if (host.probe == HostState::Stage::Unknown) {
      if (const auto parts = parse_url(chain.url)) start_probe(origin_of(*parts), chain.host);
    }
    if (host.probe == HostState::Stage::Pending) {
      host.waiting.push_back(chain.id);
      return;
    }
  }
  emit(chain);
}

void FetchEngine::complete_probe(Chain& chain) {
  HostState& host = host_state(chain.subject_host);
  const HttpResponse& r = chain.last;
  host.answer.status = r.error == TransferError::None ? r.status : 0;
  host.answer.final_url = chain.url;
  host.answer.redirected = !chain.hops.empty();
  if (chain.page) {
    host.answer.title = chain.page->html_title.empty() ? chain.page->title : chain.page->html_title;
  }
  host.probe = HostState::Stage::Ready;
  std::vector<std::uint64_t> waiting;
  waiting.swap(host.waiting);
  const std::uint64_t id = chain.id;
  chains_.erase(id);
  --live_chains_;
  for (std::uint64_t w : waiting) emit(*chains_.at(w));
}

void FetchEngine::complete_robots(Chain& chain) {
  HostState& host = host_state(chain.subject_host);
  const HttpResponse& r = chain.last;
  // A missing or failing robots.txt allows everything (a link checker is not a crawler).
  if (r.error == TransferError::None && r.status >= 200 && r.status < 300) {
    host.rules = parse_robots(r.body, product_token(options_.user_agent));
    if (host.rules.crawl_delay_s) {
      scheduler_.raise_interval(chain.subject_host,
                                std::chrono::milliseconds(static_cast<long long>(
                                    std::min(*host.rules.crawl_delay_s, 120.0) * 1000)));
    }
  }
  host.robots = HostState::Stage::Ready;
  chains_.erase(chain.id);
  --live_chains_;
  std::vector<std::uint64_t> held;
  held.swap(host.held);
  for (std::uint64_t id : held) enqueue(id, false);
}

void FetchEngine::emit(Chain& chain) {
  const HttpResponse& r = chain.last;
  ChainOutcome outcome;
  outcome.request_url = targets_[chain.target].request_url;
  outcome.hops = chain.hops;
  outcome.status = r.status;
  outcome.final_url = chain.url;
  outcome.error = r.error;
  outcome.error_text = r.error_text;
  outcome.skip_reason = chain.skip_reason;
  outcome.invalid_reason = chain.invalid_reason;
  outcome.redirect_loop = chain.loop;
  outcome.too_many_redirects = chain.too_many;
  outcome.cf_mitigated = r.cf_mitigated;
  const FetchTarget& target = targets_[chain.target];
  outcome.not_modified = r.status == 304 && (!target.etag.empty() || !target.last_modified.empty());
  outcome.page = chain.page ? &*chain.page : nullptr;
  if (auto it = hosts_.find(chain.host);
      it != hosts_.end() && it->second->probe == HostState::Stage::Ready) {
    outcome.probe = it->second->answer;
  }
  const VerdictDecision decision = decide_verdict(outcome);

  CheckResult result;
  result.verdict = decision.verdict;
  result.error = decision.reason;
  result.http_status = r.status;
  result.final_url = chain.url;
  result.redirects = chain.hops;
  result.checked_at = utc_now();
  result.elapsed_ms =
      std::chrono::duration<double, std::milli>(Clock::now() - chain.started).count();
  result.bytes = static_cast<long long>(r.body.size());
  result.attempts = chain.requests;
  result.not_modified = outcome.not_modified;
  result.etag = r.etag;
  result.last_modified = r.last_modified;
  result.content_type = r.content_type;
  result.page = std::move(chain.page);

  std::vector<std::size_t> indexes = {chain.target};
  if (auto dup = duplicates_.find(chain.target); dup != duplicates_.end()) {
    indexes.insert(indexes.end(), dup->second.begin(), dup->second.end());
    duplicates_.erase(dup);
  }
  chains_.erase(chain.id);  // `chain` and `outcome.page` dangle from here on
  --live_chains_;
  for (std::size_t i = 0; i < indexes.size(); ++i) {
    CheckResult copy = i + 1 < indexes.size() ? result : std::move(result);
    copy.request_url = targets_[indexes[i]].request_url;
    copy.host = targets_[indexes[i]].host;
    if (copy.host.empty()) {
      if (const auto parts = parse_url(copy.request_url)) copy.host = parts->host;
    }
    ++progress_.done;
    sink_(std::move(copy));
  }
}

void FetchEngine::stop() {
  stopped_ = true;
  transport_.abort_all();
  wake_.cancel();
}

}  // namespace linkhealth
