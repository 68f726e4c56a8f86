// Holds the extractor to precision and recall of at least 0.95 against the
// expected figures in corpus/expected/ (written by reading the seeds; see the
// README there). A figure matches on (line of its first digit, low, high, unit);
// comparator and year agreement are measured on the matched figures.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "extractor/extract_document.h"
#include "normalizer/lexicon.h"

namespace chitieu {
namespace {

namespace fs = std::filesystem;

struct Expected {
  int line = 0;
  double low = 0, high = 0;
  std::string unit, comparator, year, kind, quote;
};

std::vector<Expected> load_expected(const fs::path& tsv) {
  std::vector<Expected> out;
  std::ifstream in(tsv);
  std::string row;
  bool header = true;
  while (std::getline(in, row)) {
    if (row.empty() || row[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string> c;
    std::stringstream ss(row);
    std::string cell;
    while (std::getline(ss, cell, '\t')) c.push_back(cell);
    c.resize(9);
    Expected e;
    e.line = std::stoi(c[0]);
    e.low = std::stod(c[1]);
    e.high = std::stod(c[2]);
    e.unit = c[3];
    e.comparator = c[4];
    e.year = c[5];
    e.kind = c[6];
    e.quote = c[8];
    out.push_back(e);
  }
  return out;
}

bool same_value(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b)); }

TEST(ExtractionQuality, SeedsMeetPrecisionAndRecall) {
  const Lexicon& lex = default_lexicon();
  fs::path corpus = fs::path(CHITIEU_SOURCE_DIR) / "corpus";
  int tp = 0, fn = 0, fp = 0, cmp_ok = 0, year_ok = 0, kind_ok = 0, docs = 0;
  for (const auto& entry : fs::directory_iterator(corpus / "expected")) {
    if (entry.path().extension() != ".tsv") continue;
    fs::path doc = corpus / (entry.path().stem().string() + ".txt");
    ASSERT_TRUE(fs::exists(doc)) << doc;
    ++docs;
    std::vector<Expected> expected = load_expected(entry.path());
    ExtractedDocument ex;
    ASSERT_TRUE(extract_document(lex, doc.string(), "", &ex).ok());
    std::vector<bool> used(ex.figures.size(), false);
    int doc_tp = 0, doc_fn = 0;
    for (const Expected& e : expected) {
      bool found = false;
      for (size_t i = 0; i < ex.figures.size(); ++i) {
        const Figure& f = ex.figures[i];
        if (used[i] || static_cast<int>(f.number_line) != e.line || f.unit != e.unit ||
            !same_value(f.low, e.low) || !same_value(f.high, e.high))
          continue;
        used[i] = found = true;
        cmp_ok += std::string(comparator_text(f.comparator)) == e.comparator;
        year_ok += f.year == e.year;
        kind_ok += std::string(kind_text(f.kind)) == e.kind;
        if (std::string(comparator_text(f.comparator)) != e.comparator || f.year != e.year || std::string(kind_text(f.kind)) != e.kind)
          std::cout << "  differs " << doc.filename().string() << ":" << e.line << " " << e.quote
                    << "  comparator " << std::string(comparator_text(f.comparator)) << " (expected " << e.comparator << ")"
                    << " year " << f.year << " (expected " << e.year << ")"
                    << " kind " << std::string(kind_text(f.kind)) << " (expected " << e.kind << ")\n";
        break;
      }
      if (found) {
        ++doc_tp;
      } else {
        ++doc_fn;
        std::cout << "  missed  " << doc.filename().string() << ":" << e.line << " " << e.quote << " ["
                  << e.low << ".." << e.high << " " << e.unit << "]\n";
      }
    }
    int doc_fp = 0;
    for (size_t i = 0; i < ex.figures.size(); ++i) {
      if (used[i]) continue;
      ++doc_fp;
      const Figure& f = ex.figures[i];
      std::cout << "  extra   " << doc.filename().string() << ":" << f.number_line << " " << f.quote
                << " [" << f.low << ".." << f.high << " " << f.unit << "]\n";
    }
    std::cout << doc.filename().string() << ": " << doc_tp << " matched, " << doc_fn << " missed, "
              << doc_fp << " extra\n";
    tp += doc_tp;
    fn += doc_fn;
    fp += doc_fp;
  }
  ASSERT_GE(docs, 5) << "expected figures for all five seeds";
  double precision = tp / double(tp + fp), recall = tp / double(tp + fn);
  std::cout << "precision " << precision << ", recall " << recall << " (" << tp << " matched, " << fp
            << " extra, " << fn << " missed); comparator agrees on " << cmp_ok << "/" << tp
            << ", year on " << year_ok << "/" << tp << ", kind on " << kind_ok << "/" << tp << "\n";
  EXPECT_GE(precision, 0.95);
  EXPECT_GE(recall, 0.95);
  EXPECT_GE(cmp_ok, 0.95 * tp);
  EXPECT_GE(year_ok, 0.90 * tp);
  EXPECT_GE(kind_ok, 0.95 * tp);
}

}  // namespace
}  // namespace chitieu
