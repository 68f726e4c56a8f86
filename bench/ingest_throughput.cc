// Ingest throughput, measured as `chitieu ingest` runs: files read from disk,
// extracted on one worker and then on every core, stored by one writer into a
// fresh SQLite file. Prints MB/s (best and median of --repeat runs), where the
// time went stage by stage (decode, repair, blocks, extract, store, search
// index: CPU seconds summed over the threads, from the median run), then
// `load`'s rate on the bundles `extract` wrote, and the first search.
//
//   build/ingest_throughput ../shared/realdocs --repeat 5
//   build/ingest_throughput corpus/ --megabytes 50 --repeat 3
//   build/ingest_throughput corpus/ --megabytes 10 --damage all
//
// With --megabytes the files are copied into bench/out/ until there are that
// many megabytes, each copy with a first line of its own so its SHA-256
// differs and it is really stored. With --damage, the cost of repair instead:
// one worker, in memory, on copies damaged by each kind of the test suite's
// damage generator (TCVN3 bytes, stripped diacritics, hard wraps…), the damage
// made before the clock starts.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "extractor/extract_document.h"
#include "normalizer/lexicon.h"
#include "pipeline/extract_load.h"
#include "pipeline/ingest.h"
#include "store/store.h"
#include "support/damage.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
  std::vector<std::string> inputs;
  double megabytes = 0;
  int repeat = 3;
  std::string out_dir = "bench/out";
  std::string damage;
};

struct Run {
  double seconds = 0;
  chitieu::BatchTotals totals;
};

double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void remove_db(const std::string& db) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db + suffix);
}

// The files to ingest: the inputs as they are, or copies of them in
// `out_dir`/copies until there are `megabytes`.
std::vector<std::string> prepare_files(const Options& o, uint64_t* bytes) {
  std::vector<chitieu::FileOutcome> unusable;
  std::vector<std::string> files;
  for (const chitieu::InputFile& f : chitieu::expand_inputs(o.inputs, &unusable)) files.push_back(f.path);
  *bytes = 0;
  for (const std::string& f : files) *bytes += fs::file_size(f);
  const uint64_t target = static_cast<uint64_t>(o.megabytes * 1e6);
  if (*bytes >= target) return files;
  fs::path dir = fs::path(o.out_dir) / "copies";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::vector<std::string> copies;
  *bytes = 0;
  for (size_t copy = 0; *bytes < target; ++copy) {
    for (size_t i = 0; i < files.size(); ++i) {
      std::string text = "Bản sao " + std::to_string(copy) + "\n" + slurp(files[i]);
      char name[64];
      std::snprintf(name, sizeof name, "%05zu_%05zu%s", copy, i, fs::path(files[i]).extension().c_str());
      std::ofstream(dir / name, std::ios::binary) << text;
      copies.push_back((dir / name).string());
      *bytes += text.size();
    }
  }
  return copies;
}

Run ingest_once(const std::vector<std::string>& files, unsigned jobs, const std::string& db) {
  remove_db(db);
  std::unique_ptr<chitieu::Store> store;
  if (!chitieu::Store::Open(db, chitieu::OpenMode::kCreate, &store).ok()) std::exit(1);
  chitieu::BatchOptions options;
  options.jobs = jobs;
  Run r;
  auto t0 = Clock::now();
  (void)chitieu::ingest_paths(chitieu::default_lexicon(), store.get(), files, options, nullptr, &r.totals);
  r.seconds = since(t0);
  return r;
}

// Best and median of `runs` by seconds; returns the median run.
const Run& summarize(std::vector<Run>& runs, double* best_s) {
  std::sort(runs.begin(), runs.end(), [](const Run& a, const Run& b) { return a.seconds < b.seconds; });
  *best_s = runs.front().seconds;
  return runs[runs.size() / 2];
}

void print_stage_header() {
  std::printf("| workers | MB/s best | MB/s median | documents/s | figures |");
  for (size_t s = 0; s < chitieu::kStageCount; ++s) std::printf(" %s |", chitieu::stage_name(static_cast<chitieu::Stage>(s)));
  std::printf("\n|---|---|---|---|---|");
  for (size_t s = 0; s < chitieu::kStageCount; ++s) std::printf("---|");
  std::printf("\n");
}

