#pragma once
// Text set aside on disk and copied out later: how `scan --json` holds the parts of its
// document that must wait until the whole scan is known, without holding them in memory.

#include <cstdint>
#include <cstdio>
#include <iosfwd>
#include <memory>
#include <string_view>

namespace linkhealth {

/// An unnamed temporary file (the system removes it when it is closed, even after a crash).
class SpillFile {
 public:
  struct Span {
    std::uint64_t offset = 0;
    std::uint64_t size = 0;
  };

  /// Throws std::runtime_error when no temporary file can be made.
  SpillFile();

  /// Appends `text`; throws std::runtime_error when the disk is full.
  Span append(std::string_view text);
  /// Copies one appended span to `out`.
  void copy_to(std::ostream& out, Span span);

 private:
  struct Close {
    void operator()(std::FILE* file) const { std::fclose(file); }
  };
  std::unique_ptr<std::FILE, Close> file_;
  std::uint64_t size_ = 0;
};

}  // namespace linkhealth
