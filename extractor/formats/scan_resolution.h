// The resolution a scanned PDF page was scanned at, read from the page's
// image (qpdf): a scanner's PDF page is one image covering the page, and
// rendering it at that image's own resolution gives Tesseract the scanner's
// pixels — rendering a 200 dpi scan at 300 dpi interpolates pixels that were
// never scanned, and Tesseract reads the smoothed strokes worse (measured:
// bench/scans.sh, README "Scans").
#ifndef CHITIEU_EXTRACTOR_FORMATS_SCAN_RESOLUTION_H_
#define CHITIEU_EXTRACTOR_FORMATS_SCAN_RESOLUTION_H_

#include <string_view>
#include <vector>

namespace chitieu {

// For each page of `pdf`, the resolution (dots per inch) of the image that
// covers it, or 0 where a page is not one image whose shape is the page's
// (a page of text and drawings, several images, a small picture), or the PDF
// cannot be read. Never fails: a page without a known resolution is rendered
// at the reader's default.
std::vector<double> scanned_page_dpi(std::string_view pdf);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_FORMATS_SCAN_RESOLUTION_H_
