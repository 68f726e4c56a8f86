#include "extractor/formats/markdown_reader.h"

#include <algorithm>
#include <cctype>

namespace chitieu {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }

// The characters markdown_line_text acts on; every other one is copied.
bool may_open_mark(char c) {
  return c == '\\' || c == '*' || c == '_' || c == '`' || c == '[' || c == '!';
}

// "# ", "## " … at the start (after indentation), and "> " quote marks.
size_t block_marks_end(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  for (;;) {
    if (i < line.size() && line[i] == '>') {
      ++i;
      if (i < line.size() && line[i] == ' ') ++i;
      continue;
    }
    size_t h = i;
    while (h < line.size() && line[h] == '#' && h - i < 6) ++h;
    if (h > i && (h == line.size() || line[h] == ' ')) return h == line.size() ? h : h + 1;
    return i;
  }
}

// The closing "](url)" of a link whose text starts after `open`, or npos.
// Looked for within a bounded stretch: a line of brackets stays linear.
size_t link_close(std::string_view line, size_t open, size_t* text_end) {
  constexpr size_t kReach = 1024;
  size_t close = line.substr(0, std::min(line.size(), open + kReach)).find("](", open);
  if (close == std::string_view::npos || line.find('\n', open) < close) return std::string_view::npos;
  size_t paren = line.substr(0, std::min(line.size(), close + 2 + kReach)).find(')', close + 2);
  if (paren == std::string_view::npos || line.find(' ', close + 2) < paren) return std::string_view::npos;
  *text_end = close;
  return paren + 1;
}

// Whether a single '*' at `i` opens (non-space after) or closes (non-space
// before) emphasis with a partner on the line: "*Ghi chú*" loses both, "5 * 3"
// and a bullet "* item" keep theirs.
size_t single_star_partner(std::string_view line, size_t i) {
  if (i + 1 >= line.size() || is_space(line[i + 1]) || line[i + 1] == '*') return std::string_view::npos;
  if (i > 0 && std::isalnum(static_cast<unsigned char>(line[i - 1]))) return std::string_view::npos;
  for (size_t j = i + 2; j < line.size(); ++j) {
    if (line[j] != '*') continue;
    if (is_space(line[j - 1]) || (j + 1 < line.size() && line[j + 1] == '*')) return std::string_view::npos;
    return j;
  }
  return std::string_view::npos;
}

bool starts_with_pipe(const std::string& line) {
  size_t b = line.find_first_not_of(" \t");
  return b != std::string::npos && line[b] == '|';
}

// Lines of a table: a `|` row, or a line with a `|` row within three lines
// before and after it (a cell wrapped over lines between the lone "|" lines
// of a hard-wrapped table). They are left as written: table_grid.h reads
// their pipes and drops the emphasis of each cell itself.
std::vector<bool> table_lines(const std::vector<std::string>& lines) {
  constexpr size_t kReach = 3;
  std::vector<bool> pipe(lines.size()), in_table(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) pipe[i] = starts_with_pipe(lines[i]);
  for (size_t i = 0; i < lines.size(); ++i) {
    bool before = false, after = false;
    for (size_t k = 1; k <= kReach; ++k) {
      before |= i >= k && pipe[i - k];
      after |= i + k < lines.size() && pipe[i + k];
    }
    in_table[i] = pipe[i] || (before && after);
  }
  return in_table;
}

}  // namespace

bool is_markdown_name(std::string_view name) {
  auto ends = [&](std::string_view ext) {
    if (name.size() < ext.size()) return false;
    for (size_t i = 0; i < ext.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(name[name.size() - ext.size() + i])) != ext[i]) return false;
    return true;
  };
  return ends(".md") || ends(".markdown");
}

std::string markdown_line_text(std::string_view line) {
  std::string out;
  size_t i = block_marks_end(line);
  out.reserve(line.size());
  std::vector<size_t> pending_stars;  // single '*' already known to close later
  while (i < line.size()) {
    char c = line[i];
    if (c == '\\' && i + 1 < line.size() && std::ispunct(static_cast<unsigned char>(line[i + 1]))) {
      out += line[i + 1];
      i += 2;
    } else if ((c == '*' || c == '_') && i + 1 < line.size() && line[i + 1] == c) {
      size_t run = i;
      while (run < line.size() && line[run] == c) ++run;
      // "**" and "***" are emphasis; "__" only around text ("__a__"), since
      // forms draw their blanks with underscores.
      bool drop = c == '*' ? run - i <= 3 : run - i == 2 && run < line.size() && !is_space(line[run]);
      if (c == '_' && run - i == 2 && i > 0 && !is_space(line[i - 1]) && !out.empty()) drop = true;
      if (!drop) out.append(line.substr(i, run - i));
      i = run;
    } else if (c == '*' && !pending_stars.empty() && pending_stars.back() == i) {
      pending_stars.pop_back();
      ++i;
    } else if (c == '*' && single_star_partner(line, i) != std::string_view::npos) {
      pending_stars.push_back(single_star_partner(line, i));
      ++i;
    } else if (c == '`') {
      ++i;
    } else if ((c == '[' || (c == '!' && i + 1 < line.size() && line[i + 1] == '[')) ) {
      size_t open = c == '!' ? i + 2 : i + 1, text_end = 0;
      size_t after = link_close(line, open, &text_end);
      if (after == std::string_view::npos) {
        out += c;
        ++i;
      } else {
        out += markdown_line_text(line.substr(open, text_end - open));
        i = after;
      }
    } else {
      // Up to the next character that may open a mark, copied in one piece
      // (a loop: find_first_of asks memchr about every byte).
      size_t next = i + 1;
      while (next < line.size() && !may_open_mark(line[next])) ++next;
      out.append(line.substr(i, next - i));
      i = next;
    }
  }
  return out;
}

void read_markdown(std::string_view text, const std::vector<std::string>& lines, DocumentLines* out) {
  size_t at = 0;
  std::vector<bool> in_table = table_lines(lines);
  for (size_t i = 0; i < lines.size(); ++i) {
    LineSource src;
    src.line = static_cast<uint32_t>(i + 1);
    src.begin = at;
    src.end = std::min(text.size(), at + lines[i].size());
    out->add(in_table[i] ? lines[i] : markdown_line_text(lines[i]), src);
    size_t nl = text.find('\n', at);
    at = nl == std::string_view::npos ? text.size() : nl + 1;
  }
  out->converted_by = "markdown marks removed (emphasis, headings, links, escapes; tables kept as written)";
}

}  // namespace chitieu
