#pragma once
// How `scan` shows its result: a short human summary, or one JSON document.

#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "extract/scan.h"

namespace linkhealth {

/// {"counts", "sources": [{slug, file, title, refs: [{field, raw, clean, request_url, removed}]}],
///  "targets": [{request_url, host, refs}], "findings": [{kind, slug, file, field, detail, line}]}
nlohmann::json scan_to_json(const ScanResult& result);

/// Counts, findings by kind, every parse error as `file:line: message`; with list_findings
/// also every other finding.
void print_scan_summary(std::FILE* out, const std::string& root, const ScanResult& result,
                        bool list_findings);

}  // namespace linkhealth
