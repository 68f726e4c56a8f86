#include "cli/batch_progress.h"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "common/stage_timer.h"
#include "extractor/formats/ocr_reader.h"

namespace chitieu {
namespace {

constexpr auto kRedrawEvery = std::chrono::milliseconds(250);

std::string megabytes(uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", bytes / 1e6);
  return buf;
}

// "0:42", "1:05:09"
std::string clock_text(double seconds) {
  long s = std::lround(seconds);
  char buf[32];
  if (s >= 3600) std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

std::string outcome_name(const FileOutcome& o, const std::string& done_word) {
  switch (o.result) {
    case FileResult::kStored: return done_word;
    case FileResult::kAlreadyStored: return "already_" + done_word;
    case FileResult::kSkipped: return "skipped";
    case FileResult::kFailed: break;
  }
  return "failed";
}

std::string log_line(const FileOutcome& o, const std::string& done_word) {
  nlohmann::ordered_json j;
  j["path"] = o.path;
  j["sha256"] = o.sha256.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(o.sha256);
  j["outcome"] = outcome_name(o, done_word);
  bool why = o.result == FileResult::kFailed || o.result == FileResult::kSkipped;
  j["reason"] = why ? nlohmann::ordered_json(o.error.message()) : nlohmann::ordered_json();
  j["figures"] = o.figures;
  j["seconds"] = std::round(o.seconds * 1000) / 1000;
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

// The line of one file: "error: <path>: <reason>", "stored: <path>: 12
// figures (encoding utf-8, confidence 1.00)", "already stored: <path> (sha256 …)".
std::string file_line(const FileOutcome& o, const std::string& done_word) {
  switch (o.result) {
    case FileResult::kFailed:
      return "error: " + o.path + ": " + o.error.message();
    case FileResult::kSkipped:
      return "skipped: " + o.path + ": " + o.error.message();
    case FileResult::kAlreadyStored:
      return "already " + done_word + ": " + o.path + " (sha256 " + o.sha256.substr(0, 12) + ")";
    case FileResult::kStored: {
      char conf[16];
      std::snprintf(conf, sizeof conf, "%.2f", o.encoding_confidence);
      return done_word + ": " + o.path + ": " + std::to_string(o.figures) + " figures (encoding " + o.encoding +
             ", confidence " + conf + ")";
    }
  }
  return "";
}

}  // namespace

BatchProgress::BatchProgress(const BatchProgressOptions& options)
    : options_(options), terminal_(isatty(STDERR_FILENO) != 0), start_(std::chrono::steady_clock::now()),
      ocr_pages_at_start_(ocr_pages_recognised()) {}

Status BatchProgress::Open(const BatchProgressOptions& options, std::unique_ptr<BatchProgress>* out) {
  std::unique_ptr<BatchProgress> p(new BatchProgress(options));
  if (!options.log_path.empty()) {
    p->log_.open(options.log_path, std::ios::binary | std::ios::trunc);
    if (!p->log_) return Status::Error(StatusCode::kUsage, "cannot write the log " + options.log_path);
  }
  *out = std::move(p);
  return Status::Ok();
}

BatchProgress::~BatchProgress() { stop_ticking(); }

void BatchProgress::started(size_t files, uint64_t bytes) {
  std::lock_guard<std::mutex> lock(mu_);
  files_total_ = files;
  bytes_total_ = bytes;
  start_ = std::chrono::steady_clock::now();
  if (!terminal_) return;
  redraw();
  ticker_ = std::thread([this] { tick(); });
}

void BatchProgress::finished(const FileOutcome& o) {
  if (log_.is_open()) log_ << log_line(o, options_.done_word) << "\n" << std::flush;
  std::lock_guard<std::mutex> lock(mu_);
  ++files_done_;
  bytes_done_ += o.bytes;
  figures_ += o.figures;
  if (o.result == FileResult::kFailed) ++failed_;
  if (o.result == FileResult::kSkipped) ++skipped_;
  if (o.result == FileResult::kFailed || options_.verbose) {
    if (drawn_) std::cerr << "\r\x1b[K";
    std::cerr << file_line(o, options_.done_word) << "\n";
    drawn_ = false;
  }
  if (terminal_) redraw();
}

std::string BatchProgress::live_line() const {
  double elapsed = seconds_since(start_);
  double rate = elapsed > 0 ? bytes_done_ / 1e6 / elapsed : 0;
  char rate_text[32];
  std::snprintf(rate_text, sizeof rate_text, "%.1f", rate);
  std::string line = options_.command + ": " + std::to_string(files_done_) + "/" + std::to_string(files_total_) +
                     " files, " + megabytes(bytes_done_) + "/" + megabytes(bytes_total_) + " MB, " +
                     std::to_string(figures_) + " figures, " + std::to_string(skipped_) + " skipped, " +
                     std::to_string(failed_) + " failed, " + rate_text + " MB/s";
  if (bytes_done_ > 0 && bytes_done_ < bytes_total_)
    line += ", " + clock_text(elapsed * (bytes_total_ - bytes_done_) / bytes_done_) + " left";
  uint64_t ocr = ocr_pages_recognised() - ocr_pages_at_start_;
  if (ocr > 0) line += ", OCR " + std::to_string(ocr) + (ocr == 1 ? " page" : " pages");
  return line;
}

void BatchProgress::redraw() {
  std::cerr << "\r" << live_line() << "\x1b[K" << std::flush;
  drawn_ = true;
}

void BatchProgress::tick() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stopping_) {
    wake_.wait_for(lock, kRedrawEvery);
    if (!stopping_) redraw();
  }
}

void BatchProgress::stop_ticking() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (ticker_.joinable()) ticker_.join();
}

void BatchProgress::summary(const BatchTotals& t) {
  stop_ticking();
  double elapsed = seconds_since(start_);
  char timing[96];
  std::snprintf(timing, sizeof timing, "; %s MB in %.2f s, %.1f MB/s", megabytes(t.bytes).c_str(), elapsed,
                elapsed > 0 ? t.bytes / 1e6 / elapsed : 0.0);
  if (drawn_) std::cerr << "\r\x1b[K";
  const std::string& done = options_.done_word;
  std::cerr << options_.command << ": " << t.stored << " " << done << " (" << t.figures << " figures), "
            << t.already_stored << " already " << done << ", " << t.skipped << " skipped, " << t.failed << " failed"
            << timing << "\n";
}

}  // namespace chitieu
