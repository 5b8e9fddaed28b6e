#pragma once
// RAII owners for libcurl's transfer handles (CURLU has extract/curl_url.h). A handle is freed
// exactly once, by its owner.

#include <curl/curl.h>

#include <memory>
#include <string>
#include <vector>

namespace linkhealth {

struct EasyDeleter {
  void operator()(CURL* easy) const noexcept { curl_easy_cleanup(easy); }
};
struct MultiDeleter {
  void operator()(CURLM* multi) const noexcept { curl_multi_cleanup(multi); }
};
struct SlistDeleter {
  void operator()(curl_slist* list) const noexcept { curl_slist_free_all(list); }
};

using EasyHandle = std::unique_ptr<CURL, EasyDeleter>;
using MultiHandle = std::unique_ptr<CURLM, MultiDeleter>;
using Slist = std::unique_ptr<curl_slist, SlistDeleter>;

/// Builds a curl_slist from strings; throws std::bad_alloc when curl cannot allocate.
Slist make_slist(const std::vector<std::string>& items);

/// curl_global_init once per process (thread-safe on first use); call before any handle.
void ensure_curl_global_init();

}  // namespace linkhealth
