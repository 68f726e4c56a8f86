// Work on many items in parallel, results taken in order
// (pipeline/ordered_parallel.h), and the stage timers (common/stage_timer.h)
// that say where a batch's time went.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <random>
#include <thread>
#include <vector>

#include <time.h>

#include <map>
#include <mutex>

#include "common/stage_timer.h"
#include "pipeline/ordered_parallel.h"

namespace chitieu {
namespace {

void sleep_ms(int ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); }

// Keeps the thread busy for `ms` of its own CPU time (the stage timers count
// CPU time, not time asleep).
void spin_ms(int ms) {
  auto cpu = [] {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
  };
  for (double end = cpu() + ms; cpu() < end;) {
  }
}

TEST(OrderedParallel, ResultsAreTakenInInputOrderWhateverFinishesFirst) {
  for (unsigned jobs : {1u, 2u, 3u, 8u}) {
    const size_t n = 60;
    std::vector<int> delays(n);
    std::mt19937 rng(jobs);
    for (int& d : delays) d = static_cast<int>(rng() % 5);
    std::vector<size_t> taken;
    std::atomic<int> running{0}, most_running{0};
    run_in_order<size_t>(
        n, jobs, 4,
        [&](size_t i) {
          int now = ++running;
          for (int m = most_running; now > m && !most_running.compare_exchange_weak(m, now);) {
          }
          sleep_ms(delays[i]);
          --running;
          return i * 10;
        },
        [&](size_t i, size_t& r) {
          EXPECT_EQ(r, i * 10);
          taken.push_back(i);
        });
    ASSERT_EQ(taken.size(), n) << jobs << " jobs";
    for (size_t i = 0; i < n; ++i) EXPECT_EQ(taken[i], i) << jobs << " jobs";
    EXPECT_LE(most_running.load(), static_cast<int>(jobs));
    if (jobs > 1) EXPECT_GT(most_running.load(), 1) << "the work ran in parallel";
  }
}

TEST(OrderedParallel, NoWorkerRunsMoreThanTheWindowAheadOfTheTaker) {
  const size_t n = 40, window = 3;
  std::atomic<size_t> taken{0}, worst_lead{0};
  run_in_order<int>(
      n, 4, window,
      [&](size_t i) {
        size_t lead = i - std::min(i, taken.load());
        for (size_t w = worst_lead; lead > w && !worst_lead.compare_exchange_weak(w, lead);) {
        }
        return 0;
      },
      [&](size_t i, int&) {
        sleep_ms(2);  // a slow writer
        taken = i + 1;
      });
  EXPECT_EQ(taken.load(), n);
  // The window is at least the number of workers (4 here).
  EXPECT_LE(worst_lead.load(), 4u);
}

TEST(OrderedParallel, ItemsStartedAndNotTakenStayWithinTheCostBudget) {
  // A wide window of small items, with some large ones: what is started and
  // not yet taken never costs more than the budget, but the next item to be
  // taken always starts, however large. The test sees an item as taken when
  // `take` runs, a moment after run_in_order does, so the earliest item it
  // still holds may be the one being taken: it is left out of the sum, and
  // the one after it may be the next to be taken.
  const size_t n = 60;
  const uint64_t budget = 100;
  auto cost = [](size_t i) -> uint64_t { return i % 10 == 0 ? 150 : 10; };
  std::mutex mu;
  std::map<size_t, uint64_t> in_flight;
  size_t taken = 0;
  uint64_t worst = 0;
  std::vector<size_t> over_budget;
  run_in_order<int>(
      n, 4, 32,
      [&](size_t i) {
        {
          std::lock_guard<std::mutex> lock(mu);
          in_flight[i] = cost(i);
          uint64_t sum = 0;
          for (const auto& [item, c] : in_flight) sum += c;
          worst = std::max(worst, sum);
          auto first = in_flight.begin(), second = std::next(first);
          bool may_be_next = i == first->first || i == second->first;
          if (!may_be_next && sum - first->second > budget) over_budget.push_back(i);
        }
        sleep_ms(1);
        return 0;
      },
      [&](size_t i, int&) {
        std::lock_guard<std::mutex> lock(mu);
        in_flight.erase(i);
        taken = i + 1;
      },
      [] {}, cost, budget);
  EXPECT_EQ(taken, n);
  EXPECT_TRUE(over_budget.empty()) << "items started over the budget: " << ::testing::PrintToString(over_budget);
  EXPECT_GE(worst, 150u) << "the large items ran";
}

TEST(OrderedParallel, OneJobRunsOnTheCallingThread) {
  std::thread::id me = std::this_thread::get_id();
  size_t done = 0;
  run_in_order<int>(
      5, 1, 1,
      [&](size_t) {
        EXPECT_EQ(std::this_thread::get_id(), me);
        return 1;
      },
      [&](size_t, int& r) { done += r; });
  EXPECT_EQ(done, 5u);
}

TEST(OrderedParallel, AnExceptionFromTheTakerStopsTheWorkersAndComesOut) {
  std::atomic<size_t> worked{0};
  EXPECT_THROW(run_in_order<int>(
                   1000, 3, 3, [&](size_t) { return static_cast<int>(++worked); },
                   [&](size_t i, int&) {
                     if (i == 5) throw std::runtime_error("disk full");
                   }),
               std::runtime_error);
  EXPECT_LT(worked.load(), 1000u);
}

TEST(StageTimer, NestedStagesCountExclusively) {
  (void)take_thread_stage_times();
  {
    StageTimer outer(Stage::kExtract);
    spin_ms(30);
    {
      StageTimer inner(Stage::kBlocks);
      spin_ms(50);
      sleep_ms(50);  // asleep: no CPU time
    }
    spin_ms(10);
  }
  spin_ms(20);  // no stage: not counted
  StageTimes t = take_thread_stage_times();
  EXPECT_GE(t[Stage::kBlocks], 0.049);
  EXPECT_LT(t[Stage::kBlocks], 0.09);  // not the time asleep
  EXPECT_GE(t[Stage::kExtract], 0.039);
  EXPECT_LT(t[Stage::kExtract], 0.07);  // not the blocks' time again, nor the time after
  EXPECT_NEAR(t.total(), t[Stage::kBlocks] + t[Stage::kExtract], 1e-9);
  EXPECT_EQ(take_thread_stage_times().total(), 0) << "taken once";
  EXPECT_STREQ(stage_name(Stage::kSearchIndex), "search index");
}

TEST(StageTimer, EachThreadKeepsItsOwn) {
  (void)take_thread_stage_times();
  StageTimes other;
  std::thread t([&] {
    {
      StageTimer s(Stage::kStore);
      spin_ms(20);
    }
    other = take_thread_stage_times();
  });
  t.join();
  EXPECT_GE(other[Stage::kStore], 0.015);
  EXPECT_EQ(take_thread_stage_times()[Stage::kStore], 0);
}

}  // namespace
}  // namespace chitieu
