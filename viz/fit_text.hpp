// Text that never runs past the room it has, the fonts of the window, and
// the check that nothing on screen is cut.
//
// Every line of a panel either fits, wraps, scrolls, or is cut with "..." and
// shows itself whole in a tooltip under the pointer (fit_text and friends).
// clip_audit_json() looks at what the last frame drew (through ImGui's
// internals: every window's content width against its width, every table
// cell's content against its column) and lists what was cut without a
// tooltip; `print-clipped` in replay scripts prints it for the tests.
#pragma once

#include <string>

#include <imgui.h>

namespace tablemap::viz {

// Loads the window's font (DejaVu Sans, else Noto Sans, else ImGui's own)
// at `pixels` times the monitor's content scale, and a bold face for
// Markdown captions; scales the style to match. Returns the font file used
// ("" when ImGui's built-in font).
std::string load_fonts(float pixels, float content_scale);
// The bold face (the regular one when no bold file was found).
ImFont* bold_font();

// One line of text in the rest of the line (or in `width` pixels): whole
// when it fits, else cut with "..." and whole in a tooltip.
void fit_text(const std::string& text, float width = 0);
void fit_text_colored(const ImVec4& color, const std::string& text, float width = 0);
// A selectable row with a label that fits the same way. True when clicked.
bool fit_selectable(const std::string& label, bool selected, float width = 0);
// A small button whose label fits the same way.
bool fit_small_button(const std::string& label, float max_width = 0);

// Before an item `width` pixels wide that may follow the last one on the
// same line: stays on the line when it fits, else starts a new one.
// `first` is true for the first item of a run.
void flow(float width, bool first);
// The width of a small button with this label.
float small_button_width(const std::string& label);

// What the last frame cut without a tooltip, one JSON line:
// {"windows": [names whose content runs past their right edge without a
// scroll bar], "cells": [{"table", "column", "overflow"}], "cut_with_tooltip": N,
// "fitted": N}.
std::string clip_audit_json();
// Called at the start of each frame (resets the counts of fit_text).
void clip_audit_new_frame();

}  // namespace tablemap::viz
