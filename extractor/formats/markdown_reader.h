// Markdown read as the text it marks up, line for line.
//
// A Markdown file is plain text by content (format_detect.h cannot tell it
// from a .txt that uses a few asterisks), so its name decides: a file named
// .md or .markdown is decoded as text, then each line loses its marks —
// emphasis (** and __ runs, *single* emphasis around a word), heading and
// quote marks at the start of a line, link and image syntax ([text](url) →
// text), inline code backticks and backslash escapes. Stored line N is the
// file's line N (DocumentLines::sources keeps each line's byte range in the
// decoded text, which is the file's when it is UTF-8).
//
// Tables are left as written, pipes and marks: table_grid.h reads `|` rows and
// the hard-wrapped tables that web-page conversions leave (a lone "|" between
// cells; 183 of the 582 documents of ../shared/realdocs have them), drops the
// emphasis of each cell itself, and never puts a pipe into a cell's text or a
// figure's quote. Turning pipes into tabs row by row would break the wrapped
// tables, and removing a wrapped cell's marks changed how one was read.
#ifndef CHITIEU_EXTRACTOR_FORMATS_MARKDOWN_READER_H_
#define CHITIEU_EXTRACTOR_FORMATS_MARKDOWN_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "extractor/formats/document_lines.h"

namespace chitieu {

// True for a file name ending in .md or .markdown (any case).
bool is_markdown_name(std::string_view file_name);

// One line of Markdown (outside a table) without its marks.
std::string markdown_line_text(std::string_view line);

// Every line of `text` (already split into `lines`, "\n" or "\r\n" ends)
// without its marks, with its place in `text`.
void read_markdown(std::string_view text, const std::vector<std::string>& lines, DocumentLines* out);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_FORMATS_MARKDOWN_READER_H_
