#include "display/frame_timing.hpp"

#include <algorithm>

#include "base/layout.hpp"

namespace backcare {
namespace {

// While the breath bar moves, a countdown that changes this little before the bar's next cell
// is drawn with that cell: the bar keeps its own steps (a redraw just before a cell would
// push the cell past the loop's 20-a-second limit), the number is at most this late.
constexpr std::int64_t k_merge_ms = 100;

// Milliseconds until a countdown of `left_ms`, shown in whole seconds rounded up, shows the
// next number; -1 when it has reached 0.
std::int64_t next_second(std::int64_t left_ms) {
  return left_ms > 0 ? (left_ms - 1) % 1000 + 1 : -1;
}

// The sooner of two delays, -1 meaning none.
std::int64_t sooner(std::int64_t a, std::int64_t b) {
  if (a < 0) {
    return b;
  }
  return b < 0 ? a : std::min(a, b);
}

// Full cells of the breath bar `elapsed_ms` into `segment`.
int bar_cells_at(const Segment& segment, std::int64_t elapsed_ms, int cells, bool ascii) {
  const double progress =
      static_cast<double>(elapsed_ms) / static_cast<double>(segment.duration_ms);
  return bar_full_cells(breath_fill(segment.phase, progress), cells, ascii);
}

// Milliseconds until the breath bar's full cells change, within what is left of the segment
// (the count only grows through an inhale and only shrinks through an exhale, so the first
// change is found by halving); -1 when it stays as it is until the end.
std::int64_t next_bar_cell(const Segment& segment, const SessionView& view, int cells, bool ascii) {
  const std::int64_t left = view.segment_left_ms;
  if (segment.duration_ms <= 0 || left <= 0) {
    return -1;
  }
  const std::int64_t elapsed =
      std::clamp<std::int64_t>(view.position_ms - segment.start_ms, 0, segment.duration_ms);
  const int shown = bar_full_cells(breath_fill(segment.phase, view.segment_progress), cells, ascii);
  const auto changed = [&](std::int64_t delay) {
    return bar_cells_at(segment, std::min(elapsed + delay, segment.duration_ms), cells, ascii) !=
           shown;
  };
  if (!changed(left)) {
    return -1;
  }
  std::int64_t low = 1;
  std::int64_t high = left;
  while (low < high) {
    const std::int64_t middle = low + (high - low) / 2;
    if (changed(middle)) {
      high = middle;
    } else {
      low = middle + 1;
    }
  }
  return low;
}

}  // namespace

std::int64_t next_frame_change_ms(const Plan& plan, const SessionView& view,
                                  const FrameOptions& options) {
  if (view.paused || view.finished || view.segment >= plan.segments.size()) {
    return -1;
  }
  if (view.lead_in_left_ms > 0) {
    return next_second(view.lead_in_left_ms);  // nothing else moves during a lead-in
  }
  std::int64_t next = sooner(next_second(view.segment_left_ms), next_second(view.step_left_ms));
  next = sooner(next, next_second(view.routine_left_ms));
  const Segment& segment = plan.segments[view.segment];
  if (segment.phase == Phase::inhale || segment.phase == Phase::exhale) {
    const int cells = std::clamp(options.width, 1, k_max_frame_width);
    const std::int64_t cell = next_bar_cell(segment, view, cells, options.ascii);
    if (cell >= 0 && (next < 0 || cell - next <= k_merge_ms)) {
      next = cell;  // the cell first, or a countdown drawn with it
    }
  }
  if (next > 0 && view.segment_left_ms > 0) {
    next = std::min(next, view.segment_left_ms);
  }
  return next;
}

}  // namespace backcare
