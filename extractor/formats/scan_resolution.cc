#include "extractor/formats/scan_resolution.h"

// qpdf's smart pointers as std::shared_ptr, without its transition warning.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <cmath>
#include <exception>

namespace chitieu {
namespace {

// The width and height of a PDF box [x0 y0 x1 y1], in points; 0 when malformed.
bool box_size(QPDFObjectHandle box, double* width, double* height) {
  if (!box.isRectangle()) return false;
  QPDFObjectHandle::Rectangle r = box.getArrayAsRectangle();
  *width = std::fabs(r.urx - r.llx);
  *height = std::fabs(r.ury - r.lly);
  return *width > 1 && *height > 1;
}

// The resolution of the page's one image when its shape is the page's (either
// way round: a page scanned sideways and placed turned); else 0.
double page_dpi(QPDFPageObjectHelper& page) {
  int images = 0;
  long long width = 0, height = 0;
  page.forEachImage(true, [&](QPDFObjectHandle& image, QPDFObjectHandle&, const std::string&) {
    ++images;
    QPDFObjectHandle dict = image.getDict();
    QPDFObjectHandle w = dict.getKey("/Width"), h = dict.getKey("/Height");
    if (w.isInteger() && h.isInteger()) width = w.getIntValue(), height = h.getIntValue();
  });
  double page_width = 0, page_height = 0;
  if (images != 1 || width <= 0 || height <= 0 || !box_size(page.getMediaBox(), &page_width, &page_height)) {
    return 0;
  }
  auto fits = [&](double w, double h) {
    double x = w / (page_width / 72), y = h / (page_height / 72);
    return std::fabs(x - y) <= 0.02 * std::max(x, y) ? (x + y) / 2 : 0.0;
  };
  double dpi = fits(static_cast<double>(width), static_cast<double>(height));
  if (dpi == 0) dpi = fits(static_cast<double>(height), static_cast<double>(width));
  return dpi;
}

}  // namespace

std::vector<double> scanned_page_dpi(std::string_view pdf) {
  std::vector<double> out;
  try {
    QPDF q;
    q.setSuppressWarnings(true);
    q.processMemoryFile("scan", pdf.data(), pdf.size());
    for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(q).getAllPages()) {
      double dpi = 0;
      try {
        dpi = page_dpi(page);
      } catch (const std::exception&) {
        dpi = 0;  // this page's resources are broken; the others may not be
      }
      out.push_back(dpi);
    }
  } catch (const std::exception&) {
    // qpdf could not read what Poppler did: no page has a known resolution.
  }
  return out;
}

}  // namespace chitieu
