#include "app/safe_output.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
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

void write_pending(Filter& f) {
  if (!f.pending.empty()) write_all(f.fd, f.pending);
  f.pending.clear();
}

int filtered_close(void* cookie) {
  write_pending(*static_cast<Filter*>(cookie));
  return 0;
}

// The filters of stdout and stderr, for the whole life of the process: exit()
// only flushes the streams, it never closes them, so their close function
// does not run (a filter deleted there leaked at every exit, which made
// every CLI run fail under make test-sanitize, and lost a held-back byte).
Filter* filters[2];

// At exit, before stdio's own last flush: flush, then write what a filter held back.
void flush_filters() {
  std::fflush(stdout);
  std::fflush(stderr);
  for (Filter* f : filters)
    if (f) write_pending(*f);
}

FILE* filtered(FILE* original, Filter*& filter, int fd, int buffering) {
  std::fflush(original);
  cookie_io_functions_t io{};
  io.write = filtered_write;
  io.close = filtered_close;
  filter = new Filter{fd, {}};
  FILE* f = fopencookie(filter, "w", io);
  if (!f) return original;
  std::setvbuf(f, nullptr, buffering, buffering == _IONBF ? 0 : 1 << 16);
  return f;
}

}  // namespace

void filter_standard_output() {
  stdout = filtered(stdout, filters[0], STDOUT_FILENO, ::isatty(STDOUT_FILENO) ? _IOLBF : _IOFBF);
  stderr = filtered(stderr, filters[1], STDERR_FILENO, _IONBF);
  std::atexit(flush_filters);
}

}  // namespace tablemap::app
