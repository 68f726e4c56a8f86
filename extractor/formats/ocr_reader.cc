#include "extractor/formats/ocr_reader.h"

#include <dlfcn.h>
#include <leptonica/allheaders.h>
#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>
#include <stdio.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>
#include <memory>
#include <mutex>
#include <new>
#include <system_error>
#include <thread>

#include "extractor/formats/ocr_lines.h"
#include "extractor/formats/page_furniture.h"
#include "extractor/formats/scan_resolution.h"

namespace chitieu {
namespace {

std::atomic<uint64_t> pages_recognised{0};

// One page ready for preparation: a decoded image, or a page Poppler rendered.
struct PageImage {
  PixPtr pix;
  int dpi = 0;  // 0: unknown
};

// A rendered page (ARGB32, one 32-bit word a pixel) as a 32-bit RGB Pix.
PixPtr pix_of(const poppler::image& img) {
  const int w = img.width(), h = img.height();
  PixPtr pix(pixCreate(w, h, 32));
  if (!pix) return nullptr;
  for (int y = 0; y < h; ++y) {
    const auto* in = reinterpret_cast<const uint32_t*>(img.const_data() + static_cast<size_t>(y) * img.bytes_per_row());
    l_uint32* out = pixGetData(pix.get()) + static_cast<size_t>(y) * pixGetWpl(pix.get());
    for (int x = 0; x < w; ++x) out[x] = (in[x] & 0x00FFFFFFu) << 8;  // 0xAARRGGBB to 0xRRGGBB00
  }
  return pix;
}

// Tesseract parallelises inside a page with OpenMP, which on a machine with
// other work makes a page many times slower (tesseract issues 3109, 2611);
// pages in parallel, one thread each, is faster. OMP_THREAD_LIMIT=1 cannot be
// set from here: libgomp reads it once, when it is loaded with libtesseract,
// before main. omp_set_num_threads(1) is not enough either: Tesseract asks for
// its threads with num_threads clauses, which override it. A maximum of 0
// active levels does it: no parallel region of the calling thread gets more
// than one thread (a per-thread setting since GCC 11's libgomp). Looked up
// rather than linked, so a Tesseract built without OpenMP needs nothing.
void one_openmp_thread_here() {
  using SetInt = void (*)(int);
  static SetInt set_levels = reinterpret_cast<SetInt>(dlsym(RTLD_DEFAULT, "omp_set_max_active_levels"));
  static SetInt set_threads = reinterpret_cast<SetInt>(dlsym(RTLD_DEFAULT, "omp_set_num_threads"));
  if (set_levels != nullptr) set_levels(0);
  if (set_threads != nullptr) set_threads(1);
}

void quiet_leptonica() {
  static std::once_flag once;
  std::call_once(once, [] { setMsgSeverity(L_SEVERITY_NONE); });
}

// One Tesseract engine; each worker thread owns one (TessBaseAPI is not
// shareable between threads).
class Engine {
 public:
  Status init() {
    // Tesseract's diagnostics ("Estimating resolution…") are not ours to print.
    api_.SetVariable("debug_file", "/dev/null");
    if (api_.Init(nullptr, "vie", tesseract::OEM_DEFAULT) != 0) {
      return Status::Error("OCR unavailable: Tesseract's Vietnamese model is not installed (tesseract-ocr-vie)");
    }
    api_.SetPageSegMode(tesseract::PSM_AUTO);
    return Status::Ok();
  }

  Status recognise(const PageImage& image, const OcrSteps& steps, std::vector<OcrLine>* lines) {
    // A scan without a resolution is taken as 300 dpi, the usual archive scan;
    // Tesseract's own guess from an empty header is 70.
    const int dpi = image.dpi >= 70 && image.dpi <= 2400 ? image.dpi : 300;
    PreparedPage page = prepare_page(image.pix.get(), dpi, steps, &orientation_);
    if (!page.pix) return Status::Error("page image cannot be prepared for OCR");
    api_.SetImage(page.pix.get());
    api_.SetSourceResolution(dpi);
    if (api_.Recognize(nullptr) != 0) return Status::Error("OCR failed on the page image");
    lines->clear();
    std::unique_ptr<tesseract::ResultIterator> it(api_.GetIterator());
    if (it) *lines = read_ocr_lines(it.get());
    api_.Clear();
    return Status::Ok();
  }

