// Where the time of an ingest goes, stage by stage.
//
// A StageTimer adds the CPU time its thread spends in its scope to the
// thread's total for one stage. Timers nest, and a total is exclusive: while a `kBlocks` timer runs
// inside a `kExtract` one, the time is the blocks' only, so the stages of a
// thread add up to the time it spent in any of them. Each thread keeps its
// own totals (no lock, two clock reads a scope); whoever ran the threads adds
// them up (take_thread_stage_times). Scopes are per document or per stage of
// one, never per line, so the timing costs nothing measurable.
#ifndef CHITIEU_COMMON_STAGE_TIMER_H_
#define CHITIEU_COMMON_STAGE_TIMER_H_

#include <array>
#include <chrono>
#include <cstddef>

namespace chitieu {

enum class Stage {
  kDecode,       // reading the file: bytes, SHA-256, format, encoding, lines (PDF, OCR)
  kRepair,       // repairing every line (text_repair)
  kBlocks,       // joining lines into blocks (blocks)
  kExtract,      // the rest of extraction: header, tables, figures
  kStore,        // writing the document's rows (store)
  kSearchIndex,  // filling the full-text index
  kCount,
};

inline constexpr size_t kStageCount = static_cast<size_t>(Stage::kCount);

// "decode", "repair", "blocks", "extract", "store", "search index".
const char* stage_name(Stage stage);

struct StageTimes {
  std::array<double, kStageCount> seconds{};

  double& operator[](Stage s) { return seconds[static_cast<size_t>(s)]; }
  double operator[](Stage s) const { return seconds[static_cast<size_t>(s)]; }
  StageTimes& operator+=(const StageTimes& other);
  double total() const;
};

// The calling thread's totals so far, which start again from zero.
StageTimes take_thread_stage_times();

class StageTimer {
 public:
  explicit StageTimer(Stage stage);
  ~StageTimer();
  StageTimer(const StageTimer&) = delete;
  StageTimer& operator=(const StageTimer&) = delete;

 private:
  Stage outer_;  // the stage timed when this one began (kCount: none)
};

// Wall-clock seconds since `start`: a file's or a batch's time, where the
// stages above are CPU time.
inline double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace chitieu

#endif  // CHITIEU_COMMON_STAGE_TIMER_H_
