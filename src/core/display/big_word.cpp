#include "display/big_word.hpp"

#include <algorithm>
#include <string>
#include <string_view>

namespace backcare {

namespace {

// The segment's side in capitals ("LEFT"), when it has one the font draws: "" otherwise.
std::string big_side(const Segment& segment) {
  std::string side = segment.labels.side.str();
  for (char& c : side) {
    if (c >= 'a' && c <= 'z') {
      c = static_cast<char>(c - 'a' + 'A');
    } else if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') && c != ' ') {
      return "";
    }
  }
  return side;
}

// One way to show the phase word with --big: a caption in normal text over block letters.
struct BigChoice {
  Line caption;
  std::string letters;     // drawn by render_big
  std::string_view style;  // of the letters
  std::string widest;      // the letters at their widest in this segment (its first count)
};

// The ways to show the word, the largest first: everything in block letters ("▲ INHALE 4"),
// else the word as the caption over a big count ("▲ 4", then "4").
std::vector<BigChoice> big_choices(const FrameContext& frame) {
  const SessionView& view = frame.view;
  if (frame.done) {
    return {{{}, "DONE", k_style_bold, "DONE"}};
  }
  if (view.paused) {
    // Not inverse, like the normal word: inverse would turn the letters into holes.
    BigChoice paused = {{}, "PAUSED", k_style_paused_big, "PAUSED"};
    if (frame.segment != nullptr) {
      paused.caption = {{phase_label(frame.plan, *frame.segment, frame.ascii) + " " +
                             countdown_text(view.segment_left_ms),
                         k_style_dim}};
    }
    return {paused};
  }
  if (frame.lead_in) {
    const std::string count = countdown_text(view.lead_in_left_ms);
    const std::string words = "GET READY";
    return {{{}, words + " " + count, k_style_get_ready, words + " " + count},
            {{{words, k_style_get_ready}}, count, k_style_get_ready, count}};
  }
  if (frame.segment == nullptr) {
    return {};
  }
  const Segment& segment = *frame.segment;
  // The marks in UTF-8: the font draws them as arrows, in '#' too.
  const std::string label = phase_label(frame.plan, segment);
  const std::string mark = label.substr(0, label.size() - phase_word(frame.plan, segment).size());
  const std::string count = countdown_text(view.segment_left_ms);
  const std::string first = countdown_text(segment.duration_ms);
  const std::string_view style = phase_style(segment.phase).word;
  const Line caption = {{phase_label(frame.plan, segment, frame.ascii), style}};
  std::vector<BigChoice> choices;
  // On the mat the side is what matters: it goes big, the word to the caption.
  if (const std::string side = big_side(segment); !side.empty()) {
    const Line with_count = {{caption.front().text + " " + count, style}};
    choices.push_back({caption, side + " " + count, style, side + " " + first});
    choices.push_back({with_count, side, style, side});
  }
  choices.push_back({{}, label + " " + count, style, label + " " + first});
  choices.push_back({caption, mark + count, style, mark + first});
  choices.push_back({caption, count, style, first});
  return choices;
}

}  // namespace

bool big_fits(const FrameOptions& options) {
  return options.big && std::clamp(options.width, 1, k_max_frame_width) >= k_big_min_width &&
         (options.height <= 0 || options.height >= k_big_block_lines + 1);
}

std::vector<Line> big_word_lines(const FrameContext& frame, Line normal) {
  std::vector<Line> lines(k_big_block_lines);
  lines[0] = std::move(normal);
  for (const BigChoice& choice : big_choices(frame)) {
    if (std::max(big_width(choice.letters), big_width(choice.widest)) > frame.panel) {
      continue;
    }
    lines[0] = choice.caption;
    const std::vector<std::string> rows = render_big(choice.letters, frame.ascii);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      lines[i + 1] = {{rows[i].substr(0, rows[i].find_last_not_of(' ') + 1), choice.style}};
    }
    break;
  }
  return lines;
}

}  // namespace backcare
