// Reading scanned pages — a PDF without a text layer, a PNG, JPEG or TIFF —
// into lines with Tesseract and its Vietnamese model (tesseract-ocr-vie).
//
// Each line carries its words' confidences (0..100), as Tesseract reports
// them, and their mean, so a figure read from a doubtful word or line can say
// so. A scanned PDF page is rendered (Poppler) at the resolution of the image
// it is (scan_resolution.h), else at 300 dpi; a multi-page TIFF is read page
// by page (Leptonica). Each page is prepared as OCRmyPDF would prepare it —
// stamp colour dropped, turned upright, deskewed, background and specks
// cleaned (ocr_preprocess.h) — then recognised. Pages become lines with their
// 1-based page, and running headers, footers and page numbers are marked as
// for a text PDF (page_furniture.h).
//
// OCR is the slow path (seconds per page): pages run in parallel, one thread
// and one Tesseract engine per worker, Tesseract's own OpenMP threading off
// (it makes one page many times slower on a busy machine), and a page found in
// the cache is never recognised again.
//
// Errors: "OCR unavailable: …" (no Vietnamese model), "corrupt image: …",
// "image too large (…)", and the PDF errors of pdf_reader.h.
#ifndef CHITIEU_EXTRACTOR_FORMATS_OCR_READER_H_
#define CHITIEU_EXTRACTOR_FORMATS_OCR_READER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "extractor/formats/document_lines.h"
#include "extractor/formats/ocr_preprocess.h"

namespace chitieu {

struct OcrLine {
  std::string text;         // UTF-8 as Tesseract read it, words joined by one space
  float confidence = 0;     // mean word confidence, 0..100
  std::vector<OcrWord> words;  // in order; empty for a line cached before words were kept
};

// Pages already recognised, keyed by the SHA-256 of the file and the 1-based
// page, and kept with the name of the reader that read them (ocr_reader_id):
// a page read by another reader — an older chitieu, other preparation steps —
// is not found, and is read again. Called from the OCR workers, one call at a
// time (the reader holds a lock around them). A failed lookup or save only
// costs a recognition.
class OcrCache {
 public:
  virtual ~OcrCache() = default;
  virtual bool find(const std::string& sha256, uint32_t page, const std::string& reader,
                    std::vector<OcrLine>* lines) = 0;
  virtual void save(const std::string& sha256, uint32_t page, const std::string& reader,
                    const std::vector<OcrLine>& lines) = 0;
};

struct OcrOptions {
  OcrCache* cache = nullptr;  // none: every page is recognised
  std::string sha256;         // of the file's bytes: the cache key
  unsigned threads = 0;       // workers; 0: one per hardware thread
  int dpi = 300;              // rendering of PDF pages whose scan resolution is unknown
  OcrSteps steps;             // preparation of each page (all on; the benchmark turns them off)
};

// The pages of a PDF (that has no text layer) as lines; fills `out->confidence`.
Status ocr_pdf(std::string_view bytes, const OcrOptions& options, DocumentLines* out);

// A PNG, JPEG or (multi-page) TIFF as lines; fills `out->confidence`.
Status ocr_image(std::string_view bytes, const OcrOptions& options, DocumentLines* out);

// How pages are read with these steps: Tesseract's version, the model and the
// preparation ("tesseract 5.3.0 vie; prepared 2: native-dpi red-ink clean
// upright deskew").
std::string ocr_reader_id(const OcrSteps& steps);

// Pages recognised by Tesseract in this process so far (not those taken from a
// cache): how tests and the benchmark see that a page is never read twice.
uint64_t ocr_pages_recognised();

// Largest page image recognised, in pixels (an A4 page at 300 dpi is 8.7 M);
// a PDF page is rendered at a lower resolution to fit, an image is refused.
inline constexpr uint64_t kMaxOcrPixels = 64ull << 20;

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_FORMATS_OCR_READER_H_
