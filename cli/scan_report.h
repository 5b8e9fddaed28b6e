#pragma once
// How `scan` shows its result: a short human summary, or one JSON document.

#include <cstdio>
#include <filesystem>
#include <iosfwd>
#include <string>

#include <nlohmann/json.hpp>

#include "extract/scan.h"

namespace linkhealth {

/// {"counts", "sources": [{slug, file, title, refs: [{field, raw, clean, request_url, removed}]}],
///  "targets": [{request_url, host, refs}], "findings": [{kind, slug, file, field, detail, line}]}
nlohmann::json scan_to_json(const ScanResult& result);

/// Scans `root` and writes scan_to_json's document, dumped with indent 2, as the scan goes:
/// the same bytes with one slice of files in memory. What must wait for the whole scan (the
/// counts open the document) waits in temporary files. Throws std::runtime_error when `root`
/// cannot be walked or no temporary file can be written.
void write_scan_json(std::ostream& out, const std::filesystem::path& root,
                     const ScanOptions& options);

/// Counts, findings by kind, every parse error as `file:line: message`; with list_findings
/// also every other finding.
void print_scan_summary(std::FILE* out, const std::string& root, const ScanResult& result,
                        bool list_findings);

}  // namespace linkhealth
