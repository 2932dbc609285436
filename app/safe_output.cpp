#include "app/safe_output.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <string>

#include "core/escape.hpp"

namespace tablemap::app {

namespace {

struct Filter {
  int fd;
  std::string pending;  // a trailing 0xC2 that may start a C1 control in the next write
};

bool write_all(int fd, const std::string& bytes) {
  for (size_t done = 0; done < bytes.size();) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += size_t(n);
  }
  return true;
}

ssize_t filtered_write(void* cookie, const char* data, size_t size) {
  auto* f = static_cast<Filter*>(cookie);
  std::string text = f->pending + std::string(data, size);
  f->pending.clear();
  if (!text.empty() && static_cast<unsigned char>(text.back()) == 0xC2) {
    f->pending = text.substr(text.size() - 1);
    text.pop_back();
  }
  return write_all(f->fd, escape_for_terminal(text)) ? ssize_t(size) : -1;
}

int filtered_close(void* cookie) {
  auto* f = static_cast<Filter*>(cookie);
  if (!f->pending.empty()) write_all(f->fd, f->pending);
  delete f;
  return 0;
}

FILE* filtered(FILE* original, int fd, int buffering) {
  std::fflush(original);
  cookie_io_functions_t io{};
  io.write = filtered_write;
  io.close = filtered_close;
  FILE* f = fopencookie(new Filter{fd, {}}, "w", io);
  if (!f) return original;
  std::setvbuf(f, nullptr, buffering, buffering == _IONBF ? 0 : 1 << 16);
  return f;
}

}  // namespace

void filter_standard_output() {
  stdout = filtered(stdout, STDOUT_FILENO, ::isatty(STDOUT_FILENO) ? _IOLBF : _IOFBF);
  stderr = filtered(stderr, STDERR_FILENO, _IONBF);
}

}  // namespace tablemap::app
