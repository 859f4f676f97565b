#pragma once
// When the live frame next looks different by itself, so the loop draws then instead of at a
// fixed rate: pure, from the plan, the view and the frame's options (tests/frame_timing_test.cpp).
#include <cstdint>

#include "display/render.hpp"
#include "routine/plan.hpp"
#include "session/session.hpp"

namespace backcare {

// Plan milliseconds (>= 1) from `view` until the frame render_frame draws for it next changes
// with no event, or -1 when it never does (paused, finished). What counts:
//   during a lead-in, its count ("GET READY 3", 2, 1);
//   the whole seconds shown by the segment, step and routine countdowns;
//   while the breath bar moves (inhale, exhale), its next whole cell at this width (a 4 s inhale
//   on an 80-cell bar: every 50 ms; on 40 cells: every 100 ms); a countdown that changes at
//   most 100 ms before that cell is drawn with it (so the cells keep their times under the
//   loop's 20-a-second limit). A cell's eighth-block edge is drawn with it; the bar of other
//   phases and the routine bar move on with the seconds.
// Never later than the segment's end (an event: the loop draws then anyway). At a height of 1
// the bar is shorter than the panel; the panel's cells are counted, so it is drawn no later.
std::int64_t next_frame_change_ms(const Plan& plan, const SessionView& view,
                                  const FrameOptions& options);

}  // namespace backcare
