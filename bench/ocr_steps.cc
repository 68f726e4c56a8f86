// What each step of the OCR page preparation (extractor/formats/ocr_preprocess.h)
// gains on degraded scans.
//
//   build/make_scans --out /tmp/scans --damage office --dense 6000 corpus/*.txt
//   build/ocr_steps [--default] [--text DIR] /tmp/scans [/tmp/scans-150dpi ...]
//
// Each folder holds scans made by make_scans: STEM.pdf and text/STEM.pdf,
// the text PDF it was printed from. For each variant of the preparation —
// everything off as chitieu read scans before (300 dpi, no preparation),
// steps added one at a time, and everything on with one step left out —
// every scan is read (one worker, no cache) and its figures compared with
// the text PDF's on value, unit, comparator and year: the share of its
// figures found, the share of extra ones, how many of each carry an OCR
// warning, and the CPU seconds per page. The text PDF has the scan's lines
// and pages, so what differs is what OCR lost. --default reads with the
// default preparation only; --text DIR writes each reading's lines to
// DIR/VARIANT-STEM.txt (page furniture blank, as the extractor reads it).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "extractor/extract_document.h"
#include "extractor/formats/ocr_reader.h"
#include "normalizer/lexicon.h"
#include "support/figure_keys.h"

namespace fs = std::filesystem;
using chitieu::OcrSteps;

namespace {

struct Variant {
  std::string name;
  OcrSteps steps;
};

std::vector<Variant> variants() {
  OcrSteps none{false, false, false, false, false, false};
  std::vector<Variant> out = {{"none (300 dpi, as before)", none}};
  OcrSteps s = none;
  s.native_resolution = true;
  out.push_back({"+ native resolution", s});
  s.drop_colour = true;
  out.push_back({"+ red ink dropped", s});
  s.clean = true;
  out.push_back({"+ background, margins, specks cleaned", s});
  s.deskew = true;
  out.push_back({"+ deskew", s});
  s.orientation = true;
  out.push_back({"+ orientation (all: the default)", s});
  OcrSteps all;
  Variant v{"all but native resolution", all};
  v.steps.native_resolution = false;
  out.push_back(v);
  v = {"all but red ink dropped", all};
  v.steps.drop_colour = false;
  out.push_back(v);
  v = {"all but cleaning", all};
  v.steps.clean = false;
  out.push_back(v);
  v = {"all but deskew", all};
  v.steps.deskew = false;
  out.push_back(v);
  v = {"all but orientation", all};
  v.steps.orientation = false;
  out.push_back(v);
  v = {"all, binarized (Sauvola)", all};
  v.steps.binarize = true;
  out.push_back(v);
  return out;
}

double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec) + static_cast<double>(u.ru_utime.tv_usec) / 1e6;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Scan {
  std::string stem;
  std::string pdf;               // its bytes
  std::vector<std::string> text_keys;
};

std::vector<std::string> keys_of_text_pdf(const fs::path& pdf) {
  chitieu::ExtractedDocument doc;
  if (!chitieu::extract_document(chitieu::default_lexicon(), pdf.string(), "", &doc).ok()) return {};
  return chitieu::testing::figure_keys(doc.figures);
}

// The tally of one variant over every scan.
struct Tally {
  size_t text = 0, same = 0, extra = 0, pages = 0, warned_right = 0, warned_wrong = 0;
};