void print_stage_row(unsigned workers, double best_s, const Run& median, uint64_t bytes) {
  const chitieu::BatchTotals& t = median.totals;
  std::printf("| %u | %.2f | %.2f | %.0f | %zu |", workers, bytes / 1e6 / best_s, bytes / 1e6 / median.seconds,
              (t.stored + t.already_stored) / median.seconds, t.figures);
  double total = t.stages.total();
  for (size_t s = 0; s < chitieu::kStageCount; ++s) {
    double sec = t.stages.seconds[s];
    std::printf(" %.2f s (%.0f%%) |", sec, total > 0 ? 100 * sec / total : 0.0);
  }
  std::printf("\n");
}

// `load`'s rate: the files extracted once into bundles, then loaded into a
// fresh database --repeat times.
void bench_load(const Options& o, const std::vector<std::string>& files, uint64_t bytes, unsigned cores) {
  fs::path bundles = fs::path(o.out_dir) / "bundles";
  fs::remove_all(bundles);
  chitieu::BatchOptions options;
  options.jobs = cores;
  chitieu::BatchTotals totals;
  auto t0 = Clock::now();
  (void)chitieu::extract_to_bundles(chitieu::default_lexicon(), files, bundles.string(), options, nullptr, &totals);
  double extract_s = since(t0);
  std::vector<Run> runs;
  std::string db = o.out_dir + "/load.db";
  for (int i = 0; i < o.repeat; ++i) {
    remove_db(db);
    std::unique_ptr<chitieu::Store> store;
    if (!chitieu::Store::Open(db, chitieu::OpenMode::kCreate, &store).ok()) std::exit(1);
    Run r;
    t0 = Clock::now();
    (void)chitieu::load_bundles(store.get(), {bundles.string()}, options, nullptr, &r.totals);
    r.seconds = since(t0);
    runs.push_back(r);
  }
  double best = 0;
  const Run& median = summarize(runs, &best);
  std::printf("\nextract (%u workers, no database): %.2f MB/s\n", cores, bytes / 1e6 / extract_s);
  std::printf("load (%u workers decoding, one writer): %.2f MB/s best, %.2f median, %.0f documents/s\n", cores,
              bytes / 1e6 / best, bytes / 1e6 / median.seconds,
              (median.totals.stored + median.totals.already_stored) / median.seconds);
}

// The first search of a database just ingested (it builds the search index
// when ingest left it to the first search).
void bench_first_search(const std::string& db) {
  std::unique_ptr<chitieu::Store> store;
  if (!chitieu::Store::Open(db, chitieu::OpenMode::kCreate, &store).ok()) return;
  std::vector<chitieu::SearchHit> hits;
  (void)chitieu::take_thread_stage_times();
  auto t0 = Clock::now();
  (void)store->search("ke hoach", 10, &hits);
  double first = since(t0);
  double indexing = chitieu::take_thread_stage_times()[chitieu::Stage::kSearchIndex];
  hits.clear();
  t0 = Clock::now();
  (void)store->search("ty le", 10, &hits);
  std::printf("first search: %.2f s (building the search index: %.2f s CPU); the next: %.3f s\n", first,
              indexing, since(t0));
}

// The search index filled as documents are stored, every `batch` documents,
// against once at the first search: the CPU seconds of filling it.
double search_index_seconds(const std::vector<std::string>& files, size_t batch, const std::string& db) {
  remove_db(db);
  std::unique_ptr<chitieu::Store> store;
  if (!chitieu::Store::Open(db, chitieu::OpenMode::kCreate, &store).ok()) std::exit(1);
  double seconds = 0;
  auto index = [&] {
    (void)chitieu::take_thread_stage_times();
    size_t indexed = 0;
    (void)store->update_search_index(&indexed);
    seconds += chitieu::take_thread_stage_times()[chitieu::Stage::kSearchIndex];
  };
  for (size_t i = 0; i < files.size(); ++i) {
    (void)chitieu::ingest_file(chitieu::default_lexicon(), store.get(), files[i], "", nullptr);
    if (batch > 0 && (i + 1) % batch == 0) index();
  }
  index();
  return seconds;
}

void bench_search_index(const std::vector<std::string>& files, const std::string& db) {
  std::printf("\nfilling the search index (CPU s): per document %.2f, per 50 documents %.2f, at the first search %.2f\n",
              search_index_seconds(files, 1, db), search_index_seconds(files, 50, db),
              search_index_seconds(files, 0, db));
}

