#include "crawler/curl_handles.h"

#include <new>
#include <stdexcept>

namespace linkhealth {

Slist make_slist(const std::vector<std::string>& items) {
  curl_slist* head = nullptr;
  for (const std::string& item : items) {
    curl_slist* next = curl_slist_append(head, item.c_str());
    if (next == nullptr) {
      curl_slist_free_all(head);
      throw std::bad_alloc();
    }
    head = next;
  }
  return Slist(head);
}

void ensure_curl_global_init() {
  static const CURLcode rc = curl_global_init(CURL_GLOBAL_DEFAULT);
  if (rc != CURLE_OK) throw std::runtime_error("curl_global_init failed");
}

}  // namespace linkhealth
