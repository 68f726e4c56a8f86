#include "support/scan_maker.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <leptonica/allheaders.h>
#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <memory>
#include <random>
#include <vector>

namespace chitieu::maker {
namespace {

struct PixDeleter {
  void operator()(Pix* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;

constexpr double kPi = 3.14159265358979323846;

// Leptonica keeps an RGB pixel as one 32-bit word, red in the top byte.
struct Rgb {
  double r, g, b;
};

Rgb get_rgb(const l_uint32* row, int x) {
  l_int32 r, g, b;
  extractRGBValues(row[x], &r, &g, &b);
  return {double(r), double(g), double(b)};
}

void put_rgb(l_uint32* row, int x, Rgb c) {
  auto clip = [](double v) { return static_cast<l_int32>(std::clamp(std::lround(v), 0l, 255l)); };
  composeRGBPixel(clip(c.r), clip(c.g), clip(c.b), &row[x]);
}

l_uint32* row_of(Pix* pix, int y) { return pixGetData(pix) + static_cast<size_t>(y) * pixGetWpl(pix); }

// Page `page` rendered as 32-bit RGB.
PixPtr render(poppler::page* page, double dpi) {
  poppler::page_renderer renderer;
  renderer.set_render_hints(poppler::page_renderer::antialiasing | poppler::page_renderer::text_antialiasing);
  renderer.set_paper_color(0xFFFFFFFF);
  poppler::image img = renderer.render_page(page, dpi, dpi);
  if (!img.is_valid()) return nullptr;
  const int w = img.width(), h = img.height();
  PixPtr pix(pixCreate(w, h, 32));
  for (int y = 0; y < h; ++y) {
    const auto* in = reinterpret_cast<const uint8_t*>(img.const_data() + static_cast<size_t>(y) * img.bytes_per_row());
    l_uint32* out = row_of(pix.get(), y);
    for (int x = 0; x < w; ++x) composeRGBPixel(in[4 * x + 2], in[4 * x + 1], in[4 * x], &out[x]);
  }
  return pix;
}

// A copier's toner on greyish paper: white becomes ~232, black ~45.
void print_toner(Pix* pix) {
  for (int y = 0; y < pixGetHeight(pix); ++y) {
    l_uint32* row = row_of(pix, y);
    for (int x = 0; x < pixGetWidth(pix); ++x) {
      Rgb c = get_rgb(row, x);
      double v = 45 + (232 - 45) * (0.3 * c.r + 0.59 * c.g + 0.11 * c.b) / 255;
      put_rgb(row, x, {v, v, v});
    }
  }
}

// Whether a point at radius `r` (in stamp radii) and angle `a` is inked: an
// outer ring, an inner ring, lettering between them, a star in the middle.
bool stamp_ink(double r, double a) {
  if (std::fabs(r - 1.0) < 0.035 || std::fabs(r - 0.7) < 0.02) return true;
  if (r > 0.76 && r < 0.93) {
    // Letters: strokes across the band, with gaps between words.
    double letter = std::fmod(a / (2 * kPi) * 60 + 60, 1.0);
    int slot = static_cast<int>(a / (2 * kPi) * 60 + 60) % 60;
    if (slot % 9 == 8) return false;
    return letter < 0.22 || (letter > 0.55 && letter < 0.7 && std::fabs(r - 0.845) < 0.05) ||
           std::fabs(r - 0.78) < 0.015;
  }
  if (r < 0.3) {
    // A five-pointed star: the radius of its outline at this angle.
    double sector = std::fmod(a + 2 * kPi + kPi / 2, 2 * kPi / 5) / (2 * kPi / 5);
    double edge = 0.3 * (0.45 + 0.55 * std::fabs(2 * sector - 1));
    return r < edge;
  }
  return false;
}

// A round red stamp, printed over the text: red ink multiplies the page.
void add_stamp(Pix* pix, double dpi, std::mt19937* rng) {
  const int w = pixGetWidth(pix), h = pixGetHeight(pix);
  const double radius = 0.8 * dpi;
  std::uniform_real_distribution<double> where_x(0.3, 0.7), where_y(0.25, 0.75), fade(0.55, 1.0);
  const double cx = where_x(*rng) * w, cy = where_y(*rng) * h;
  const Rgb ink = {205, 35, 45};
  for (int y = std::max(0, int(cy - radius) - 2); y < std::min(h, int(cy + radius) + 2); ++y) {
    l_uint32* row = row_of(pix, y);
    for (int x = std::max(0, int(cx - radius) - 2); x < std::min(w, int(cx + radius) + 2); ++x) {
      double dx = x - cx, dy = y - cy;
      double r = std::sqrt(dx * dx + dy * dy) / radius;
      if (r > 1.05 || !stamp_ink(r, std::atan2(dy, dx))) continue;
      double a = 0.9 * fade(*rng);
      Rgb c = get_rgb(row, x);
      put_rgb(row, x, {c.r * (1 - a + a * ink.r / 255), c.g * (1 - a + a * ink.g / 255),
                       c.b * (1 - a + a * ink.b / 255)});
    }
  }
}

// The page turned by about `degrees` (±25%, either way), corners filled
// with white as a scanner's lid is.
PixPtr skew(Pix* pix, double degrees, std::mt19937* rng) {
  std::uniform_real_distribution<double> amount(0.75, 1.25);
  std::bernoulli_distribution clockwise(0.5);
  double angle = degrees * amount(*rng) * (clockwise(*rng) ? -1 : 1) * kPi / 180;
  return PixPtr(pixRotate(pix, static_cast<float>(angle), L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
}

// A photocopy's dark bands around the paper: a ragged near-black band on
// each edge, then a short shadow into the page.
void add_dark_margins(Pix* pix, double dpi, std::mt19937* rng) {
  const int w = pixGetWidth(pix), h = pixGetHeight(pix);
  std::uniform_real_distribution<double> band(0.12, 0.3), step(-0.6, 0.6), dark(15, 45);
  const double shadow = 0.08 * dpi;
  double left = band(*rng) * dpi, right = band(*rng) * dpi;
  double top = 0.5 * band(*rng) * dpi, bottom = 0.5 * band(*rng) * dpi;
  for (int y = 0; y < h; ++y) {
    left = std::clamp(left + step(*rng), 0.08 * dpi, 0.4 * dpi);
    right = std::clamp(right + step(*rng), 0.08 * dpi, 0.4 * dpi);
    l_uint32* row = row_of(pix, y);
    for (int x = 0; x < w; ++x) {
      // Distance into the paper from the nearest dark edge (negative: outside it).
      double d = std::min({x - left, w - 1 - x - right, y - top, h - 1 - y - bottom});
      if (d >= shadow) continue;
      double v = dark(*rng);
      Rgb c = get_rgb(row, x);
      double t = d <= 0 ? 0 : d / shadow;  // 0 in the band, 1 at the shadow's end
      put_rgb(row, x, {v + (c.r - v) * t * t, v + (c.g - v) * t * t, v + (c.b - v) * t * t});
    }
  }
}

// Dust on the glass: small dark round specks.
void add_specks(Pix* pix, double dpi, double per_square_inch, std::mt19937* rng) {
  const int w = pixGetWidth(pix), h = pixGetHeight(pix);
  const int count = static_cast<int>(per_square_inch * (w / dpi) * (h / dpi));
  std::uniform_real_distribution<double> ux(0, w), uy(0, h), size(0.4, 1.6), dark(10, 90);
  for (int k = 0; k < count; ++k) {
    double cx = ux(*rng), cy = uy(*rng), r = size(*rng) * dpi / 200, v = dark(*rng);
    for (int y = std::max(0, int(cy - r)); y <= std::min(h - 1, int(cy + r)); ++y) {
      l_uint32* row = row_of(pix, y);
      for (int x = std::max(0, int(cx - r)); x <= std::min(w - 1, int(cx + r)); ++x)
        if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) put_rgb(row, x, {v, v, v});
    }
  }
}

// A share of the pixels replaced by random grey levels.
void add_noise(Pix* pix, double share, std::mt19937* rng) {
  std::uniform_real_distribution<double> coin(0, 1);
  std::uniform_int_distribution<int> level(0, 255);
  for (int y = 0; y < pixGetHeight(pix); ++y) {
    l_uint32* row = row_of(pix, y);
    for (int x = 0; x < pixGetWidth(pix); ++x) {
      if (coin(*rng) >= share) continue;
      double g = level(*rng);
      put_rgb(row, x, {g, g, g});
    }
  }
}

// The scanner's reading of one rendered page: 8-bit grey, or 32-bit RGB when
// `colour`, with its resolution set.
PixPtr scan_page(PixPtr page, const ScanOptions& o, unsigned seed) {
  std::mt19937 rng(seed);
  if (o.toner) print_toner(page.get());
  if (o.stamp) add_stamp(page.get(), o.dpi, &rng);
  if (o.skew_degrees != 0) page = skew(page.get(), o.skew_degrees, &rng);
  if (o.dark_margins) add_dark_margins(page.get(), o.dpi, &rng);
  if (o.specks > 0) add_specks(page.get(), o.dpi, o.specks, &rng);
  if (o.blur > 0) page.reset(pixBlockconv(page.get(), o.blur, o.blur));
  if (o.noise > 0) add_noise(page.get(), o.noise, &rng);
  if (o.quarter_turns % 4 != 0) page.reset(pixRotateOrth(page.get(), o.quarter_turns % 4));
  if (!o.colour) page.reset(pixConvertRGBToLuminance(page.get()));
  if (page) pixSetResolution(page.get(), static_cast<int>(o.dpi), static_cast<int>(o.dpi));
  return page;
}

// Calls `visit` with each page (1-based number, scanned image).
bool each_page(const std::string& pdf, const ScanOptions& o, const std::function<bool(int, Pix*)>& visit,
               std::string* error) {
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(pdf));
  if (!doc || doc->is_locked()) {
    *error = "cannot open " + pdf;
    return false;
  }
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    PixPtr img = page ? render(page.get(), o.dpi) : nullptr;
    if (img) img = scan_page(std::move(img), o, o.seed + static_cast<unsigned>(i));
    if (!img) {
      *error = "cannot render page " + std::to_string(i + 1);
      return false;
    }
    if (!visit(i + 1, img.get())) return true;
  }
  return true;
}

// The image as a Cairo surface; with JPEG options it carries its JPEG bytes,
// which a PDF surface embeds as they are (one DCT image per page).
Surface surface_of(Pix* pix, int jpeg_quality, std::string* error) {
  const int w = pixGetWidth(pix), h = pixGetHeight(pix);
  Surface s(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
  cairo_surface_flush(s.get());
  unsigned char* out = cairo_image_surface_get_data(s.get());
  const int stride = cairo_image_surface_get_stride(s.get());
  const bool grey = pixGetDepth(pix) == 8;
  for (int y = 0; y < h; ++y) {
    auto* dst = reinterpret_cast<uint32_t*>(out + static_cast<size_t>(y) * stride);
    l_uint32* src = row_of(pix, y);
    for (int x = 0; x < w; ++x) {
      l_int32 r, g, b;
      if (grey) {
        r = g = b = GET_DATA_BYTE(src, x);
      } else {
        extractRGBValues(src[x], &r, &g, &b);
      }
      dst[x] = 0xFF000000u | uint32_t(r) << 16 | uint32_t(g) << 8 | uint32_t(b);
    }
  }
  cairo_surface_mark_dirty(s.get());
  if (jpeg_quality > 0) {
    l_uint8* data = nullptr;
    size_t size = 0;
    if (pixWriteMemJpeg(&data, &size, pix, jpeg_quality, 0) != 0) {
      *error = "JPEG encoding failed";
      return nullptr;
    }
    cairo_surface_set_mime_data(s.get(), CAIRO_MIME_TYPE_JPEG, data, size, free, data);
  }
  return s;
}

bool write_file(const std::string& path, const l_uint8* data, size_t size) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  return static_cast<bool>(out);
}

// `pix` as a JPEG (quality > 0) or PNG file, its resolution in the header.
bool write_image(Pix* pix, int jpeg_quality, const std::string& path, std::string* error) {
  l_uint8* data = nullptr;
  size_t size = 0;
  l_int32 failed = jpeg_quality > 0 ? pixWriteMemJpeg(&data, &size, pix, jpeg_quality, 0)
                                    : pixWriteMemPng(&data, &size, pix, 0);
  bool ok = failed == 0 && write_file(path, data, size);
  free(data);
  if (!ok) *error = "cannot write " + path;
  return ok;
}

// The scan PDF of `pdf`; `also` sees each page image as it is embedded, so a
// caller that wants the page files too renders and degrades each page once.
bool write_scan_pdf_visiting(const std::string& pdf, const ScanOptions& options, const std::string& out,
                             const std::function<bool(int, Pix*)>& also, std::string* error) {
  cairo_surface_t* target = nullptr;
  cairo_t* cr = nullptr;
  bool ok = each_page(
      pdf, options,
      [&](int number, Pix* image) {
        if (also && !also(number, image)) return false;
        // The page is the image's size at its resolution: its image is then
        // at the scan's own dpi, as a scanner's PDF has it.
        double width = pixGetWidth(image) * 72.0 / options.dpi, height = pixGetHeight(image) * 72.0 / options.dpi;
        if (target == nullptr) {
          target = cairo_pdf_surface_create(out.c_str(), width, height);
          cr = cairo_create(target);
        } else {
          cairo_pdf_surface_set_size(target, width, height);
        }
        Surface s = surface_of(image, options.jpeg_quality, error);
        if (!s) return false;
        cairo_save(cr);
        cairo_scale(cr, 72.0 / options.dpi, 72.0 / options.dpi);
        cairo_set_source_surface(cr, s.get(), 0, 0);
        cairo_paint(cr);
        cairo_restore(cr);
        cairo_show_page(cr);
        return true;
      },
      error);
  if (target == nullptr) {
    if (ok && error->empty()) *error = "no pages in " + pdf;
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
  return ok && error->empty();
}

}  // namespace

std::vector<ScanDamage> all_scan_damage() {
  return {ScanDamage::kOffice, ScanDamage::kLowResolution, ScanDamage::kSideways, ScanDamage::kUpsideDown,
          ScanDamage::kDarkMargins};
}

std::string_view scan_damage_name(ScanDamage damage) {
  switch (damage) {
    case ScanDamage::kOffice: return "office";
    case ScanDamage::kLowResolution: return "150dpi";
    case ScanDamage::kSideways: return "rotated-90";
    case ScanDamage::kUpsideDown: return "rotated-180";
    case ScanDamage::kDarkMargins: return "dark-margins";
  }
  return "?";
}

ScanOptions scan_damage(ScanDamage damage, unsigned seed) {
  ScanOptions o;
  o.seed = seed;
  o.dpi = 200;
  o.toner = true;
  o.colour = true;
  o.stamp = true;
  o.skew_degrees = 1;
  o.blur = 1;
  o.specks = 4;
  o.jpeg_quality = 60;
  switch (damage) {
    case ScanDamage::kOffice: break;
    case ScanDamage::kLowResolution: o.dpi = 150; break;
    case ScanDamage::kSideways: o.quarter_turns = 1; break;
    case ScanDamage::kUpsideDown: o.quarter_turns = 2; break;
    case ScanDamage::kDarkMargins: o.dark_margins = true; break;
  }
  return o;
}


bool write_scan_pdf(const std::string& pdf, const ScanOptions& options, const std::string& out,
                    std::string* error) {
  return write_scan_pdf_visiting(pdf, options, out, nullptr, error);
}

bool write_scan_png(const std::string& pdf, int page, const ScanOptions& options, const std::string& out,
                    std::string* error) {
  bool written = false;
  bool ok = each_page(
      pdf, options,
      [&](int number, Pix* image) {
        if (number != page) return true;
        written = write_image(image, 0, out, error);
        return false;
      },
      error);
  if (ok && !written && error->empty()) *error = "no page " + std::to_string(page) + " in " + pdf;
  return ok && written;
}

bool write_scan_pdf_and_pages(const std::string& pdf, const ScanOptions& options, const std::string& out,
                              const std::string& prefix, std::vector<std::string>* files, std::string* error) {
  files->clear();
  return write_scan_pdf_visiting(
      pdf, options, out,
      [&](int number, Pix* image) {
        std::string path = prefix + "-" + std::to_string(number) + (options.jpeg_quality > 0 ? ".jpg" : ".png");
        if (!write_image(image, options.jpeg_quality, path, error)) return false;
        files->push_back(path);
        return true;
      },
      error);
}

}  // namespace chitieu::maker