int bench_ingest(const Options& o) {
  uint64_t bytes = 0;
  std::vector<std::string> files = prepare_files(o, &bytes);
  if (files.empty()) {
    std::cerr << "no documents\n";
    return 1;
  }
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  std::printf("%zu files, %.1f MB; %d runs each\n\n", files.size(), bytes / 1e6, o.repeat);
  print_stage_header();
  double rate[2] = {0, 0};
  std::string db = o.out_dir + "/ingest.db";
  std::vector<unsigned> worker_counts = {1};
  if (cores > 1) worker_counts.push_back(cores);
  // Runs alternate between the worker counts, so that whatever else the
  // machine does falls on both alike.
  std::vector<std::vector<Run>> runs(worker_counts.size());
  for (int i = 0; i < o.repeat; ++i)
    for (size_t k = 0; k < worker_counts.size(); ++k) runs[k].push_back(ingest_once(files, worker_counts[k], db));
  for (size_t k = 0; k < worker_counts.size(); ++k) {
    double best = 0;
    const Run& median = summarize(runs[k], &best);
    print_stage_row(worker_counts[k], best, median, bytes);
    rate[k] = bytes / 1e6 / best;
  }
  if (cores > 1) std::printf("\n%u workers / 1: %.2fx (best runs)\n", cores, rate[1] / rate[0]);
  bench_first_search(db);
  bench_search_index(files, o.out_dir + "/search.db");
  bench_load(o, files, bytes, cores);
  return 0;
}

// --- The cost of repair (--damage): one worker, in memory.

struct DamageResult {
  size_t bytes = 0, docs = 0, figures = 0;
  double seconds = 0;
};

bool run_damaged(const std::vector<std::string>& seeds, const chitieu::damage::Kind* damage, size_t target,
                 const std::string& db_path, DamageResult* r) {
  const chitieu::Lexicon& lex = chitieu::default_lexicon();
  remove_db(db_path);
  std::unique_ptr<chitieu::Store> store;
  if (!chitieu::Store::Open(db_path, chitieu::OpenMode::kCreate, &store).ok()) return false;
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
    chitieu::ExtractedDocument doc;
    if (!chitieu::source_text_from_bytes(lex, text, "copy-" + std::to_string(r->docs) + ".txt", "", &doc.source)
             .ok())
      return false;
    chitieu::extract_from_source(lex, &doc);
    chitieu::Store::IngestOutcome out;
    if (!store->ingest(doc.source, doc.header, doc.repaired, doc.figures, &out).ok()) return false;
    r->bytes += text.size();
    r->figures += out.figures;
    ++r->docs;
  }
  r->seconds = since(t0);
  return true;
}

int bench_damage(const Options& o) {
  std::vector<chitieu::FileOutcome> unusable;
  std::vector<std::string> seeds;
  for (const chitieu::InputFile& f : chitieu::expand_inputs(o.inputs, &unusable)) seeds.push_back(slurp(f.path));
  const size_t target = static_cast<size_t>(std::max(o.megabytes, 1.0) * 1e6);
  std::string db = o.out_dir + "/damage.db";
  std::printf("| input | MB/s | documents/s | figures |\n|---|---|---|---|\n");
  auto row = [&](const char* name, const chitieu::damage::Kind* kind) {
    DamageResult r;
    if (!run_damaged(seeds, kind, target, db, &r)) return false;
    std::printf("| %s | %.2f | %.1f | %zu |\n", name, r.bytes / 1e6 / r.seconds, r.docs / r.seconds, r.figures);
    return true;
  };
  if (!row("clean", nullptr)) return 1;
  for (chitieu::damage::Kind kind : chitieu::damage::all_kinds()) {
    if (o.damage != "all" && o.damage != chitieu::damage::kind_name(kind)) continue;
    if (!row(chitieu::damage::kind_name(kind), &kind)) return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--megabytes" && i + 1 < argc) o.megabytes = std::stod(argv[++i]);
    else if (a == "--repeat" && i + 1 < argc) o.repeat = std::max(1, std::stoi(argv[++i]));
    else if (a == "--out" && i + 1 < argc) o.out_dir = argv[++i];
    else if (a == "--damage" && i + 1 < argc) o.damage = argv[++i];
    else o.inputs.push_back(a);
  }
  if (o.inputs.empty()) o.inputs.push_back("corpus");
  fs::create_directories(o.out_dir);
  return o.damage.empty() ? bench_ingest(o) : bench_damage(o);
}
