#include "cli/spill_file.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <ostream>
#include <stdexcept>
#include <string>

namespace linkhealth {
namespace {

[[noreturn]] void fail(const char* what) {
  throw std::runtime_error(std::string(what) + " a temporary file: " + std::strerror(errno));
}

}  // namespace

SpillFile::SpillFile() : file_(std::tmpfile()) {
  if (!file_) fail("cannot create");
}

SpillFile::Span SpillFile::append(std::string_view text) {
  // Reads and writes share one stdio stream, which needs a seek between the two.
  if (::fseeko(file_.get(), static_cast<off_t>(size_), SEEK_SET) != 0 ||
      std::fwrite(text.data(), 1, text.size(), file_.get()) != text.size()) {
    fail("cannot write");
  }
  const Span span{size_, text.size()};
  size_ += text.size();
  return span;
}

void SpillFile::copy_to(std::ostream& out, Span span) {
  if (::fseeko(file_.get(), static_cast<off_t>(span.offset), SEEK_SET) != 0) fail("cannot read");
  std::array<char, 64 * 1024> buffer{};
  for (std::uint64_t left = span.size; left > 0;) {
    const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(left, buffer.size()));
    const std::size_t got = std::fread(buffer.data(), 1, want, file_.get());
    if (got == 0) fail("cannot read");
    out.write(buffer.data(), static_cast<std::streamsize>(got));
    left -= got;
  }
}

}  // namespace linkhealth