// Reads `scan` with `steps`, as source_text reads a scanned PDF (without the
// cache), and adds its figures to `t`; its lines go to `text_file` if named.
void read_scan(const Scan& scan, const OcrSteps& steps, const fs::path& text_file, Tally* t) {
  chitieu::OcrOptions options;
  options.threads = 1;
  options.steps = steps;
  chitieu::DocumentLines lines;
  chitieu::Status st = chitieu::ocr_pdf(scan.pdf, options, &lines);
  if (!st.ok()) {
    std::fprintf(stderr, "%s: %s\n", scan.stem.c_str(), st.message().c_str());
    return;
  }
  t->pages += lines.pages.empty() ? 0 : lines.pages.back();
  if (!text_file.empty()) {
    // As the extractor reads them: page furniture as blank lines.
    std::ofstream out(text_file);
    for (size_t i = 0; i < lines.lines.size(); ++i)
      out << (i < lines.boilerplate.size() && lines.boilerplate[i] ? "" : lines.lines[i]) << "\n";
  }
  chitieu::ExtractedDocument doc;
  doc.source.format = "pdf-ocr";
  doc.source.lines = std::move(lines.lines);
  doc.source.pages = std::move(lines.pages);
  doc.source.boilerplate = std::move(lines.boilerplate);
  doc.source.line_confidence = std::move(lines.confidence);
  doc.source.line_words = std::move(lines.words);
  chitieu::extract_from_source(chitieu::default_lexicon(), &doc);
  std::multiset<std::string> unmatched(scan.text_keys.begin(), scan.text_keys.end());
  for (const chitieu::Figure& f : doc.figures) {
    auto it = unmatched.find(chitieu::testing::figure_keys({f})[0]);
    bool right = it != unmatched.end();
    if (right) unmatched.erase(it);
    (right ? t->same : t->extra) += 1;
    bool warned = f.has_warning(chitieu::WarningCode::kOcrLowConfidence) ||
                  f.has_warning(chitieu::WarningCode::kOcrLowConfidenceDigits) ||
                  f.has_warning(chitieu::WarningCode::kOcrNumberRepaired);
    (right ? t->warned_right : t->warned_wrong) += warned;
  }
  t->text += scan.text_keys.size();
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<Scan> scans;
  bool default_only = false;
  fs::path text_dir;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--default") {
      default_only = true;
      continue;
    }
    if (a == "--text" && i + 1 < argc) {
      text_dir = argv[++i];
      fs::create_directories(text_dir);
      continue;
    }
    for (const auto& e : fs::directory_iterator(a)) {
      if (e.path().extension() != ".pdf") continue;
      fs::path text_pdf = fs::path(a) / "text" / (e.path().stem().string() + ".pdf");
      if (!fs::exists(text_pdf)) continue;
      scans.push_back({e.path().stem().string(), slurp(e.path()), keys_of_text_pdf(text_pdf)});
    }
  }
  if (scans.empty()) {
    std::fprintf(stderr, "usage: ocr_steps [--default] [--text DIR] SCAN_DIR... (folders written by make_scans)\n");
    return 2;
  }
  std::printf("| preparation | figures found | extra | OCR warnings on extra / on found | CPU s/page | wall s/page |\n"
              "|---|---|---|---|---|---|\n");
  std::vector<Variant> all = variants();
  if (default_only) all = {{"default", OcrSteps()}};
  for (size_t k = 0; k < all.size(); ++k) {
    Tally t;
    double cpu = cpu_seconds();
    auto wall = std::chrono::steady_clock::now();
    for (const Scan& s : scans) {
      fs::path text_file = text_dir.empty() ? fs::path() : text_dir / (std::to_string(k) + "-" + s.stem + ".txt");
      read_scan(s, all[k].steps, text_file, &t);
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count();
    double n = static_cast<double>(std::max<size_t>(t.pages, 1)), of = static_cast<double>(std::max<size_t>(t.text, 1));
    std::printf("| %s | %zu/%zu (%.1f%%) | %zu (%.1f%%) | %zu/%zu, %zu/%zu | %.2f | %.2f |\n", all[k].name.c_str(),
                t.same, t.text, 100.0 * t.same / of, t.extra, 100.0 * t.extra / of, t.warned_wrong, t.extra,
                t.warned_right, t.same, (cpu_seconds() - cpu) / n, seconds / n);
    std::fflush(stdout);
  }
  return 0;
}
