// Ingest throughput: the corpus replicated to at least --megabytes of text,
// ingested single-threaded into a fresh SQLite file; prints MB/s and docs/s.
//
//   build/ingest_throughput corpus/ --megabytes 50
//   build/ingest_throughput corpus/ --megabytes 10 --damage all
//
// Each copy gets a distinct first line so its SHA-256 differs and it is really
// stored (identical bytes would be skipped as already stored). With --damage,
// the run is repeated on copies damaged by each kind of the test suite's damage
// generator (TCVN3 bytes, stripped diacritics, hard wraps…) to show what
// detection and repair cost. Damage is applied before the clock starts.
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
#include "support/damage.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Result {
  size_t bytes = 0, docs = 0, figures = 0;
  double seconds = 0, extract_s = 0, store_s = 0;
};

bool run(const std::vector<std::string>& seeds, const chitieu::damage::Kind* damage, size_t target,
         const std::string& db_path, Result* r) {
  const chitieu::Lexicon& lex = chitieu::default_lexicon();
  fs::remove(db_path);
  fs::remove(db_path + "-wal");
  fs::remove(db_path + "-shm");
  std::unique_ptr<chitieu::Store> store;
  chitieu::Status st = chitieu::Store::Open(db_path, chitieu::OpenMode::kCreate, &store);
  if (!st.ok()) {
    std::cerr << st.message() << "\n";
    return false;
  }
  std::vector<std::string> inputs;
  size_t planned = 0;
  for (size_t copy = 0; planned < target; ++copy) {
    for (const std::string& seed : seeds) {
      std::string text = "Bản sao " + std::to_string(copy) + "\n" + seed;
      if (damage) text = chitieu::damage::apply_damage(*damage, text, static_cast<uint32_t>(copy));
      planned += text.size();
      inputs.push_back(std::move(text));
    }
  }
  auto t0 = Clock::now();
  for (const std::string& text : inputs) {
    auto a = Clock::now();
    chitieu::ExtractedDocument doc;
    st = chitieu::source_text_from_bytes(lex, text, "copy-" + std::to_string(r->docs) + ".txt", "",
                                         &doc.source);
    if (!st.ok()) {
      std::cerr << st.message() << "\n";
      return false;
    }
    chitieu::extract_from_source(lex, &doc);
    auto b = Clock::now();
    chitieu::Store::IngestOutcome out;
    st = store->ingest(doc.source, doc.header, doc.repaired, doc.figures, &out);
    if (!st.ok()) {
      std::cerr << st.message() << "\n";
      return false;
    }
    auto c = Clock::now();
    r->extract_s += std::chrono::duration<double>(b - a).count();
    r->store_s += std::chrono::duration<double>(c - b).count();
    r->bytes += text.size();
    r->figures += out.figures;
    ++r->docs;
  }
  r->seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus = "corpus";
  double megabytes = 50;
  std::string db_path = "bench-ingest.db";
  std::string damage_mode;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--megabytes" && i + 1 < argc) megabytes = std::stod(argv[++i]);
    else if (a == "--db" && i + 1 < argc) db_path = argv[++i];
    else if (a == "--damage" && i + 1 < argc) damage_mode = argv[++i];
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
  const size_t target = static_cast<size_t>(megabytes * 1e6);
  Result clean;
  if (!run(seeds, nullptr, target, db_path, &clean)) return 1;
  std::printf("ingest: %zu documents, %.1f MB, %zu figures in %.2f s\n", clean.docs,
              clean.bytes / 1e6, clean.figures, clean.seconds);
  std::printf("throughput: %.2f MB/s, %.1f documents/s (extract %.2f s, store %.2f s)\n",
              clean.bytes / 1e6 / clean.seconds, clean.docs / clean.seconds, clean.extract_s,
              clean.store_s);
  if (damage_mode.empty()) return 0;
  std::printf("\n| input | MB/s | documents/s | figures |\n|---|---|---|---|\n");
  std::printf("| clean | %.2f | %.1f | %zu |\n", clean.bytes / 1e6 / clean.seconds,
              clean.docs / clean.seconds, clean.figures);
  for (chitieu::damage::Kind kind : chitieu::damage::all_kinds()) {
    if (damage_mode != "all" && damage_mode != chitieu::damage::kind_name(kind)) continue;
    Result r;
    if (!run(seeds, &kind, target, db_path, &r)) return 1;
    std::printf("| %s | %.2f | %.1f | %zu |\n", chitieu::damage::kind_name(kind),
                r.bytes / 1e6 / r.seconds, r.docs / r.seconds, r.figures);
  }
  return 0;
}
