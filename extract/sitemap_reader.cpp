#include "extract/sitemap_reader.h"

#include <expat.h>
#include <zlib.h>

#include <array>
#include <stdexcept>
#include <type_traits>
#include <utility>

#include "extract/url_cleaner.h"

namespace linkhealth {
namespace {

constexpr std::size_t kMaxField = 4096;  // a <loc> or title longer than this is no URL or title
constexpr std::size_t kInflateChunk = 64 * 1024;

struct ParserFree {
  void operator()(XML_Parser parser) const { XML_ParserFree(parser); }
};
using ParserHandle = std::unique_ptr<std::remove_pointer_t<XML_Parser>, ParserFree>;

/// An inflating z_stream (gzip or zlib header, detected), ended when it goes.
class Inflater {
 public:
  Inflater() {
    if (inflateInit2(&stream_, 15 + 32) != Z_OK) throw std::runtime_error("inflateInit2 failed");
  }
  ~Inflater() { inflateEnd(&stream_); }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;

  /// Inflates `in`, passing each piece of output to `out` (which returns false to stop).
  /// Returns "" or what was wrong with the data.
  template <typename Out>
  std::string inflate_all(std::string_view in, Out&& out) {
    stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    stream_.avail_in = static_cast<uInt>(in.size());
    while (stream_.avail_in > 0) {
      if (ended_) {
        // Concatenated gzip members are one file (gzip(1) reads them so).
        if (inflateReset(&stream_) != Z_OK) return "gzip: cannot read the next member";
        ended_ = false;
      }
      stream_.next_out = reinterpret_cast<Bytef*>(buffer_.data());
      stream_.avail_out = static_cast<uInt>(buffer_.size());
      const int rc = inflate(&stream_, Z_NO_FLUSH);
      const bool damaged = rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR;
      if (!damaged) ended_ = rc == Z_STREAM_END;
      // What was inflated before damage is read first, so the entries before it are the same
      // however the body arrived in pieces.
      const std::size_t produced = buffer_.size() - stream_.avail_out;
      if (produced > 0 && !out(std::string_view(buffer_.data(), produced))) return "";
      if (damaged) {
        return std::string("gzip: ") + (stream_.msg != nullptr ? stream_.msg : "invalid data");
      }
      if (rc == Z_BUF_ERROR && produced == 0) break;
    }
    return "";
  }
  bool ended() const { return ended_; }

 private:
  z_stream stream_{};
  std::array<char, kInflateChunk> buffer_{};
  bool ended_ = false;
};

std::string_view local_name(const XML_Char* name) {
  std::string_view full(name);
  const std::size_t space = full.rfind(' ');
  return space == std::string_view::npos ? full : full.substr(space + 1);
}

std::string_view namespace_of(const XML_Char* name) {
  std::string_view full(name);
  const std::size_t space = full.rfind(' ');
  return space == std::string_view::npos ? std::string_view() : full.substr(0, space);
}

}  // namespace

struct SitemapReader::Impl {
  OnEntry on_entry;
  OnChild on_child;
  SitemapFileLimits limits;
  ParserHandle parser;
  std::unique_ptr<Inflater> inflater;
  std::string magic;  // the first bytes, until gzip or not is known
  bool decided = false;
  bool stopped = false;
  bool capped = false;
  std::string error;
  SitemapKind kind = SitemapKind::Unknown;
  std::size_t entries = 0;
  std::size_t bytes = 0;

  // Where the parse is: the element depth, the entry being read and the field collecting text.
  int depth = 0;
  bool in_entry = false;
  int news_depth = 0;  // depth of the open <news:news>, 0 when none
  std::string* field = nullptr;
  bool overflow = false;  // the current entry had a field over kMaxField
  SitemapEntry entry;

  void stop(std::string why, bool at_limit) {
    if (stopped) return;
    stopped = true;
    capped = at_limit;
    const XML_Size line = XML_GetCurrentLineNumber(parser.get());
    error = line > 0 ? "line " + std::to_string(line) + ": " + std::move(why) : std::move(why);
    XML_StopParser(parser.get(), XML_FALSE);
  }

  void start(const XML_Char* name) {
    ++depth;
    const std::string_view local = local_name(name);
    if (depth == 1) {
      if (local == "urlset") kind = SitemapKind::UrlSet;
      if (local == "sitemapindex") kind = SitemapKind::Index;
      if (kind == SitemapKind::Unknown)
        stop("not a sitemap (root element <" + std::string(local) + ">)", false);
      return;
    }
    if (depth == 2) {
      in_entry = (kind == SitemapKind::UrlSet && local == "url") ||
                 (kind == SitemapKind::Index && local == "sitemap");
      entry = SitemapEntry{};
      overflow = false;
      return;
    }
    if (!in_entry) return;
    if (depth == 3 && local == "loc") field = &entry.loc;
    if (depth == 3 && local == "lastmod") field = &entry.lastmod;
    // Google News: <news:news> holds <news:title>; image and video extensions have titles too.
    if (depth == 3 && local == "news" &&
        namespace_of(name).find("sitemap-news") != std::string_view::npos)
      news_depth = depth;
    if (news_depth > 0 && depth == news_depth + 1 && local == "title") field = &entry.news_title;
  }

  void end() {
    if (depth == news_depth) news_depth = 0;
    field = nullptr;
    if (depth == 2 && in_entry) {
      in_entry = false;
      emit();
    }
    --depth;
  }

