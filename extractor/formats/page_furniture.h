// Running headers, footers and page numbers in text read page by page.
//
// A PDF repeats its header ("Công báo số 12", the document number) and footer
// on every page and numbers the pages; read as text they sit between the end
// of one page's paragraph and its continuation, and a header with a number in
// it would read as a figure. They are recognised here, without any layout
// information, by where they are and how often they come back:
//   - a line among the first or last two of a page whose text, digits aside,
//     recurs at the top or bottom of at least half the pages (two at least);
//   - a page number ("7", "- 7 -", "Trang 7", "7/20") among those lines that
//     follows the page count (7 on page 7, or 5 on page 7 throughout when the
//     numbering starts after a cover).
// Marked lines stay in the stored text; the extractor reads them as blank.
#ifndef CHITIEU_EXTRACTOR_FORMATS_PAGE_FURNITURE_H_
#define CHITIEU_EXTRACTOR_FORMATS_PAGE_FURNITURE_H_

#include "extractor/formats/document_lines.h"

namespace chitieu {

// Sets `doc->boilerplate` (one flag per line) from `doc->pages`; does nothing
// when the document has no pages.
void mark_page_furniture(DocumentLines* doc);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_FORMATS_PAGE_FURNITURE_H_
