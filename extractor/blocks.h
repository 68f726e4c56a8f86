// Joining wrapped lines into blocks, and telling headings and items apart.
//
// PDF converters and OCR hard-wrap sentences, often with blank lines between the
// pieces; a figure's subject and its number may then sit on different lines. A
// block is a run of lines read as one paragraph: a line joins the one before when
// it continues it (starts in lower case, or with a digit after a line that did
// not end a sentence). Every code point of a block knows the line and the code
// point within that line's repaired text it came from, so any span found in a
// block maps back to raw lines and offsets.
#ifndef CHITIEU_EXTRACTOR_BLOCKS_H_
#define CHITIEU_EXTRACTOR_BLOCKS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/text_repair.h"

namespace chitieu {

struct Block {
  std::string text;    // repaired text of the joined lines, joined by ' '
  std::string folded;  // one ASCII byte per code point of `text`
  std::vector<uint32_t> text_byte;  // byte offset in `text` of each code point, + end
  std::vector<uint32_t> line;       // for each code point: 0-based line index
  std::vector<uint32_t> line_cp;    // for each code point: code point in that line
  uint32_t first_line = 0;          // 0-based
  uint32_t last_line = 0;

  // Heading level (0 = not a heading). 1: an appendix ("PHỤ LỤC") and its title
  // in capitals; 2: "I-", "Điều 1."; 3: "1."; 4: "1.1."; 5: "1.1.1."; 6: "a)";
  // 7: a short line standing alone ("Giai đoạn 2021 - 2025").
  int heading_level = 0;
  std::string item;       // "(12)" when the block opens a numbered item
  uint32_t body_begin = 0;  // code point after the heading or item marker

  size_t size() const { return folded.size(); }
  // Repaired text of code points [b, e).
  std::string slice(size_t b, size_t e) const {
    return text.substr(text_byte[b], text_byte[e] - text_byte[b]);
  }
};

std::vector<Block> build_blocks(const std::vector<RepairedLine>& lines);

// Whether folded text opens with a bullet: "- ", "+ ", "* ", "^ " after any
// spaces.
bool opens_with_bullet(std::string_view folded);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_BLOCKS_H_