 private:
  OrientationDetector orientation_;
  tesseract::TessBaseAPI api_;
};

// Loads page `index` (0-based). Called under a lock: Poppler's and
// Leptonica's thread safety is not promised, and loading is a small part of a
// page's time next to recognising it.
using LoadPage = std::function<Status(int index, PageImage* out)>;

// Recognises pages `todo` into `pages` on up to options.threads threads (all
// cores when 0), each with its own engine, saving each page to the cache when
// `use_cache`. The first failure stops the others and is returned.
Status recognise_pages(const std::vector<int>& todo, const LoadPage& load, const OcrOptions& options,
                       bool use_cache, std::vector<std::vector<OcrLine>>* pages_out) {
  std::vector<std::vector<OcrLine>>& pages = *pages_out;
  const std::string reader = ocr_reader_id(options.steps);
  unsigned threads = options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, static_cast<unsigned>(todo.size()));
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex load_mu, cache_mu, error_mu;
  Status error;
  auto fail = [&](Status st) {
    std::lock_guard<std::mutex> lock(error_mu);
    if (error.ok()) error = std::move(st);
    failed = true;
  };
  auto work = [&] {
    // Nothing may escape a thread: an exception here would end the process.
    try {
      one_openmp_thread_here();
      Engine engine;
      Status st = engine.init();
      if (!st.ok()) return fail(st);
      while (!failed) {
        size_t k = next++;
        if (k >= todo.size()) break;
        int index = todo[k];
        PageImage image;
        {
          std::lock_guard<std::mutex> lock(load_mu);
          st = load(index, &image);
        }
        if (!st.ok()) return fail(st);
        st = engine.recognise(image, options.steps, &pages[index]);
        if (!st.ok()) return fail(Status::Error(st.message() + " (page " + std::to_string(index + 1) + ")"));
        ++pages_recognised;
        if (use_cache) {
          std::lock_guard<std::mutex> lock(cache_mu);
          options.cache->save(options.sha256, static_cast<uint32_t>(index + 1), reader, pages[index]);
        }
      }
    } catch (const std::bad_alloc&) {
      fail(Status::Error("page image too large to recognise (out of memory)"));
    } catch (const std::exception& e) {
      fail(Status::Error(std::string("OCR failed: ") + e.what()));
    } catch (...) {
      fail(Status::Error("OCR failed"));
    }
  };
  std::vector<std::thread> workers;
  for (unsigned t = 1; t < threads; ++t) {
    // Fewer workers when the system refuses a thread; this one still works.
    try {
      workers.emplace_back(work);
    } catch (const std::system_error&) {
      break;
    }
  }
  work();
  for (std::thread& w : workers) w.join();
  return error;
}

// The recognised pages as the document's lines, with their confidence.
Status assemble_pages(const std::vector<std::vector<OcrLine>>& pages, DocumentLines* out) {
  out->clear();
  for (size_t i = 0; i < pages.size(); ++i) {
    for (const OcrLine& line : pages[i]) {
      out->add(line.text, static_cast<uint32_t>(i + 1));
      if (out->over_limit()) return out->too_many_lines();
      out->confidence.push_back(line.confidence);
      out->words.push_back(line.words);
    }
  }
  mark_page_furniture(out);
  return Status::Ok();
}

Status ocr_pages(int page_count, const LoadPage& load, const OcrOptions& options, DocumentLines* out) {
  quiet_leptonica();
  const std::string reader = ocr_reader_id(options.steps);
  std::vector<std::vector<OcrLine>> pages(static_cast<size_t>(page_count));
  std::vector<int> todo;
  bool use_cache = options.cache != nullptr && !options.sha256.empty();
  for (int i = 0; i < page_count; ++i) {
    if (!use_cache || !options.cache->find(options.sha256, static_cast<uint32_t>(i + 1), reader, &pages[i])) {
      todo.push_back(i);
    }
  }

  if (!todo.empty()) {
    Status st = recognise_pages(todo, load, options, use_cache, &pages);
    if (!st.ok()) return st;
  }
  return assemble_pages(pages, out);
}

bool has_text(const DocumentLines& doc) {
  for (const std::string& l : doc.lines)
    if (l.find_first_not_of(" \t") != std::string::npos) return true;
  return false;
}

std::string pages_text(int n) { return std::to_string(n) + (n == 1 ? " page" : " pages"); }

Status ocr_pdf_or_throw(std::string_view bytes, const OcrOptions& options, DocumentLines* out) {
  if (bytes.size() > static_cast<size_t>(INT32_MAX)) return Status::Error("PDF too large");
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) return Status::Error("corrupt PDF: cannot be parsed");
  if (doc->is_locked()) return Status::Error("encrypted PDF (a password is needed to open it)");
  const int page_count = doc->pages();
  if (page_count <= 0) return Status::Error("corrupt PDF: no pages");

  // Each page at its scan's own resolution where it is one scanned image.
  std::vector<double> scan_dpi;
  if (options.steps.native_resolution) scan_dpi = scanned_page_dpi(bytes);
  if (scan_dpi.size() != static_cast<size_t>(page_count)) scan_dpi.assign(static_cast<size_t>(page_count), 0);

  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_argb32);  // in colour: a red stamp is told apart
  renderer.set_render_hints(poppler::page_renderer::antialiasing | poppler::page_renderer::text_antialiasing);
  LoadPage load = [&](int index, PageImage* image) -> Status {
    std::unique_ptr<poppler::page> page(doc->create_page(index));
    if (!page) return Status::Error("corrupt PDF: page " + std::to_string(index + 1) + " cannot be read");
    // A page of unusual size is rendered at a resolution that fits the limit.
    poppler::rectf box = page->page_rect(poppler::media_box);
    double inches = std::max(1e-3, box.width() / 72.0) * std::max(1e-3, box.height() / 72.0);
    double wanted = scan_dpi[index] >= 70 ? std::min(scan_dpi[index], 1200.0) : options.dpi;
    double dpi = std::min<double>(wanted, std::sqrt(static_cast<double>(kMaxOcrPixels) / inches));
    poppler::image rendered = renderer.render_page(page.get(), dpi, dpi);
    if (rendered.is_valid()) image->pix = pix_of(rendered);
    if (!image->pix) return Status::Error("corrupt PDF: page " + std::to_string(index + 1) + " cannot be rendered");
    image->dpi = static_cast<int>(std::lround(dpi));
    return Status::Ok();
  };
  Status st = ocr_pages(page_count, load, options, out);
  if (!st.ok()) return st;
  if (!has_text(*out)) {
    return Status::Error("PDF without a text layer (" + pages_text(page_count) + "), and OCR found no text in it");
  }
  return Status::Ok();
}

