#pragma once
// The properties the fuzz targets check, shared with tests/fuzz_regression_test.cpp so that a
// crashing input kept as a regression case is checked the same way under the normal ASan
// build. Each function returns the broken property, or nullopt when the input passed.

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "extract/page_meta.h"
#include "extract/scan_options.h"
#include "extract/source_reader.h"
#include "extract/url_cleaner.h"
#include "extract/utf8.h"

namespace linkhealth::fuzz {

/// A request URL carries no fragment and a second cleaning leaves it as it is; a URL with a
/// NUL byte (curl would stop reading there) never cleans.
inline std::optional<std::string> check_url_cleaner(std::string_view raw) {
  const auto& rules = default_tracking_rules();
  const CleanedUrl cleaned = clean_url(raw, rules);
  if (!cleaned.ok) return std::nullopt;
  if (raw.find('\0') != std::string_view::npos) return "a URL holding a NUL byte cleaned";
  if (cleaned.request_url.find('#') != std::string::npos) return "request URL has a fragment";
  const CleanedUrl again = clean_url(cleaned.request_url, rules);
  if (!again.ok) return "request URL " + cleaned.request_url + " does not clean: " + again.error;
  if (again.request_url != cleaned.request_url) {
    return "cleaning " + cleaned.request_url + " again gives " + again.request_url;
  }
  return std::nullopt;
}

inline bool has_control_char(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return (b < 0x20 && c != '\t' && c != '\n' && c != '\r') || b == 0x7F;
  });
}

/// Any bytes as a content file: a Source with valid UTF-8, control-free text, or findings
/// that name the file and a line. Both the fast (selected keys) and the full YAML path.
inline std::optional<std::string> check_front_matter(std::string_view text) {
  for (const bool full : {false, true}) {
    ScanOptions options;
    options.full_yaml_check = full;
    const SourceRead read = source_from_text(text, "fuzz/input.md", options);
    for (const Finding& f : read.findings) {
      if (f.kind.empty() || f.file != "fuzz/input.md") return "finding without kind or file";
      if (f.kind == "parse_error" && f.line < 1) return "parse_error without a line";
      if (f.kind == "parse_error" && read.source) return "parse_error but a Source came out";
    }
    if (!read.source) {
      if (read.findings.empty()) return "no Source and no finding";
      continue;
    }
    for (const std::string* s :
         {&read.source->title, &read.source->description, &read.source->slug, &read.source->id}) {
      if (first_invalid_utf8(*s)) return "Source text is not valid UTF-8: " + *s;
      if (has_control_char(*s)) return "Source text holds a control character";
    }
  }
  return std::nullopt;
}

/// The first line of the input is the Content-Type (when under 200 bytes), the rest the page.
/// Titles and descriptions must come out as valid UTF-8 whatever the bytes and charset.
inline std::optional<std::string> check_page_meta(std::string_view input) {
  std::string_view content_type;
  std::string_view body = input;
  if (auto nl = input.find('\n'); nl != std::string_view::npos && nl < 200) {
    content_type = input.substr(0, nl);
    body = input.substr(nl + 1);
  }
  const PageMeta meta = read_page_meta(body, content_type, "https://news.example.com/a/b.html");
  for (const std::string* s : {&meta.title, &meta.description, &meta.og_title, &meta.html_title,
                               &meta.og_description, &meta.meta_description}) {
    if (first_invalid_utf8(*s)) return "page text is not valid UTF-8: " + *s;
  }
  return std::nullopt;
}

}  // namespace linkhealth::fuzz
