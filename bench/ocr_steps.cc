// What each step of the OCR page preparation (extractor/formats/ocr_preprocess.h)
// gains on degraded scans.
//
//   build/make_scans --out /tmp/scans --damage office corpus/*.txt
//   build/ocr_steps [--default] [--text DIR] /tmp/scans [/tmp/scans-150dpi ...]
//
// Each folder holds scans made by make_scans: STEM.pdf and text/STEM.txt, the
// text it was made from. For each variant of the preparation — everything
// off as chitieu read scans before (300 dpi, no preparation), steps added one
// at a time, and everything on with one step left out — every scan is read
// (one worker, no cache) and its figures compared with the text's on value,
// unit, comparator and year: the share of the text's figures found, the
// share of extra ones, how many of each carry an OCR warning, and the CPU
// seconds per page. --default reads with the
// default preparation only; --text DIR writes each reading's lines to
// DIR/VARIANT-STEM.txt.
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

std::vector<std::string> keys_of_text(const fs::path& txt) {
  chitieu::ExtractedDocument doc;
  chitieu::Status st = chitieu::source_text_from_bytes(chitieu::default_lexicon(), slurp(txt), txt.filename().string(),
                                                       "", &doc.source);
  if (!st.ok()) return {};
  chitieu::extract_from_source(chitieu::default_lexicon(), &doc);
  return chitieu::testing::figure_keys(doc.figures);
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
      fs::path txt = fs::path(a) / "text" / (e.path().stem().string() + ".txt");
      if (!fs::exists(txt)) continue;
      scans.push_back({e.path().stem().string(), slurp(e.path()), keys_of_text(txt)});
    }
  }
  if (scans.empty()) {
    std::fprintf(stderr, "usage: ocr_steps SCAN_DIR... (folders written by make_scans)\n");
    return 2;
  }
  std::printf("| preparation | figures found | extra | OCR warnings on extra / on found | CPU s/page | wall s/page |\n"
              "|---|---|---|---|---|---|\n");
  std::vector<Variant> all = variants();
  if (default_only) all = {{"default", OcrSteps()}};
  for (size_t k = 0; k < all.size(); ++k) {
    const Variant& v = all[k];
    size_t text = 0, same = 0, extra = 0, pages = 0, warned_right = 0, warned_wrong = 0;
    double cpu = cpu_seconds();
    auto wall = std::chrono::steady_clock::now();
    for (const Scan& s : scans) {
      chitieu::OcrOptions options;
      options.threads = 1;
      options.steps = v.steps;
      chitieu::ExtractedDocument doc;
      chitieu::DocumentLines lines;
      chitieu::Status st = chitieu::ocr_pdf(s.pdf, options, &lines);
      if (!st.ok()) {
        std::fprintf(stderr, "%s\n", st.message().c_str());
        continue;
      }
      pages += lines.pages.empty() ? 0 : lines.pages.back();
      if (!text_dir.empty()) {
        std::ofstream out(text_dir / (std::to_string(k) + "-" + s.stem + ".txt"));
        for (const std::string& l : lines.lines) out << l << "\n";
      }
      // As source_text makes it of a scanned PDF, without the cache.
      doc.source.format = "pdf-ocr";
      doc.source.lines = std::move(lines.lines);
      doc.source.pages = std::move(lines.pages);
      doc.source.boilerplate = std::move(lines.boilerplate);
      doc.source.line_confidence = std::move(lines.confidence);
      doc.source.line_words = std::move(lines.words);
      chitieu::extract_from_source(chitieu::default_lexicon(), &doc);
      std::multiset<std::string> unmatched(s.text_keys.begin(), s.text_keys.end());
      for (const chitieu::Figure& f : doc.figures) {
        auto it = unmatched.find(chitieu::testing::figure_keys({f})[0]);
        bool right = it != unmatched.end();
        if (right) unmatched.erase(it);
        (right ? same : extra) += 1;
        bool warned = f.has_warning(chitieu::WarningCode::kOcrLowConfidence) ||
                      f.has_warning(chitieu::WarningCode::kOcrLowConfidenceDigits) ||
                      f.has_warning(chitieu::WarningCode::kOcrNumberRepaired);
        (right ? warned_right : warned_wrong) += warned;
      }
      text += s.text_keys.size();
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count();
    double n = static_cast<double>(std::max<size_t>(pages, 1));
    std::printf("| %s | %zu/%zu (%.1f%%) | %zu (%.1f%%) | %zu/%zu, %zu/%zu | %.2f | %.2f |\n", v.name.c_str(), same,
                text, 100.0 * same / std::max<size_t>(text, 1), extra, 100.0 * extra / std::max<size_t>(text, 1),
                warned_wrong, extra, warned_right, same, (cpu_seconds() - cpu) / n, seconds / n);
    std::fflush(stdout);
  }
  return 0;
}
