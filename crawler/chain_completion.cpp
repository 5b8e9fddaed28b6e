// Finished chains: page metadata, the soft-404 probe and robots.txt answers, and the
// CheckResult that goes to the sink.
#include <algorithm>
#include <utility>

#include "crawler/fetch_chain.h"
#include "crawler/fetch_engine.h"
#include "crawler/page_redirect.h"
#include "crawler/url_parts.h"
#include "extract/page_meta.h"
#include "extract/utc_time.h"

namespace linkhealth {

namespace {

using Clock = std::chrono::steady_clock;

}  // namespace

void FetchEngine::complete(std::uint64_t id, HttpResponse response) {
  Chain& chain = *chains_.at(id);
  chain.last = std::move(response);
  chain.page.reset();  // a page that redirected by itself is not the chain's last page
  const HttpResponse& r = chain.last;
  if (r.error == TransferError::None && !r.body.empty() && is_html_content_type(r.content_type)) {
    chain.page = std::make_unique<PageMeta>(read_page_meta(r.body, r.content_type, chain.url));
  }
  if (follow_page_redirect(chain)) return;
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

bool FetchEngine::follow_page_redirect(Chain& chain) {
  const HttpResponse& r = chain.last;
  // A chain already ended (loop, too many hops, a refused hop) comes back here with the page
  // that redirected: it is judged as it stands.
  if (!chain.page || chain.kind == Kind::Robots || r.status < 200 || r.status >= 300 ||
      chain.loop || chain.too_many || !chain.skip_reason.empty())
    return false;
  const auto redirect = page_redirect_to_follow(*chain.page, chain.url);
  if (!redirect) return false;
  HttpResponse hop = std::move(chain.last);
  hop.redirect_url = redirect->url;
  follow(chain, hop);
  return true;
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
  const HttpResponse& r = chain.last;
  // A missing or failing robots.txt allows everything (a link checker is not a crawler).
  RobotsRules rules = r.error == TransferError::None && r.status >= 200 && r.status < 300
                          ? parse_robots(r.body, robots_product_token(options_.user_agent))
                          : RobotsRules{};
  const std::string subject = chain.subject_host;
  chains_.erase(chain.id);
  --live_chains_;
  apply_robots(subject, std::move(rules));
}

void FetchEngine::know_robots(const std::string& host, RobotsRules rules) {
  apply_robots(host, std::move(rules));
}

void FetchEngine::apply_robots(const std::string& host_name, RobotsRules rules) {
  HostState& host = host_state(host_name);
  host.rules = std::move(rules);
  if (host.rules.crawl_delay_s) {
    scheduler_.raise_interval(host_name, std::chrono::milliseconds(static_cast<long long>(
                                             std::min(*host.rules.crawl_delay_s, 120.0) * 1000)));
  }
  host.robots = HostState::Stage::Ready;
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
  // Only a 304 to a request that carried validators means "unchanged since the last check".
  outcome.not_modified = r.status == 304 && chain.conditional;
  outcome.page = chain.page.get();
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
  if (chain.page) result.page = std::move(*chain.page);

  std::vector<std::size_t> indexes = {chain.target};
  if (auto dup = duplicates_.find(chain.target); dup != duplicates_.end()) {
    indexes.insert(indexes.end(), dup->second.begin(), dup->second.end());
    duplicates_.erase(dup);
  }
  chains_.erase(chain.id);  // `chain` and `outcome.page` dangle from here on
  --live_chains_;
  for (std::size_t i = 0; i < indexes.size(); ++i) {
    CheckResult copy = i + 1 < indexes.size() ? result : std::move(result);
    FetchTarget done = std::exchange(targets_[indexes[i]], {});  // nothing reads it again
    copy.request_url = std::move(done.request_url);
    copy.host = std::move(done.host);
    if (copy.host.empty()) {
      if (const auto parts = parse_url(copy.request_url)) copy.host = parts->host;
    }
    ++progress_.done;
    sink_(std::move(copy));
  }
}

}  // namespace linkhealth
