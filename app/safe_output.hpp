// The CLI's one output filter: names and cells from the user's files reach
// the terminal with their control characters shown (core/escape.hpp), so a
// name holding ANSI escapes cannot clear the screen or retitle the window.
#pragma once

namespace tablemap::app {

// Replaces stdout and stderr by filtered streams; call once, first in main.
void filter_standard_output();

}  // namespace tablemap::app
