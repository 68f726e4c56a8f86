#include "common/stage_timer.h"

#include <time.h>

namespace chitieu {
namespace {

// The thread's CPU time: a stage's share stays right on a machine busy with
// other work, where wall time would count the time others had the core.
double thread_cpu_seconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// The thread's totals, and the stage being timed since `since`.
struct ThreadClock {
  StageTimes totals;
  Stage current = Stage::kCount;  // none
  double since = 0;

  // Charges the time since the last switch to the current stage.
  void charge(double now) {
    if (current != Stage::kCount) totals[current] += now - since;
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
  c.charge(thread_cpu_seconds());
  StageTimes out = c.totals;
  c.totals = StageTimes();
  return out;
}

StageTimer::StageTimer(Stage stage) {
  ThreadClock& c = clock_of_thread;
  c.charge(thread_cpu_seconds());
  outer_ = c.current;
  c.current = stage;
}

StageTimer::~StageTimer() {
  ThreadClock& c = clock_of_thread;
  c.charge(thread_cpu_seconds());
  c.current = outer_;
}

}  // namespace chitieu
