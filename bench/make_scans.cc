// Degraded scans of text documents, for the scan benchmark (bench/scans.sh).
//
//   build/make_scans --out DIR [--damage office] [--seed 1] [--pages N | --dense CHARS] [--skew DEG] FILE...
//
// Each text FILE is laid out as a PDF (12 pt, numbered pages; the first N
// pages' worth of its lines with --pages; with --dense, the run of its lines
// of at most CHARS characters with the most figures), then scanned with the damage named
// (tests/support/scan_maker.h: office, 150dpi, rotated-90, rotated-180,
// dark-margins) into DIR/STEM.pdf, an image-only PDF, and DIR/pages/STEM-N.jpg,
// the page images a scanner writes. Also DIR/text/STEM.pdf, the text PDF it
// scanned, and DIR/text/STEM.txt, the lines laid out. --skew sets the skew
// (about 1° in every kind) to measure deskewing.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "extractor/source_text.h"
#include "normalizer/lexicon.h"
#include "support/corpus_excerpt.h"
#include "support/document_maker.h"
#include "support/scan_maker.h"

namespace fs = std::filesystem;
namespace maker = chitieu::maker;

namespace {

// About 3,500 characters fill a page at 12 pt.
constexpr size_t kCharsPerPage = 3500;

// The lines to lay out: the first `pages` pages' worth, or the densest
// `dense` characters, or all.
std::vector<std::string> lines_of(const fs::path& file, int pages, size_t dense) {
  if (dense > 0) return chitieu::testing::dense_excerpt(file.string(), dense);
  chitieu::SourceText text;
  chitieu::Status st = chitieu::read_source_text(chitieu::default_lexicon(), file.string(), "", &text);
  if (!st.ok()) {
    std::fprintf(stderr, "%s: %s\n", file.c_str(), st.message().c_str());
    return {};
  }
  std::vector<std::string> lines;
  size_t chars = 0;
  for (const std::string& l : text.lines) {
    if (pages > 0 && chars + l.size() > static_cast<size_t>(pages) * kCharsPerPage) break;
    lines.push_back(l);
    chars += l.size() + 1;
  }
  return lines;
}

bool make(const fs::path& file, const maker::ScanOptions& options, int pages, size_t dense, const fs::path& out) {
  std::vector<std::string> lines = lines_of(file, pages, dense);
  if (lines.empty()) return false;
  const std::string stem = file.stem().string();
  maker::PdfLayout layout;
  layout.font_size = 12;
  layout.page_number = "- %d -";
  std::string error;
  fs::path text_pdf = out / "text" / (stem + ".pdf");
  std::ofstream(out / "text" / (stem + ".txt")) << [&] {
    std::string s;
    for (const std::string& l : lines) s += l + "\n";
    return s;
  }();
  std::vector<std::string> files;
  if (!maker::write_text_pdf(lines, layout, text_pdf.string(), &error) ||
      !maker::write_scan_pdf_and_pages(text_pdf.string(), options, (out / (stem + ".pdf")).string(),
                                       (out / "pages" / stem).string(), &files, &error)) {
    std::fprintf(stderr, "%s: %s\n", file.c_str(), error.c_str());
    return false;
  }
  std::printf("%s: %zu pages\n", stem.c_str(), files.size());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path out;
  std::string damage = "office";
  unsigned seed = 1;
  int pages = 0;
  size_t dense = 0;
  double skew = -1;
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--out" && i + 1 < argc) out = argv[++i];
    else if (a == "--damage" && i + 1 < argc) damage = argv[++i];
    else if (a == "--seed" && i + 1 < argc) seed = static_cast<unsigned>(std::stoul(argv[++i]));
    else if (a == "--pages" && i + 1 < argc) pages = std::stoi(argv[++i]);
    else if (a == "--skew" && i + 1 < argc) skew = std::stod(argv[++i]);
    else if (a == "--dense" && i + 1 < argc) dense = std::stoul(argv[++i]);
    else files.push_back(a);
  }
  maker::ScanOptions options;
  bool known = false;
  for (maker::ScanDamage d : maker::all_scan_damage()) {
    if (maker::scan_damage_name(d) == damage) options = maker::scan_damage(d, seed), known = true;
  }
  if (skew >= 0) options.skew_degrees = skew;
  if (out.empty() || files.empty() || !known) {
    std::fprintf(stderr, "usage: make_scans --out DIR [--damage office|150dpi|rotated-90|rotated-180|"
                         "dark-margins] [--seed N] [--pages N | --dense CHARS] [--skew DEG] FILE...\n");
    return 2;
  }
  fs::create_directories(out / "text");
  fs::create_directories(out / "pages");
  int failed = 0;
  for (const fs::path& f : files) failed += !make(f, options, pages, dense, out);
  return failed == 0 ? 0 : 1;
}
