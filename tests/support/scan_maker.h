// Scans made at test time: the pages of a PDF rendered to pixels by Poppler,
// as a scanner would see them, and written as an image-only PDF (Cairo) or as
// PNG files — optionally degraded with speckle noise and blur, as a poor
// photocopy is. Nothing binary is committed; the tests build what they read.
#ifndef CHITIEU_TESTS_SUPPORT_SCAN_MAKER_H_
#define CHITIEU_TESTS_SUPPORT_SCAN_MAKER_H_

#include <string>

namespace chitieu::maker {

struct ScanOptions {
  double dpi = 300;
  double noise = 0;   // share of pixels replaced by random grey, 0..1
  int blur = 0;       // box blur radius in pixels
  unsigned seed = 1;  // of the noise
};

// Every page of `pdf` as an image in a PDF with no text layer.
bool write_scan_pdf(const std::string& pdf, const ScanOptions& options, const std::string& out,
                    std::string* error);

// Page `page` (1-based) of `pdf` as a PNG image.
bool write_scan_png(const std::string& pdf, int page, const ScanOptions& options, const std::string& out,
                    std::string* error);

}  // namespace chitieu::maker

#endif  // CHITIEU_TESTS_SUPPORT_SCAN_MAKER_H_
