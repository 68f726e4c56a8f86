// Tesseract's reading of a page as lines (ocr_reader.h's OcrLine): each line
// its words joined by one space, each word with its confidence and its bytes
// in the line, the line's confidence the mean of its words' (Tesseract's own
// line confidence weighs in the layout analysis).
//
// Tesseract writes no blank lines; a paragraph's gap on the page is one here:
// where the distance from a line to the next is well above the page's usual
// line pitch, a blank line (no words, confidence 0) stands between them, as
// it does in the typed text. The extractor keeps a paragraph's year and
// clauses to the paragraph (measured: without the gaps, items of a list
// took the year of the item before).
#ifndef CHITIEU_EXTRACTOR_FORMATS_OCR_LINES_H_
#define CHITIEU_EXTRACTOR_FORMATS_OCR_LINES_H_

#include <vector>

#include "extractor/formats/ocr_reader.h"

namespace tesseract {
class ResultIterator;
}

namespace chitieu {

// Reads the iterator (after Recognize) to its end.
std::vector<OcrLine> read_ocr_lines(tesseract::ResultIterator* it);

// Where a line stands on the page: the height of its baseline's middle, in
// pixels from the top.
struct LineBox {
  int baseline = 0;
};

// `lines` with a blank line before each whose pitch from the line before
// (baseline to baseline) exceeds 1.3 times the page's median pitch; `boxes`
// are the lines' places. A pitch that goes up the page or spans more than
// four lines (a new column, a figure) is no paragraph gap.
std::vector<OcrLine> with_paragraph_gaps(std::vector<OcrLine> lines, const std::vector<LineBox>& boxes);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_FORMATS_OCR_LINES_H_