// Number of pages in a TIFF held in memory.
int tiff_page_count(std::string_view bytes) {
  FILE* f = fmemopen(const_cast<char*>(bytes.data()), bytes.size(), "rb");
  if (f == nullptr) return 0;
  l_int32 n = 0;
  if (tiffGetCount(f, &n) != 0) n = 0;
  fclose(f);
  return n;
}

Status check_size(int width, int height, int page) {
  uint64_t pixels = static_cast<uint64_t>(std::max(width, 0)) * static_cast<uint64_t>(std::max(height, 0));
  if (pixels <= kMaxOcrPixels) return Status::Ok();
  return Status::Error("image too large (" + std::to_string(width) + "x" + std::to_string(height) +
                       " pixels" + (page > 1 ? " on page " + std::to_string(page) : "") + "; limit " +
                       std::to_string(kMaxOcrPixels >> 20) + " M pixels)");
}

Status ocr_image_or_throw(std::string_view bytes, const OcrOptions& options, DocumentLines* out) {
  quiet_leptonica();
  const auto* data = reinterpret_cast<const l_uint8*>(bytes.data());
  l_int32 format = 0, width = 0, height = 0, bps = 0, spp = 0, cmap = 0;
  // The header first: a small file can declare a huge image.
  if (pixReadHeaderMem(data, bytes.size(), &format, &width, &height, &bps, &spp, &cmap) != 0) {
    return Status::Error("corrupt image: its header cannot be read");
  }
  Status st = check_size(width, height, 1);
  if (!st.ok()) return st;
  bool tiff = format == IFF_TIFF || format == IFF_TIFF_G3 || format == IFF_TIFF_G4 || format == IFF_TIFF_RLE ||
              format == IFF_TIFF_PACKBITS || format == IFF_TIFF_LZW || format == IFF_TIFF_ZIP ||
              format == IFF_TIFF_JPEG;
  int page_count = tiff ? std::max(1, tiff_page_count(bytes)) : 1;

  LoadPage load = [&](int index, PageImage* image) -> Status {
    Pix* pix = tiff ? pixReadMemTiff(data, bytes.size(), index) : pixReadMem(data, bytes.size());
    if (pix == nullptr) {
      return Status::Error("corrupt image: " +
                           (page_count > 1 ? "page " + std::to_string(index + 1) : std::string("it")) +
                           " cannot be decoded");
    }
    image->pix.reset(pix);
    Status size = check_size(pixGetWidth(pix), pixGetHeight(pix), index + 1);
    if (!size.ok()) return size;
    image->dpi = pixGetXRes(pix);
    return Status::Ok();
  };
  st = ocr_pages(page_count, load, options, out);
  if (!st.ok()) return st;
  if (!has_text(*out)) return Status::Error("OCR found no text in the image");
  return Status::Ok();
}

template <typename Read>
Status guarded(Read read) {
  try {
    return read();
  } catch (const std::bad_alloc&) {
    return Status::Error("page image too large to recognise (out of memory)");
  } catch (const std::exception& e) {
    return Status::Error(std::string("OCR failed: ") + e.what());
  } catch (...) {
    return Status::Error("OCR failed");
  }
}

}  // namespace

Status ocr_pdf(std::string_view bytes, const OcrOptions& options, DocumentLines* out) {
  return guarded([&] { return ocr_pdf_or_throw(bytes, options, out); });
}

Status ocr_image(std::string_view bytes, const OcrOptions& options, DocumentLines* out) {
  return guarded([&] { return ocr_image_or_throw(bytes, options, out); });
}

std::string ocr_reader_id(const OcrSteps& steps) {
  // The number goes up whenever the preparation changes what a page reads as.
  std::string id = std::string("tesseract ") + tesseract::TessBaseAPI::Version() + " vie; prepared 1:";
  if (steps.native_resolution) id += " native-dpi";
  if (steps.drop_colour) id += " red-ink";
  if (steps.clean) id += " clean";
  if (steps.orientation) id += " upright";
  if (steps.deskew) id += " deskew";
  if (steps.binarize) id += " binarized";
  return id;
}

uint64_t ocr_pages_recognised() { return pages_recognised.load(); }

}  // namespace chitieu
