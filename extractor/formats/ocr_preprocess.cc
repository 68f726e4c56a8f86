#include "extractor/formats/ocr_preprocess.h"

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>

#include <algorithm>
#include <cmath>

namespace chitieu {

void PixDeleter::operator()(Pix* p) const { pixDestroy(&p); }

namespace {

constexpr float kDegreesToRadians = 3.14159265f / 180;

// Below this OSD orientation confidence a page is left as it is. OCRmyPDF's
// default threshold (--rotate-pages-threshold) is 14; an upright page turned
// by mistake loses every word, so doubt keeps the page as scanned.
constexpr float kMinOrientationConfidence = 14;

// Red ink — a stamp — is lightened to the paper before the grey levels are
// taken: in the red channel a red stamp is as light as the paper while black
// text under it stays black. A pixel is red ink when its red exceeds its
// green and blue by this much (toner is grey: its channels are equal).
constexpr int kRedInkMargin = 40;

PixPtr to_grey(Pix* page, bool drop_colour) {
  if (pixGetDepth(page) != 32) return PixPtr(pixConvertTo8(page, 0));
  if (!drop_colour) return PixPtr(pixConvertRGBToLuminance(page));
  const int w = pixGetWidth(page), h = pixGetHeight(page);
  PixPtr grey(pixCreate(w, h, 8));
  if (!grey) return nullptr;
  pixCopyResolution(grey.get(), page);
  for (int y = 0; y < h; ++y) {
    const l_uint32* in = pixGetData(page) + static_cast<size_t>(y) * pixGetWpl(page);
    l_uint32* out = pixGetData(grey.get()) + static_cast<size_t>(y) * pixGetWpl(grey.get());
    for (int x = 0; x < w; ++x) {
      l_int32 r, g, b;
      extractRGBValues(in[x], &r, &g, &b);
      int v = r - std::max(g, b) > kRedInkMargin ? r : (77 * r + 150 * g + 29 * b) >> 8;
      SET_DATA_BYTE(out, x, v);
    }
  }
  return grey;
}

// Large dark components touching the image's edge: a photocopy's margins (a
// band at least an inch long; letters cut by the edge are smaller).
PixPtr dark_margins(Pix* ink, int dpi) {
  PixPtr inside(pixRemoveBorderConnComps(ink, 8));
  if (!inside) return nullptr;
  PixPtr border(pixSubtract(nullptr, ink, inside.get()));
  return PixPtr(pixSelectBySize(border.get(), dpi, dpi, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GT, nullptr));
}

// Dust: components smaller than ~0.02 inch with no other ink within ~0.03
// inch. A diacritic, a decimal comma or a full stop sits closer than that to
// its letters and stays.
PixPtr isolated_specks(Pix* ink, int dpi) {
  const int speck = std::max(2, dpi / 50), reach = std::max(3, dpi * 3 / 100);
  PixPtr big(pixSelectBySize(ink, speck, speck, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GT, nullptr));
  if (!big) return nullptr;
  PixPtr small(pixSubtract(nullptr, ink, big.get()));
  PixPtr near(pixDilateBrick(nullptr, big.get(), 2 * reach + 1, 2 * reach + 1));
  PixPtr seed(pixAnd(nullptr, small.get(), near.get()));
  PixPtr kept(pixSeedfillBinary(nullptr, seed.get(), small.get(), 8));
  return PixPtr(pixSubtract(nullptr, small.get(), kept.get()));
}

// The background levelled to white, then dark margins and isolated specks
// painted white.
PixPtr clean(Pix* grey, int dpi) {
  PixPtr white(pixCleanBackgroundToWhite(grey, nullptr, nullptr, 1.0, 70, 190));
  if (!white) return nullptr;
  PixPtr ink(pixConvertTo1(white.get(), 160));
  if (!ink) return white;
  PixPtr margins = dark_margins(ink.get(), dpi), specks = isolated_specks(ink.get(), dpi);
  if (!margins || !specks) return white;
  PixPtr mask(pixOr(nullptr, margins.get(), specks.get()));
  // The blur around what was found goes with it.
  PixPtr wider(pixDilateBrick(nullptr, mask.get(), 3, 3));
  if (wider) pixPaintThroughMask(white.get(), wider.get(), 0, 0, 255);
  return white;
}

// The skew found on the page's ink and undone, when Leptonica is confident.
PixPtr deskew(Pix* grey, float* degrees) {
  PixPtr ink(pixConvertTo1(grey, 160));
  l_float32 angle = 0, confidence = 0;
  if (!ink || pixFindSkew(ink.get(), &angle, &confidence) != 0 || confidence < 3 || std::fabs(angle) < 0.1f) {
    return PixPtr(pixClone(grey));
  }
  *degrees = angle;
  return PixPtr(pixRotate(grey, angle * kDegreesToRadians, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
}

PixPtr binarize(Pix* grey, int dpi) {
  Pix* bw = nullptr;
  int window = std::max(7, dpi / 12);
  if (pixSauvolaBinarize(grey, window, 0.34f, 1, nullptr, nullptr, nullptr, &bw) != 0) return nullptr;
  return PixPtr(bw);
}

// Clockwise quarter turns that make the page upright as Leptonica's
// ascender and descender count reads it (fast: ~0.1 s a page), or -1 when it
// cannot tell. It wants 1-bit text at 150 to 300 dpi.
int leptonica_turns(Pix* grey, int dpi) {
  PixPtr scaled(dpi > 300 ? pixScale(grey, 300.0f / dpi, 300.0f / dpi) : pixClone(grey));
  PixPtr ink(scaled ? pixConvertTo1(scaled.get(), 160) : nullptr);
  l_float32 up = 0, left = 0;
  l_int32 orientation = L_TEXT_ORIENT_UNKNOWN;
  if (!ink || pixOrientDetect(ink.get(), &up, &left, 0, 0) != 0 ||
      makeOrientDecision(up, left, 0, 0, &orientation, 0) != 0) {
    return -1;
  }
  switch (orientation) {
    case L_TEXT_ORIENT_UP: return 0;
    case L_TEXT_ORIENT_LEFT: return 1;   // text turned counter-clockwise
    case L_TEXT_ORIENT_DOWN: return 2;
    case L_TEXT_ORIENT_RIGHT: return 3;  // text turned clockwise
    default: return -1;
  }
}

}  // namespace

OrientationDetector::OrientationDetector() = default;
OrientationDetector::~OrientationDetector() = default;

int OrientationDetector::osd_turns(Pix* grey, int dpi) {
  if (!tried_) {
    tried_ = true;
    api_ = std::make_unique<tesseract::TessBaseAPI>();
    api_->SetVariable("debug_file", "/dev/null");
    if (api_->Init(nullptr, "osd", tesseract::OEM_TESSERACT_ONLY) != 0) {
      api_.reset();  // no osd.traineddata: Leptonica's reading alone decides
    } else {
      api_->SetPageSegMode(tesseract::PSM_OSD_ONLY);
    }
  }
  if (!api_) return -1;
  api_->SetImage(grey);
  api_->SetSourceResolution(dpi);
  int degrees = 0;
  float confidence = 0, script_confidence = 0;
  const char* script = nullptr;
  bool found = api_->DetectOrientationScript(&degrees, &confidence, &script, &script_confidence);
  api_->Clear();
  if (!found || confidence < kMinOrientationConfidence) return -1;
  // OSD names how far the text is turned clockwise (a page fed sideways, its
  // top on the right: 90); turning it back is (360 - degrees) clockwise.
  return ((360 - degrees) % 360) / 90;
}

int OrientationDetector::quarter_turns(Pix* grey, int dpi) {
  // Most pages are upright, and Leptonica says so in a tenth of the time
  // Tesseract's OSD takes (0.7 s a page, measured): OSD decides the others.
  int quick = leptonica_turns(grey, dpi);
  if (quick == 0) return 0;
  int osd = osd_turns(grey, dpi);
  if (osd >= 0) return osd;
  return std::max(quick, 0);
}

PreparedPage prepare_page(Pix* page, int dpi, const OcrSteps& steps, OrientationDetector* detector) {
  PreparedPage out;
  PixPtr grey = to_grey(page, steps.drop_colour);
  if (!grey) return out;
  if (steps.clean) {
    PixPtr cleaned = clean(grey.get(), dpi);
    if (cleaned) grey = std::move(cleaned);
  }
  if (steps.orientation && detector != nullptr) {
    out.quarter_turns = detector->quarter_turns(grey.get(), dpi);
    if (out.quarter_turns != 0) grey.reset(pixRotateOrth(grey.get(), out.quarter_turns));
    if (!grey) return out;
  }
  if (steps.deskew) grey = deskew(grey.get(), &out.skew_degrees);
  if (grey && steps.binarize) grey = binarize(grey.get(), dpi);
  out.pix = std::move(grey);
  return out;
}

}  // namespace chitieu
