#pragma once
// How a CheckResult maps onto a `checks` row. One column list serves the insert and every
// select, so a new field is added in one place. The redirect chain is JSON text
// ([{"url":..,"status":..}]) and the full PageMeta is kept as JSON in `page` (the few fields
// people query also get their own columns).

#include <string>
#include <vector>

#include <SQLiteCpp/Statement.h>

#include "crawler/check_result.h"

namespace linkhealth {

/// Comma-separated check columns in bind/read order (no run_id/target_id).
extern const char* const kCheckColumns;
/// Number of columns in kCheckColumns.
int check_column_count();

/// Binds the check columns of `check` starting at parameter `first`; returns the next index.
int bind_check(SQLite::Statement& stmt, int first, const CheckResult& check);

/// Reads the check columns starting at result column `first` into `check` (request_url and
/// host are not among them). Unknown verdict names read as Verdict::Invalid.
void read_check(SQLite::Statement& stmt, int first, CheckResult& check);

std::string redirects_to_json(const std::vector<Hop>& hops);
std::vector<Hop> redirects_from_json(const std::string& json);
std::string page_to_json(const PageMeta& page);
PageMeta page_from_json(const std::string& json);

}  // namespace linkhealth
