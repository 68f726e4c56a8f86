// Ingest time of text PDFs against `pdftotext` alone on the same files.
//
//   build/pdf_ingest corpus/ --copies 4
//
// Every corpus document becomes a multi-page text PDF (Pango/Cairo, running
// header and page numbers, as the tests make them), `--copies` times with a
// distinct first line so each copy is really stored. Then, on the same files:
//   pdftotext  — `pdftotext -q FILE /dev/null`, one process per file;
//   read       — chitieu's text layer reading alone (read_pdf);
//   ingest     — read, extract and store into a fresh SQLite file.
// The ratio ingest / pdftotext is what the README reports.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "extractor/formats/pdf_reader.h"
#include "normalizer/lexicon.h"
#include "pipeline/ingest.h"
#include "store/store.h"
#include "support/document_maker.h"

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
  std::string corpus = "corpus";
  int copies = 4;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--copies" && i + 1 < argc) copies = std::stoi(argv[++i]);
    else corpus = a;
  }
  fs::path dir = fs::temp_directory_path() / ("chitieu-pdf-bench-" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::vector<fs::path> pdfs;
  for (const auto& e : fs::directory_iterator(corpus)) {
    if (!e.is_regular_file() || e.path().extension() != ".txt") continue;
    std::vector<std::string> lines;
    std::stringstream ss(slurp(e.path()));
    for (std::string l; std::getline(ss, l);) lines.push_back(l);
    for (int c = 0; c < copies; ++c) {
      std::vector<std::string> copy = lines;
      copy.insert(copy.begin(), "Bản sao số " + std::to_string(c + 1));
      chitieu::maker::PdfLayout layout;
      layout.running_header = "Bản sao y bản chính";
      fs::path out = dir / (e.path().stem().string() + "-" + std::to_string(c) + ".pdf");
      std::string error;
      if (!chitieu::maker::write_text_pdf(copy, layout, out.string(), &error)) {
        std::cerr << out << ": " << error << "\n";
        return 1;
      }
      pdfs.push_back(out);
    }
  }
  if (pdfs.empty()) {
    std::cerr << "no .txt documents in " << corpus << "\n";
    return 1;
  }

  auto t = Clock::now();
  for (const fs::path& p : pdfs) {
    std::string cmd = "pdftotext -q '" + p.string() + "' /dev/null";
    if (std::system(cmd.c_str()) != 0) {
      std::cerr << "pdftotext failed (poppler-utils installed?)\n";
      return 1;
    }
  }
  const double pdftotext_s = since(t);

  size_t pages = 0;
  t = Clock::now();
  for (const fs::path& p : pdfs) {
    chitieu::DocumentLines doc;
    chitieu::Status st = chitieu::read_pdf(slurp(p), &doc);
    if (!st.ok()) {
      std::cerr << p << ": " << st.message() << "\n";
      return 1;
    }
    pages += doc.pages.empty() ? 0 : doc.pages.back();
  }
  const double read_s = since(t);

  const chitieu::Lexicon& lex = chitieu::default_lexicon();
  fs::path db = dir / "ingest.db";
  size_t figures = 0;
  t = Clock::now();
  {
    std::unique_ptr<chitieu::Store> store;
    chitieu::Status st = chitieu::Store::Open(db.string(), chitieu::OpenMode::kCreate, &store);
    if (!st.ok()) {
      std::cerr << st.message() << "\n";
      return 1;
    }
    for (const fs::path& p : pdfs) {
      chitieu::FileOutcome out = chitieu::ingest_file(lex, store.get(), p.string(), "", nullptr);
      if (out.result == chitieu::FileResult::kFailed) {
        std::cerr << p << ": " << out.error.message() << "\n";
        return 1;
      }
      figures += out.figures;
    }
  }
  const double ingest_s = since(t);
  fs::remove_all(dir);

  std::printf("%zu text PDFs, %zu pages, %zu figures\n\n", pdfs.size(), pages, figures);
  std::printf("| step | seconds | pages/s | vs pdftotext |\n|---|---|---|---|\n");
  std::printf("| pdftotext (one process per file) | %.2f | %.0f | 1.00 |\n", pdftotext_s, pages / pdftotext_s);
  std::printf("| chitieu: read the text layer | %.2f | %.0f | %.2f |\n", read_s, pages / read_s,
              read_s / pdftotext_s);
  std::printf("| chitieu: ingest (read, extract, store) | %.2f | %.0f | %.2f |\n", ingest_s, pages / ingest_s,
              ingest_s / pdftotext_s);
  return 0;
}
