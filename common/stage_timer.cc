#include "common/stage_timer.h"

namespace chitieu {
namespace {

using Clock = std::chrono::steady_clock;

// The thread's totals, and the stage being timed since `since`.
struct ThreadClock {
  StageTimes totals;
  Stage current = Stage::kCount;  // none
  Clock::time_point since;

  // Charges the time since the last switch to the current stage.
  void charge(Clock::time_point now) {
    if (current != Stage::kCount) totals[current] += std::chrono::duration<double>(now - since).count();
    since = now;
  }
};

thread_local ThreadClock clock_of_thread;

}  // namespace

const char* stage_name(Stage stage) {
  switch (stage) {
    case Stage::kDecode: return "decode";
    case Stage::kRepair: return "repair";
    case Stage::kBlocks: return "blocks";
    case Stage::kExtract: return "extract";
    case Stage::kStore: return "store";
    case Stage::kSearchIndex: return "search index";
    case Stage::kCount: break;
  }
  return "?";
}

StageTimes& StageTimes::operator+=(const StageTimes& other) {
  for (size_t i = 0; i < kStageCount; ++i) seconds[i] += other.seconds[i];
  return *this;
}

double StageTimes::total() const {
  double sum = 0;
  for (double s : seconds) sum += s;
  return sum;
}

StageTimes take_thread_stage_times() {
  ThreadClock& c = clock_of_thread;
  c.charge(Clock::now());
  StageTimes out = c.totals;
  c.totals = StageTimes();
  return out;
}

StageTimer::StageTimer(Stage stage) {
  ThreadClock& c = clock_of_thread;
  c.charge(Clock::now());
  outer_ = c.current;
  c.current = stage;
}

StageTimer::~StageTimer() {
  ThreadClock& c = clock_of_thread;
  c.charge(Clock::now());
  c.current = outer_;
}

}  // namespace chitieu