  void text(std::string_view chunk) {
    if (field == nullptr) return;
    if (field->size() + chunk.size() > kMaxField) {
      overflow = true;
      return;
    }
    field->append(chunk);
  }

  void emit() {
    const std::string_view loc = trim_ascii(entry.loc);
    if (overflow || loc.empty()) return;
    if (entries >= limits.max_entries) {
      stop("more than " + std::to_string(limits.max_entries) + " entries; the rest is not read",
           true);
      return;
    }
    ++entries;
    entry.loc = std::string(loc);
    entry.lastmod = std::string(trim_ascii(entry.lastmod));
    entry.news_title = std::string(trim_ascii(entry.news_title));
    if (kind == SitemapKind::UrlSet) {
      on_entry(entry);
    } else {
      on_child(entry.loc);
    }
  }

  bool parse(std::string_view xml, bool final) {
    if (stopped) return false;
    const bool over = bytes + xml.size() > limits.max_bytes;
    if (over) {
      xml = xml.substr(0, limits.max_bytes - bytes);
      final = false;
    }
    bytes += xml.size();
    if (XML_Parse(parser.get(), xml.data(), static_cast<int>(xml.size()), final ? 1 : 0) ==
            XML_STATUS_ERROR &&
        !stopped) {
      stopped = true;
      error = "line " + std::to_string(XML_GetCurrentLineNumber(parser.get())) + ": " +
              XML_ErrorString(XML_GetErrorCode(parser.get()));
    }
    if (over) {
      stop("larger than " + std::to_string(limits.max_bytes) + " bytes; the rest is not read",
           true);
    }
    return !stopped;
  }

  bool feed(std::string_view bytes_in) {
    if (stopped) return false;
    if (!decided) {
      magic.append(bytes_in);
      if (magic.size() < 2) return true;
      decided = true;
      if (static_cast<unsigned char>(magic[0]) == 0x1f &&
          static_cast<unsigned char>(magic[1]) == 0x8b) {
        inflater = std::make_unique<Inflater>();
      }
      std::string first = std::move(magic);
      magic.clear();
      return feed_decided(first);
    }
    return feed_decided(bytes_in);
  }

  bool feed_decided(std::string_view bytes_in) {
    if (!inflater) return parse(bytes_in, false);
    std::string bad =
        inflater->inflate_all(bytes_in, [&](std::string_view xml) { return parse(xml, false); });
    if (!bad.empty() && !stopped) {
      stopped = true;
      error = std::move(bad);
    }
    return !stopped;
  }

  // Expat calls back into C++ through these; nothing may throw through it.
  template <typename F>
  static void guarded(void* data, F&& f) {
    auto* impl = static_cast<Impl*>(data);
    try {
      f(*impl);
    } catch (const std::exception& e) {
      impl->stop(std::string("cannot read: ") + e.what(), false);
    }
  }

  bool finish() {
    if (!decided && !stopped) {
      decided = true;
      std::string rest = std::move(magic);
      if (!parse(rest, false)) return capped;
    }
    if (stopped) return capped;
    if (inflater && !inflater->ended()) {
      stopped = true;
      error = "gzip: the file ends before its compressed data does";
      return false;
    }
    parse({}, true);
    return !stopped || capped;
  }
};

SitemapReader::SitemapReader(OnEntry on_entry, OnChild on_child, SitemapFileLimits limits)
    : impl_(std::make_unique<Impl>()) {
  impl_->on_entry = std::move(on_entry);
  impl_->on_child = std::move(on_child);
  impl_->limits = limits;
  impl_->parser.reset(XML_ParserCreateNS(nullptr, ' '));
  if (!impl_->parser) throw std::runtime_error("XML_ParserCreateNS failed");
  XML_Parser p = impl_->parser.get();
  XML_SetUserData(p, impl_.get());
  XML_SetElementHandler(
      p,
      [](void* data, const XML_Char* name, const XML_Char**) {
        Impl::guarded(data, [&](Impl& impl) { impl.start(name); });
      },
      [](void* data, const XML_Char*) { Impl::guarded(data, [](Impl& impl) { impl.end(); }); });
  XML_SetCharacterDataHandler(p, [](void* data, const XML_Char* s, int len) {
    Impl::guarded(
        data, [&](Impl& impl) { impl.text(std::string_view(s, static_cast<std::size_t>(len))); });
  });
  XML_SetEntityDeclHandler(p, [](void* data, const XML_Char*, int, const XML_Char*, int,
                                 const XML_Char*, const XML_Char*, const XML_Char*,
                                 const XML_Char*) {
    Impl::guarded(data, [](Impl& impl) { impl.stop("declares XML entities (refused)", false); });
  });
}

SitemapReader::~SitemapReader() = default;

bool SitemapReader::feed(std::string_view bytes) {
  return impl_->feed(bytes);
}

bool SitemapReader::finish() {
  return impl_->finish();
}

SitemapKind SitemapReader::kind() const {
  return impl_->kind;
}

std::size_t SitemapReader::entries() const {
  return impl_->entries;
}

std::size_t SitemapReader::bytes() const {
  return impl_->bytes;
}

bool SitemapReader::capped() const {
  return impl_->capped;
}

const std::string& SitemapReader::error() const {
  return impl_->error;
}

}  // namespace linkhealth
