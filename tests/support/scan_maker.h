// Scans made at test time: the pages of a PDF rendered to pixels by Poppler,
// as a scanner would see them, and written as an image-only PDF (Cairo, one
// image per page at the scan's own resolution) or as image files — optionally
// degraded the way a copier and an office scanner leave a page: greyish paper
// and toner, a round red stamp over the text, a skew of about a degree, a
// photocopy's dark margins, blur, dust specks, noise, a page fed sideways or
// upside down, JPEG compression. Every random choice is drawn from `seed`, so
// the same options make the same bytes. Nothing binary is committed; the
// tests build what they read.
#ifndef CHITIEU_TESTS_SUPPORT_SCAN_MAKER_H_
#define CHITIEU_TESTS_SUPPORT_SCAN_MAKER_H_

#include <string>
#include <string_view>
#include <vector>

namespace chitieu::maker {

struct ScanOptions {
  double dpi = 300;
  double noise = 0;   // share of pixels replaced by random grey, 0..1
  int blur = 0;       // box blur radius in pixels
  unsigned seed = 1;  // of every random choice; page n draws from seed + n - 1

  // A copier's and an office scanner's damage; all off by default.
  bool toner = false;         // greyish paper (~232) and dark-grey toner (~45), not black on white
  bool colour = false;        // scanned in colour (a stamp stays red); else grey levels
  bool stamp = false;         // a round red stamp over the text of each page
  double skew_degrees = 0;    // page turned by about this much (±25%, sign drawn from the seed)
  bool dark_margins = false;  // the dark bands a photocopy leaves around the paper
  double specks = 0;          // dark dust specks per square inch
  int quarter_turns = 0;      // page fed turned: 1 = 90° clockwise, 2 = upside down, 3 = 90° counter
  int jpeg_quality = 0;       // 0: lossless; else JPEG at this quality (PDF images and page files)
};

// The degraded scans the scan-quality test and benchmark read: an office scan
// (200 dpi, toner on greyish paper, a red stamp, ~1° skew, blur, specks,
// JPEG), and the same at 150 dpi, fed sideways, upside down, and photocopied
// with dark margins.
enum class ScanDamage { kOffice, kLowResolution, kSideways, kUpsideDown, kDarkMargins };

std::vector<ScanDamage> all_scan_damage();
std::string_view scan_damage_name(ScanDamage damage);  // "office", "150dpi", "rotated-90", …
ScanOptions scan_damage(ScanDamage damage, unsigned seed);

// Every page of `pdf` as an image in a PDF with no text layer.
bool write_scan_pdf(const std::string& pdf, const ScanOptions& options, const std::string& out,
                    std::string* error);

// Page `page` (1-based) of `pdf` as a PNG image.
bool write_scan_png(const std::string& pdf, int page, const ScanOptions& options, const std::string& out,
                    std::string* error);

// The scan PDF of write_scan_pdf and, from the same rendering, every page as
// an image file named `prefix`-N.jpg (JPEG options) or `prefix`-N.png, with
// its resolution in the file, as a scanner writes them; `files` gets their
// paths. The pixels are those the PDF embeds.
bool write_scan_pdf_and_pages(const std::string& pdf, const ScanOptions& options, const std::string& out,
                              const std::string& prefix, std::vector<std::string>* files, std::string* error);

}  // namespace chitieu::maker

#endif  // CHITIEU_TESTS_SUPPORT_SCAN_MAKER_H_
