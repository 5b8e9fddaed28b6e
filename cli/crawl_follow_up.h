#pragma once
// What a crawl does after its report: the notification of its news (cli/crawl_notices.h) and
// the metrics file (cli/metrics_file.h). Neither can fail the run: a failure is a warning on
// stderr (cron mails it), in the log and in the summary line.

#include <cstdint>
#include <string>

#include "cli/crawl_outputs.h"
#include "cli/notify_sender.h"
#include "cli/run_log.h"
#include "cli/run_settings.h"
#include "store/store.h"

namespace linkhealth {

/// Sends the notification (finished runs only) and writes --metrics; returns the summary
/// line's suffix ("; notified 2", "; 1 notification failed", "" when nothing was due).
std::string follow_up_crawl(Store& store, std::int64_t run_id, const RunSettings& settings,
                            const CrawlOutcome& outcome, double seconds, NoticeSender& sender,
                            RunLog& log);

}  // namespace linkhealth
