// OCR seconds per page against the `tesseract` command alone on the same pages.
//
//   build/ocr_pages corpus/000_b0a75639c8747e5c.txt --pages 4
//
// The document's first pages are laid out as a text PDF (12 pt, as the tests
// make them), rendered at 300 dpi and written as one PNG per page and as an
// image-only PDF: the scans. Then, on the same pages:
//   tesseract          — `tesseract PAGE.png out -l vie`, one process per page,
//                        as a pipeline calling it would (OpenMP as installed);
//   tesseract, 1 thread — the same with OMP_THREAD_LIMIT=1;
//   chitieu PNG         — ocr_image on each PNG in turn (one page: one worker);
//   chitieu scan PDF    — ocr_pdf on the scanned PDF, rendering included: with
//                         one worker, then pages in parallel (one worker per
//                         hardware thread).
// Each row prints seconds per page and the ratio to the `tesseract` row.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "extractor/formats/ocr_reader.h"
#include "extractor/source_text.h"
#include "normalizer/lexicon.h"
#include "support/document_maker.h"
#include "support/scan_maker.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

int main(int argc, char** argv) {
  std::string source = "corpus/000_b0a75639c8747e5c.txt";
  int pages = 4;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--pages" && i + 1 < argc) pages = std::max(1, std::stoi(argv[++i]));
    else source = a;
  }
  chitieu::SourceText text;
  chitieu::Status st = chitieu::read_source_text(chitieu::default_lexicon(), source, "", &text);
  if (!st.ok()) {
    std::fprintf(stderr, "%s: %s\n", source.c_str(), st.message().c_str());
    return 1;
  }
  fs::path dir = fs::temp_directory_path() / ("chitieu-ocr-bench-" + std::to_string(getpid()));
  fs::create_directories(dir);

  // About 3,500 characters fill a page at 12 pt; cut the text to the pages asked.
  std::vector<std::string> lines;
  size_t chars = 0;
  for (const std::string& l : text.lines) {
    if (chars > static_cast<size_t>(pages) * 3500) break;
    lines.push_back(l);
    chars += l.size();
  }
  chitieu::maker::PdfLayout layout;
  layout.font_size = 12;
  layout.page_number = "- %d -";
  std::string error;
  fs::path text_pdf = dir / "text.pdf", scan_pdf = dir / "scan.pdf";
  if (!chitieu::maker::write_text_pdf(lines, layout, text_pdf.string(), &error) ||
      !chitieu::maker::write_scan_pdf(text_pdf.string(), {}, scan_pdf.string(), &error)) {
    std::fprintf(stderr, "making the scans: %s\n", error.c_str());
    return 1;
  }
  std::vector<fs::path> pngs;
  for (int p = 1; p <= pages; ++p) {
    fs::path png = dir / ("page-" + std::to_string(p) + ".png");
    if (!chitieu::maker::write_scan_png(text_pdf.string(), p, {}, png.string(), &error)) break;
    pngs.push_back(png);
  }
  const double n = static_cast<double>(pngs.size());
  std::printf("%zu pages of %s at 300 dpi; %u hardware threads\n\n", pngs.size(), source.c_str(),
              std::thread::hardware_concurrency());

  auto run_tesseract = [&](const char* env) {
    auto t = Clock::now();
    for (const fs::path& png : pngs) {
      std::string cmd = std::string(env) + " tesseract '" + png.string() + "' '" + (dir / "out").string() +
                        "' -l vie >/dev/null 2>&1";
      if (std::system(cmd.c_str()) != 0) std::fprintf(stderr, "tesseract failed on %s\n", png.c_str());
    }
    return since(t) / n;
  };
  double tess = run_tesseract("");
  double tess1 = run_tesseract("OMP_THREAD_LIMIT=1");

  auto t = Clock::now();
  for (const fs::path& png : pngs) {
    chitieu::DocumentLines doc;
    st = chitieu::ocr_image(slurp(png), {}, &doc);
    if (!st.ok()) std::fprintf(stderr, "%s: %s\n", png.c_str(), st.message().c_str());
  }
  double ours_png = since(t) / n;

  std::string scan = slurp(scan_pdf);
  auto run_pdf = [&](unsigned threads) {
    chitieu::OcrOptions options;
    options.threads = threads;
    auto t = Clock::now();
    chitieu::DocumentLines doc;
    chitieu::Status st = chitieu::ocr_pdf(scan, options, &doc);
    if (!st.ok()) std::fprintf(stderr, "scan.pdf: %s\n", st.message().c_str());
    return since(t) / n;
  };
  double ours_pdf1 = run_pdf(1);
  double ours_pdf = run_pdf(0);

  std::printf("| step | s/page | time vs `tesseract` |\n|---|---|---|\n");
  std::printf("| `tesseract PAGE out -l vie`, one process per page | %.2f | 1.00 |\n", tess);
  std::printf("| the same, `OMP_THREAD_LIMIT=1` | %.2f | %.2f |\n", tess1, tess1 / tess);
  std::printf("| chitieu: PNG pages, one after another | %.2f | %.2f |\n", ours_png, ours_png / tess);
  std::printf("| chitieu: scanned PDF, one worker (rendering included) | %.2f | %.2f |\n", ours_pdf1,
              ours_pdf1 / tess);
  std::printf("| chitieu: scanned PDF, pages in parallel (rendering included) | %.2f | %.2f |\n", ours_pdf,
              ours_pdf / tess);
  fs::remove_all(dir);
  return 0;
}
