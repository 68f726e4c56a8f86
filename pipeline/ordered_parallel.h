// Work on many items in parallel, results taken in order: the shape of every
// batch command (ingest, extract, load). Workers run `work(i)` for the items
// i = 0, 1, … n-1 as they come free; the calling thread gets `take(i, result)`
// for each item in the order of i, as soon as that item and every one before it
// are done. So whatever the number of workers and whichever finishes first,
// what `take` does — storing documents, printing outcomes — happens in input
// order, and the database and the messages are those of a run with one worker.
//
// At most `window` results wait to be taken: a worker does not start item i
// before item i - window has been taken, so memory stays bounded when the
// taker (one SQLite writer) is slower than the workers. With `cost` (a file's
// bytes, say), the items started and not yet taken also cost at most
// `cost_budget` together — except the next to be taken, which may always
// start — so a wide window of small files stays bounded for large ones.
//
// With one job there are no threads: work and take alternate on the calling
// thread. `work` must not throw (a worker has no one to throw to); `take` runs
// on the calling thread and may.
#ifndef CHITIEU_PIPELINE_ORDERED_PARALLEL_H_
#define CHITIEU_PIPELINE_ORDERED_PARALLEL_H_

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace chitieu {

// The number of workers for `jobs` (0: one per core) and `items`.
inline unsigned worker_count(unsigned jobs, size_t items) {
  unsigned n = jobs != 0 ? jobs : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::max<size_t>(1, std::min<size_t>(n, items)));
}

template <typename Result>
void run_in_order(size_t n, unsigned jobs, size_t window, const std::function<Result(size_t)>& work,
                  const std::function<void(size_t, Result&)>& take,
                  const std::function<void()>& worker_done = [] {},
                  const std::function<uint64_t(size_t)>& cost = nullptr, uint64_t cost_budget = UINT64_MAX) {
  const unsigned workers = worker_count(jobs, n);
  if (workers <= 1) {
    for (size_t i = 0; i < n; ++i) {
      Result r = work(i);
      take(i, r);
    }
    worker_done();
    return;
  }
  window = std::max<size_t>(window, workers);
  std::mutex mu;
  std::condition_variable done_cv, room_cv;
  std::map<size_t, Result> done;  // finished, not yet taken
  size_t next = 0;                // the next item a worker starts
  size_t taken = 0;               // items taken so far
  bool stop = false;              // the taker ended early (an exception)
  uint64_t in_flight = 0;         // cost of the items in [taken, next)
  auto cost_of = [&](size_t i) -> uint64_t { return cost ? cost(i) : 0; };
  auto may_start = [&] {
    if (next >= taken + window) return false;
    return next == taken || in_flight + cost_of(next) <= cost_budget;
  };

  auto worker = [&] {
    for (;;) {
      size_t i;
      {
        std::unique_lock<std::mutex> lock(mu);
        room_cv.wait(lock, [&] { return stop || next >= n || may_start(); });
        if (stop || next >= n) break;
        i = next++;
        in_flight += cost_of(i);
      }
      Result r = work(i);
      std::lock_guard<std::mutex> lock(mu);
      done.emplace(i, std::move(r));
      done_cv.notify_all();
    }
    worker_done();
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < workers; ++t) {
    try {
      threads.emplace_back(worker);
    } catch (const std::system_error&) {
      break;  // fewer workers when the system refuses a thread
    }
  }
  auto finish = [&] {
    {
      std::lock_guard<std::mutex> lock(mu);
      stop = true;
    }
    room_cv.notify_all();
    for (std::thread& t : threads) t.join();
  };
  try {
    for (size_t i = 0; i < n; ++i) {
      Result r;
      {
        std::unique_lock<std::mutex> lock(mu);
        if (threads.empty() && next == i) {
          // No thread could be started: this one does the work.
          ++next;
          lock.unlock();
          r = work(i);
        } else {
          done_cv.wait(lock, [&] { return done.count(i) > 0; });
          auto it = done.find(i);
          r = std::move(it->second);
          done.erase(it);
        }
        taken = i + 1;
        in_flight -= std::min(in_flight, cost_of(i));
      }
      room_cv.notify_all();
      take(i, r);
    }
  } catch (...) {
    finish();
    throw;
  }
  finish();
}

}  // namespace chitieu

#endif  // CHITIEU_PIPELINE_ORDERED_PARALLEL_H_
