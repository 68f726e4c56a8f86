// Preparing a scanned page for Tesseract, in the manner of OCRmyPDF: what a
// copier and an office scanner do to a page is undone before recognition.
//
//   1. grey levels, red ink lightened to the paper first: a round red stamp
//      over black text disappears, the text under it stays (drop_colour);
//   2. the page turned upright when it was scanned sideways or upside down,
//      as Tesseract's orientation detection (OSD, osd.traineddata) reads it
//      (orientation);
//   3. the skew found (Leptonica's pixFindSkew) and undone (deskew);
//   4. the background levelled to white, a photocopy's dark margins and
//      isolated dust specks painted out (clean);
//   5. optionally black and white (Sauvola) instead of grey (binarize).
//
// Each step can be switched off (OcrSteps), so the benchmark measures what
// it gains on degraded pages (bench/ocr_steps.cc; README, "Scans").
#ifndef CHITIEU_EXTRACTOR_FORMATS_OCR_PREPROCESS_H_
#define CHITIEU_EXTRACTOR_FORMATS_OCR_PREPROCESS_H_

#include <memory>

struct Pix;
namespace tesseract {
class TessBaseAPI;
}

namespace chitieu {

struct OcrSteps {
  bool native_resolution = true;  // a scanned PDF page rendered at its image's own dpi (ocr_reader)
  bool drop_colour = true;
  bool orientation = true;
  bool deskew = true;
  bool clean = true;
  bool binarize = false;
};

struct PixDeleter {
  void operator()(Pix* p) const;
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

// What preparing a page did, for tests and the benchmark.
struct PreparedPage {
  PixPtr pix;               // 8-bit grey, or 1-bit when binarized
  int quarter_turns = 0;    // clockwise quarter turns applied to make it upright
  float skew_degrees = 0;   // rotation applied to undo the skew
};

// Which way up a page is: Leptonica's quick reading, and where it does not
// say upright, Tesseract's orientation detection. One per thread (it holds a
// Tesseract engine, loaded when first needed).
class OrientationDetector {
 public:
  OrientationDetector();
  ~OrientationDetector();
  // Clockwise quarter turns (0..3) that make `grey` upright; 0 when unsure.
  int quarter_turns(Pix* grey, int dpi);

 private:
  int osd_turns(Pix* grey, int dpi);  // -1: unsure, or no osd.traineddata

  std::unique_ptr<tesseract::TessBaseAPI> api_;
  bool tried_ = false;
};

// `page` (8-bit grey, 32-bit RGB, or any depth Leptonica converts) ready for
// Tesseract; `dpi` is the page's resolution. `detector` may be null when
// orientation is off. Null pix on failure (out of memory, a broken image).
PreparedPage prepare_page(Pix* page, int dpi, const OcrSteps& steps, OrientationDetector* detector);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_FORMATS_OCR_PREPROCESS_H_
