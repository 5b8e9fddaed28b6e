#include "store/check_writer.h"

#include <optional>
#include <string>

#include "store/check_codec.h"

namespace linkhealth {
namespace {

std::string insert_check_sql() {
  std::string sql =
      "INSERT OR REPLACE INTO checks (run_id, target_id, problem, failures, "
      "broken_since, confirmed, ";
  sql += kCheckColumns;
  sql += ") VALUES (?, ?, ?, ?, ?, ?";
  for (int i = 0; i < check_column_count(); ++i) sql += ", ?";
  return sql + ")";
}

}  // namespace

CheckWriter::CheckWriter(SQLite::Database& db, WriterOptions options)
    : db_(db),
      options_(options),
      select_target_(db, "SELECT id, host FROM targets WHERE url = ?"),
      insert_target_(db,
                     "INSERT INTO targets (url, host, first_seen_at) VALUES (?, ?, ?) "
                     "ON CONFLICT (url) DO UPDATE SET host = excluded.host RETURNING id"),
      insert_check_(db, insert_check_sql()),
      delete_drift_(db, "DELETE FROM drift WHERE run_id = ? AND target_id = ?"),
      insert_drift_(db,
                    "INSERT INTO drift (run_id, target_id, slug, kind, before, after, score) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)"),
      bump_run_(db,
                "UPDATE runs SET check_count = check_count + ?, "
                "problem_count = problem_count + ? WHERE id = ?") {}

std::int64_t CheckWriter::target_id(const std::string& url, const std::string& host) {
  if (auto it = target_ids_.find(url); it != target_ids_.end()) return it->second;
  // A read first: past the cache's bound most URLs are known, and the upsert below writes
  // (dirties a page) even when nothing changes.
  select_target_.bind(1, url);
  std::optional<std::int64_t> known;
  if (select_target_.executeStep() && select_target_.getColumn(1).getString() == host) {
    known = select_target_.getColumn(0).getInt64();
  }
  select_target_.reset();
  if (known) return remember_target(url, *known);
  insert_target_.bind(1, url);
  insert_target_.bind(2, host);
  insert_target_.bind(3, utc_now());
  insert_target_.executeStep();
  std::int64_t id = insert_target_.getColumn(0).getInt64();
  insert_target_.reset();
  return remember_target(url, id);
}

std::int64_t CheckWriter::remember_target(const std::string& url, std::int64_t id) {
  if (target_ids_.size() >= kMaxCachedTargetIds) target_ids_.clear();
  target_ids_.emplace(url, id);
  return id;
}

RunKind CheckWriter::run_kind(std::int64_t run_id) {
  if (auto it = run_kinds_.find(run_id); it != run_kinds_.end()) return it->second;
  SQLite::Statement select(db_, "SELECT kind FROM runs WHERE id = ?");
  select.bind(1, run_id);
  if (!select.executeStep()) {
    throw std::logic_error("record_check: no run with id " + std::to_string(run_id));
  }
  RunKind kind = run_kind_from_string(select.getColumn(0).getString()).value_or(RunKind::Crawl);
  run_kinds_.emplace(run_id, kind);
  return kind;
}

void CheckWriter::record(std::int64_t run_id, const CheckResult& check,
                         const std::vector<Drift>& drift, const PriorHistory& before) {
  RunKind kind = run_kind(run_id);
  open();
  const std::string checked_at = check.checked_at.empty() ? utc_now() : check.checked_at;
  const std::int64_t target =
      before.target_id != 0 ? before.target_id : target_id(check.request_url, check.host);
  HistoryState history =
      next_history(before.last, check.verdict, kind, checked_at, options_.confirm_runs);
  bool problem = is_problem(check.verdict);
  const std::string redirects = redirects_to_json(check.redirects);
  const std::string page = check.page ? page_to_json(*check.page) : std::string();

  insert_check_.bind(1, run_id);
  insert_check_.bind(2, target);
  insert_check_.bind(3, problem ? 1 : 0);
  insert_check_.bind(4, history.failures);
  if (history.broken_since.empty()) {
    insert_check_.bind(5);
  } else {
    insert_check_.bind(5, history.broken_since);
  }
  insert_check_.bind(6, history.confirmed ? 1 : 0);
  bind_check(insert_check_, 7, check, checked_at, redirects, page);
  insert_check_.exec();
  insert_check_.reset();
  insert_check_.clearBindings();  // drop the no-copy pointers to this call's strings

  if (before.rechecked) {
    delete_drift_.bind(1, run_id);
    delete_drift_.bind(2, target);
    delete_drift_.exec();
    delete_drift_.reset();
  }
  for (const Drift& d : drift) {
    insert_drift_.bind(1, run_id);
    insert_drift_.bind(2, target);
    insert_drift_.bind(3, d.slug);
    insert_drift_.bind(4, std::string(to_string(d.kind)));
    insert_drift_.bind(5, d.before);
    insert_drift_.bind(6, d.after);
    insert_drift_.bind(7, d.score < 0 ? 0.0 : d.score > 1 ? 1.0 : d.score);
    insert_drift_.exec();
    insert_drift_.reset();
  }

  Pending& pending = pending_[run_id];
  ++pending.checks;
  pending.problems += problem ? 1 : 0;
  ++batched_;
  commit_if_due();
}

void CheckWriter::open() {
  if (txn_) return;
  txn_.emplace(db_, SQLite::TransactionBehavior::IMMEDIATE);
  opened_at_ = std::chrono::steady_clock::now();
}

void CheckWriter::commit_if_due() {
  if (held_ > 0) return;
  if (batched_ >= options_.batch_size) {
    flush();
  } else {
    flush_if_due();
  }
}

void CheckWriter::within_batch(const std::function<void()>& work) {
  open();
  ++held_;
  try {
    work();
  } catch (...) {
    --held_;
    throw;
  }
  --held_;
  commit_if_due();
}

void CheckWriter::flush() {
  if (!txn_) return;
  for (const auto& [run_id, pending] : pending_) {
    bump_run_.bind(1, pending.checks);
    bump_run_.bind(2, pending.problems);
    bump_run_.bind(3, run_id);
    bump_run_.exec();
    bump_run_.reset();
  }
  txn_->commit();
  txn_.reset();
  pending_.clear();
  batched_ = 0;
}

void CheckWriter::flush_if_due() {
  if (txn_ && std::chrono::steady_clock::now() - opened_at_ >= options_.batch_interval) flush();
}

}  // namespace linkhealth
