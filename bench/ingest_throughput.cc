// Ingest throughput: the corpus replicated to at least --megabytes of text,
// ingested single-threaded into a fresh SQLite file; prints MB/s and docs/s.
//
// Each copy gets a distinct first line so its SHA-256 differs and it is really
// stored (identical bytes would be skipped as already stored).
//
//   build/ingest_throughput corpus/ --megabytes 50
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "extractor/extract_document.h"
#include "normalizer/lexicon.h"
#include "store/store.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
  std::string corpus = "corpus";
  double megabytes = 50;
  std::string db_path = "bench-ingest.db";
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--megabytes" && i + 1 < argc) megabytes = std::stod(argv[++i]);
    else if (a == "--db" && i + 1 < argc) db_path = argv[++i];
    else corpus = a;
  }
  std::vector<std::string> seeds;
  for (const auto& e : fs::directory_iterator(corpus))
    if (e.is_regular_file() && e.path().extension() == ".txt") {
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      seeds.push_back(ss.str());
    }
  if (seeds.empty()) {
    std::cerr << "no .txt documents in " << corpus << "\n";
    return 1;
  }
  const chitieu::Lexicon& lex = chitieu::default_lexicon();
  fs::remove(db_path);
  fs::remove(db_path + "-wal");
  fs::remove(db_path + "-shm");
  std::unique_ptr<chitieu::Store> store;
  chitieu::Status st = chitieu::Store::Open(db_path, &store);
  if (!st.ok()) {
    std::cerr << st.message() << "\n";
    return 1;
  }
  const size_t target = static_cast<size_t>(megabytes * 1e6);
  size_t bytes = 0, docs = 0, figures = 0;
  double extract_s = 0, store_s = 0;
  auto t0 = Clock::now();
  for (size_t copy = 0; bytes < target; ++copy) {
    for (const std::string& seed : seeds) {
      std::string text = "Bản sao " + std::to_string(copy) + "\n" + seed;
      auto a = Clock::now();
      chitieu::ExtractedDocument doc;
      st = chitieu::source_text_from_bytes(lex, text, "copy-" + std::to_string(copy) + "-" +
                                                     std::to_string(docs) + ".txt", "", &doc.source);
      if (!st.ok()) {
        std::cerr << st.message() << "\n";
        return 1;
      }
      chitieu::extract_from_source(lex, &doc);
      auto b = Clock::now();
      chitieu::Store::IngestOutcome out;
      st = store->ingest(doc.source, doc.header, doc.repaired, doc.figures, &out);
      if (!st.ok()) {
        std::cerr << st.message() << "\n";
        return 1;
      }
      auto c = Clock::now();
      extract_s += std::chrono::duration<double>(b - a).count();
      store_s += std::chrono::duration<double>(c - b).count();
      bytes += text.size();
      figures += out.figures;
      ++docs;
    }
  }
  double total = std::chrono::duration<double>(Clock::now() - t0).count();
  std::printf("ingest: %zu documents, %.1f MB, %zu figures in %.2f s\n", docs, bytes / 1e6, figures,
              total);
  std::printf("throughput: %.2f MB/s, %.1f documents/s (extract %.2f s, store %.2f s)\n",
              bytes / 1e6 / total, docs / total, extract_s, store_s);
  return 0;
}
