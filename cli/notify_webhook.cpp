// SystemNoticeSender::post_webhook: one POST through libcurl's easy interface. A webhook is a
// URL the operator configured (often on the intranet), so the crawler's address guard does
// not apply; redirects are not followed (a webhook that moved is a config to fix).
#include <curl/curl.h>

#include <cstddef>

#include "cli/notify_sender.h"
#include "crawler/curl_handles.h"
#include "crawler/fetch_options.h"

namespace linkhealth {
namespace {

std::size_t discard(char*, std::size_t size, std::size_t count, void*) {
  return size * count;
}

}  // namespace

std::string SystemNoticeSender::post_webhook(const std::string& url, const std::string& json_body) {
  ensure_curl_global_init();
  EasyHandle easy(curl_easy_init());
  if (!easy) return "cannot create a curl handle";
  const Slist headers = make_slist({"Content-Type: application/json"});
  const std::string agent = default_user_agent();
  char error[CURL_ERROR_SIZE] = {};
  CURL* e = easy.get();
  curl_easy_setopt(e, CURLOPT_URL, url.c_str());
  curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(e, CURLOPT_POSTFIELDS, json_body.c_str());
  curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(json_body.size()));
  curl_easy_setopt(e, CURLOPT_USERAGENT, agent.c_str());
  curl_easy_setopt(e, CURLOPT_TIMEOUT, static_cast<long>(timeout_s_));
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT, static_cast<long>(timeout_s_));
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &discard);
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, error);
  const CURLcode rc = curl_easy_perform(e);
  if (rc != CURLE_OK) return error[0] != '\0' ? std::string(error) : curl_easy_strerror(rc);
  long status = 0;
  curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &status);
  if (status < 200 || status > 299) return "HTTP " + std::to_string(status);
  return {};
}

}  // namespace linkhealth
