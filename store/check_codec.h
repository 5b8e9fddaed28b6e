#pragma once
// How a CheckResult maps onto a `checks` row. One column list serves the insert and every
// select, so a new field is added in one place. The redirect chain is JSON text
// ([{"url":..,"status":..}]). The PageMeta fields people query have their own columns
// (title, description, canonical, og_*); the rest of it is JSON in `page` (NULL: no page).
// The repair suggestion has six columns of its own, which `linkhealth fix` reads.

#include <string>
#include <vector>

#include <SQLiteCpp/Statement.h>

#include "crawler/check_result.h"
#include "store/records.h"

namespace linkhealth {

/// Comma-separated check columns in bind/read order (no run_id/target_id).
extern const char* const kCheckColumns;
/// Number of columns in kCheckColumns.
int check_column_count();

/// Binds the check columns of `check` starting at parameter `first`; returns the next index.
/// Strings are bound without copying: `check` and the given strings (checked_at, and the
/// results of redirects_to_json / page_to_json) must live until the statement has run.
int bind_check(SQLite::Statement& stmt, int first, const CheckResult& check,
               const std::string& checked_at, const std::string& redirects_json,
               const std::string& page_json);

/// Reads the check columns starting at result column `first` into `check` (request_url and
/// host are not among them). Unknown verdict names read as Verdict::Invalid.
void read_check(SQLite::Statement& stmt, int first, CheckResult& check);

/// The six repair columns (replacement_url, replacement_title, replacement_similarity,
/// archive_url, archive_timestamp, archive_curated_at; NULL when there is none), bound / read
/// from `first`.
int bind_repair(SQLite::Statement& stmt, int first, const RepairSuggestion& repair);
RepairSuggestion read_repair(SQLite::Statement& stmt, int first);

/// The columns read_record reads, for a select joining checks, runs and targets: the check
/// columns after its id, run, target URL and host and the history after it. With
/// PageRead::Columns a stored page reads as '{}', so read_record fills it from its columns.
std::string record_columns(PageRead page = PageRead::Whole);
/// One CheckRecord from a row selected with record_columns() starting at column `first`.
CheckRecord read_record(SQLite::Statement& row, int first);

/// SQL list of the verdict names for which `keep` holds, e.g. "'ok','redirected'". The names
/// are the fixed vocabulary of types/verdict.h, never user input.
std::string verdict_list(bool (*keep)(Verdict));

std::string redirects_to_json(const std::vector<Hop>& hops);
std::vector<Hop> redirects_from_json(const std::string& json);
/// The PageMeta fields that have no column of their own, as a JSON object.
std::string page_to_json(const PageMeta& page);
/// The inverse of page_to_json; column fields stay empty.
PageMeta page_from_json(const std::string& json);

}  // namespace linkhealth
