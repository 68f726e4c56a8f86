// Tests for extractor/formats/ocr_lines.h: a paragraph's gap on a scanned page
// becomes a blank line, as in the typed text, and nothing else does.
#include "extractor/formats/ocr_lines.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace chitieu {
namespace {

// Lines named by their baselines, read through with_paragraph_gaps; the
// result as the lines' texts, a blank line as "".
std::vector<std::string> gaps(const std::vector<int>& baselines) {
  std::vector<OcrLine> lines;
  std::vector<LineBox> boxes;
  for (int b : baselines) {
    lines.push_back({std::to_string(b), 90, {{0, 3, 90}}});
    boxes.push_back({b});
  }
  std::vector<std::string> out;
  for (const OcrLine& l : with_paragraph_gaps(lines, boxes)) out.push_back(l.text);
  return out;
}

TEST(OcrLines, AParagraphGapIsABlankLine) {
  // 39 px a line at 200 dpi (12 pt), a paragraph's extra 20 px before 238 and 375.
  EXPECT_EQ(gaps({100, 139, 178, 238, 277, 316, 375}),
            (std::vector<std::string>{"100", "139", "178", "", "238", "277", "316", "", "375"}));
}

TEST(OcrLines, WideLineSpacingAloneIsNoGap) {
  // One and a half lines apart, every line: the page's usual pitch.
  EXPECT_EQ(gaps({100, 160, 220, 281, 340}), (std::vector<std::string>{"100", "160", "220", "281", "340"}));
}

TEST(OcrLines, ANewColumnOrAFarJumpIsNoGap) {
  // Up the page (the next column), or more than four lines down (a figure between).
  EXPECT_EQ(gaps({100, 139, 178, 120, 159, 400, 439}),
            (std::vector<std::string>{"100", "139", "178", "120", "159", "400", "439"}));
}

}  // namespace
}  // namespace chitieu
