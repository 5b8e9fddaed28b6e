#pragma once
// A streaming reader of sitemaps (sitemaps.org protocol): bytes in as they arrive, each
// <url> entry (<loc>, <lastmod>, Google News <news:title>) or each child of a sitemap index
// out through a callback. Nothing of the file is kept beyond the entry being read, so memory
// does not grow with the sitemap. A gzip body (a `.gz` sitemap served as a file, magic
// 1f 8b) is inflated on the way in. Expat does the XML; a file that declares entities is
// refused (no sitemap needs them, and they are how XML bombs grow).

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace linkhealth {

/// One <url> of a urlset.
struct SitemapEntry {
  std::string loc;
  std::string lastmod;     ///< as written, "" when absent
  std::string news_title;  ///< <news:news><news:title>, "" when absent
};

enum class SitemapKind { Unknown, UrlSet, Index };

/// Most one file may cost. The protocol's own limits are 50,000 URLs and 50 MB uncompressed.
struct SitemapFileLimits {
  std::size_t max_bytes = 50 * 1024 * 1024;  ///< decoded (inflated) bytes read
  std::size_t max_entries = 50000;           ///< <url> or <sitemap> entries reported
};

class SitemapReader {
 public:
  using OnEntry = std::function<void(const SitemapEntry&)>;
  using OnChild = std::function<void(const std::string& loc)>;

  SitemapReader(OnEntry on_entry, OnChild on_child, SitemapFileLimits limits = {});
  ~SitemapReader();
  SitemapReader(const SitemapReader&) = delete;
  SitemapReader& operator=(const SitemapReader&) = delete;

  /// The next bytes of the body, split anywhere. False once reading stopped: an error, or a
  /// limit reached (see capped()); entries reported before stay valid.
  bool feed(std::string_view bytes);
  /// The end of the body. False when the document is incomplete or malformed.
  bool finish();

  SitemapKind kind() const;
  std::size_t entries() const;  ///< entries and children reported
  std::size_t bytes() const;    ///< decoded bytes read
  bool capped() const;          ///< stopped at a limit, not at an error
  /// Why reading stopped early, with the line where it applies; "" when it did not.
  const std::string& error() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace linkhealth
