#pragma once
// glibc keeps freed heap pages in the process: a crawl that frees its scan before fetching
// only shrinks when those pages are handed back. A no-op on other C libraries.
// (Capping arenas with mallopt(M_ARENA_MAX, 2) was tried: it raised a 10,000-file crawl's
// peak by ~20 MB, probably by making the fetch threads share the main arena.)

namespace linkhealth {

/// Returns free heap pages to the system (malloc_trim).
void release_free_memory();

}  // namespace linkhealth
