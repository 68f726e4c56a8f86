#include "support/scan_maker.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <random>
#include <vector>

namespace chitieu::maker {
namespace {

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;

// Grey levels of a rendered page, noise and blur applied, as a Cairo surface.
Surface scanned(const poppler::image& img, const ScanOptions& o) {
  const int w = img.width(), h = img.height();
  std::vector<uint8_t> grey(static_cast<size_t>(w) * h);
  const char* data = img.const_data();
  for (int y = 0; y < h; ++y) {
    const auto* row = reinterpret_cast<const uint8_t*>(data + static_cast<size_t>(y) * img.bytes_per_row());
    for (int x = 0; x < w; ++x) {  // ARGB32, little-endian: B G R A
      const uint8_t* p = row + 4 * x;
      grey[static_cast<size_t>(y) * w + x] = static_cast<uint8_t>((p[0] + 2 * p[1] + p[2]) / 4);
    }
  }
  if (o.blur > 0) {
    // Separable box blur, rows then columns.
    std::vector<uint8_t> tmp(grey.size());
    int r = o.blur, n = 2 * r + 1;
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x) {
        int sum = 0;
        for (int k = -r; k <= r; ++k) sum += grey[static_cast<size_t>(y) * w + std::clamp(x + k, 0, w - 1)];
        tmp[static_cast<size_t>(y) * w + x] = static_cast<uint8_t>(sum / n);
      }
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x) {
        int sum = 0;
        for (int k = -r; k <= r; ++k) sum += tmp[static_cast<size_t>(std::clamp(y + k, 0, h - 1)) * w + x];
        grey[static_cast<size_t>(y) * w + x] = static_cast<uint8_t>(sum / n);
      }
  }
  if (o.noise > 0) {
    std::mt19937 rng(o.seed);
    std::uniform_real_distribution<double> coin(0, 1);
    std::uniform_int_distribution<int> level(0, 255);
    for (uint8_t& g : grey)
      if (coin(rng) < o.noise) g = static_cast<uint8_t>(level(rng));
  }
  Surface s(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
  cairo_surface_flush(s.get());
  unsigned char* out = cairo_image_surface_get_data(s.get());
  int stride = cairo_image_surface_get_stride(s.get());
  for (int y = 0; y < h; ++y) {
    auto* row = reinterpret_cast<uint32_t*>(out + static_cast<size_t>(y) * stride);
    for (int x = 0; x < w; ++x) {
      uint32_t g = grey[static_cast<size_t>(y) * w + x];
      row[x] = 0xFF000000u | g << 16 | g << 8 | g;
    }
  }
  cairo_surface_mark_dirty(s.get());
  return s;
}

// Calls `visit` with each page (1-based number, size in points, scanned image).
bool each_page(const std::string& pdf, const ScanOptions& o,
               const std::function<bool(int, double, double, cairo_surface_t*)>& visit, std::string* error) {
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(pdf));
  if (!doc || doc->is_locked()) {
    *error = "cannot open " + pdf;
    return false;
  }
  poppler::page_renderer renderer;
  renderer.set_render_hints(poppler::page_renderer::antialiasing | poppler::page_renderer::text_antialiasing);
  renderer.set_paper_color(0xFFFFFFFF);
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    poppler::rectf box = page->page_rect(poppler::media_box);
    poppler::image img = renderer.render_page(page.get(), o.dpi, o.dpi);
    if (!img.is_valid()) {
      *error = "cannot render page " + std::to_string(i + 1);
      return false;
    }
    ScanOptions page_options = o;
    page_options.seed = o.seed + static_cast<unsigned>(i);
    Surface s = scanned(img, page_options);
    if (!visit(i + 1, box.width(), box.height(), s.get())) return true;
  }
  return true;
}

}  // namespace

bool write_scan_pdf(const std::string& pdf, const ScanOptions& options, const std::string& out,
                    std::string* error) {
  cairo_surface_t* target = nullptr;
  cairo_t* cr = nullptr;
  bool ok = each_page(
      pdf, options,
      [&](int, double width, double height, cairo_surface_t* image) {
        if (target == nullptr) {
          target = cairo_pdf_surface_create(out.c_str(), width, height);
          cr = cairo_create(target);
        } else {
          cairo_pdf_surface_set_size(target, width, height);
        }
        cairo_save(cr);
        cairo_scale(cr, 72.0 / options.dpi, 72.0 / options.dpi);
        cairo_set_source_surface(cr, image, 0, 0);
        cairo_paint(cr);
        cairo_restore(cr);
        cairo_show_page(cr);
        return true;
      },
      error);
  if (target == nullptr) {
    if (ok) *error = "no pages in " + pdf;
    return false;
  }
  cairo_destroy(cr);
  cairo_surface_finish(target);
  cairo_status_t st = cairo_surface_status(target);
  cairo_surface_destroy(target);
  if (st != CAIRO_STATUS_SUCCESS) {
    *error = cairo_status_to_string(st);
    return false;
  }
  return ok;
}

bool write_scan_png(const std::string& pdf, int page, const ScanOptions& options, const std::string& out,
                    std::string* error) {
  bool written = false;
  bool ok = each_page(
      pdf, options,
      [&](int number, double, double, cairo_surface_t* image) {
        if (number != page) return true;
        cairo_status_t st = cairo_surface_write_to_png(image, out.c_str());
        if (st != CAIRO_STATUS_SUCCESS) *error = cairo_status_to_string(st);
        written = st == CAIRO_STATUS_SUCCESS;
        return false;
      },
      error);
  if (ok && !written && error->empty()) *error = "no page " + std::to_string(page) + " in " + pdf;
  return ok && written;
}

}  // namespace chitieu::maker
