#include "extractor/formats/word97_reader.h"

#include <algorithm>
#include <string>
#include <vector>

#include "extractor/formats/ole_file.h"

namespace chitieu {
namespace {

uint32_t le16(std::string_view b, size_t at) {
  if (at + 2 > b.size()) return 0;
  return static_cast<unsigned char>(b[at]) | (static_cast<unsigned char>(b[at + 1]) << 8);
}
uint32_t le32(std::string_view b, size_t at) { return le16(b, at) | (le16(b, at + 2) << 16); }

Status corrupt_doc(const std::string& why) { return Status::Error("corrupt .doc: " + why); }

// Most characters read: as much text as the largest plain text file read
// (source_text.h's 16 MiB), a few thousand pages.
constexpr uint32_t kMaxWordCharacters = 16u << 20;

// Windows-1252's 0x80..0x9F (the rest of the byte range is Latin-1).
uint32_t cp1252(unsigned char c) {
  static const uint16_t k80[32] = {0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                   0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,   0x017D, 0x8F,
                                   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                   0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
  return c >= 0x80 && c < 0xA0 ? k80[c - 0x80] : c;
}

// The FIB's fields this reader needs, found through the counts that precede
// each of its variable parts.
struct Fib {
  uint32_t n_fib = 0, flags = 0, ccp_text = 0, fc_clx = 0, lcb_clx = 0;
};

Status read_fib(std::string_view word, Fib* fib) {
  if (word.size() < 0x22 || le16(word, 0) != 0xA5EC) return corrupt_doc("no Word signature");
  fib->n_fib = le16(word, 2);
  fib->flags = le16(word, 0x0A);
  if (fib->n_fib < 0xC1) return Status::Error("unsupported format: Word 6/95 .doc");
  if (fib->flags & 0x0100) return Status::Error("encrypted .doc");
  size_t csw = le16(word, 0x20);
  size_t lw = 0x22 + csw * 2;  // cslw, then fibRgLw
  size_t cslw = le16(word, lw);
  size_t rg_lw = lw + 2;
  size_t blob = rg_lw + cslw * 4 + 2;  // after cbRgFcLcb
  size_t cb_fc_lcb = le16(word, rg_lw + cslw * 4);
  if (cslw < 4 || cb_fc_lcb < 34 || blob + 34 * 8 > word.size()) return corrupt_doc("FIB too short");
  fib->ccp_text = le32(word, rg_lw + 3 * 4);
  if (fib->ccp_text > kMaxWordCharacters)
    return Status::Error("Word document too large (" + std::to_string(fib->ccp_text) + " characters)");
  fib->fc_clx = le32(word, blob + 33 * 8);
  fib->lcb_clx = le32(word, blob + 33 * 8 + 4);
  return Status::Ok();
}

// The main document's characters, piece by piece, as code points.
Status main_text(std::string_view word, std::string_view table, const Fib& fib, std::vector<uint32_t>* text) {
  if (static_cast<uint64_t>(fib.fc_clx) + fib.lcb_clx > table.size()) return corrupt_doc("piece table past its stream");
  std::string_view clx = table.substr(fib.fc_clx, fib.lcb_clx);
  size_t at = 0;
  while (at < clx.size() && clx[at] == 0x01) at += 3 + le16(clx, at + 1);  // property modifiers
  if (at + 5 > clx.size() || clx[at] != 0x02) return corrupt_doc("no piece table");
  uint32_t lcb = le32(clx, at + 1);
  std::string_view plc = clx.substr(at + 5);
  if (lcb < 16 || lcb > plc.size() || (lcb - 4) % 12 != 0) return corrupt_doc("piece table size");
  size_t pieces = (lcb - 4) / 12;
  for (size_t i = 0; i < pieces && text->size() < fib.ccp_text; ++i) {
    uint32_t cp_begin = le32(plc, i * 4), cp_end = le32(plc, (i + 1) * 4);
    if (cp_end <= cp_begin) continue;
    uint32_t fc = le32(plc, (pieces + 1) * 4 + i * 8 + 2);
    bool compressed = fc & 0x40000000;
    size_t offset = compressed ? (fc & 0x3FFFFFFF) / 2 : fc;
    size_t count = std::min<size_t>(cp_end - cp_begin, fib.ccp_text - text->size());
    size_t width = compressed ? 1 : 2;
    if (offset + count * width > word.size()) return corrupt_doc("text past its stream");
    for (size_t k = 0; k < count; ++k) {
      if (compressed) {
        text->push_back(cp1252(static_cast<unsigned char>(word[offset + k])));
        continue;
      }
      uint32_t c = le16(word, offset + 2 * k);
      if (c >= 0xD800 && c < 0xDC00 && k + 1 < count) {
        uint32_t low = le16(word, offset + 2 * (k + 1));
        if (low >= 0xDC00 && low < 0xE000) {
          c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
          ++k;
        }
      }
      text->push_back(c);
    }
  }
  return Status::Ok();
}

void append_utf8(uint32_t cp, std::string* out) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Word's marks into lines (see the header). A cell's text ends with a cell
// mark, and a row with one more; an empty cell is a lone cell mark, so two
// marks in a row end the row only once it has as many cells as the row before
// (this reader does not read the paragraph properties that say it outright).
void to_lines(const std::vector<uint32_t>& text, DocumentLines* out) {
  std::string line;
  size_t cells = 0, cells_before = 0;  // in this row, and in the table's previous row
  std::vector<bool> in_instruction;  // per open field: between its begin and separator marks
  auto instruction = [&] { return !in_instruction.empty() && in_instruction.back(); };
  for (size_t i = 0; i < text.size() && !out->over_limit(); ++i) {
    uint32_t c = text[i];
    if (c == 0x13) {
      in_instruction.push_back(true);
    } else if (c == 0x14) {
      if (!in_instruction.empty()) in_instruction.back() = false;
    } else if (c == 0x15) {
      if (!in_instruction.empty()) in_instruction.pop_back();
    } else if (instruction()) {
      continue;
    } else if (c == 0x07) {
      bool row_end = cells > 0 && !line.empty() && line.back() == '\t' && cells >= cells_before;
      if (row_end) {
        line.pop_back();
        out->add(line, 0);
        line.clear();
        cells_before = cells;
        cells = 0;
      } else {
        line += '\t';
        ++cells;
      }
    } else if (c == 0x0D || c == 0x0B || c == 0x0C) {
      out->add(line, 0);
      line.clear();
      cells = cells_before = 0;
    } else if (c == 0x1E) {
      line += '-';
    } else if (c == 0x09) {
      line += '\t';
    } else if (c >= 0x20) {
      append_utf8(c, &line);
    }  // other controls: drawn objects (0x01, 0x08), footnote marks (0x02), 0x1F optional hyphen
  }
  if (!line.empty()) out->add(line, 0);
}

}  // namespace

Status read_word97(std::string_view bytes, DocumentLines* out) {
  out->clear();
  OleFile ole;
  Status st = ole.open(bytes);
  if (!st.ok()) return st;
  std::string word, table;
  bool found = false;
  st = ole.read("WordDocument", &word, &found);
  if (!st.ok()) return st;
  if (!found) return corrupt_doc("no WordDocument stream");
  Fib fib;
  st = read_fib(word, &fib);
  if (!st.ok()) return st;
  const char* table_name = (fib.flags & 0x0200) ? "1Table" : "0Table";
  st = ole.read(table_name, &table, &found);
  if (!st.ok()) return st;
  if (!found) return corrupt_doc(std::string("no ") + table_name + " stream");
  std::vector<uint32_t> text;
  st = main_text(word, table, fib, &text);
  if (!st.ok()) return st;
  to_lines(text, out);
  if (out->over_limit()) return out->too_many_lines();
  out->converted_by = "chitieu Word 97 reader (piece table, tables as tab rows)";
  return Status::Ok();
}

}  // namespace chitieu
