// Hostile and broken text inputs through the CLI, as a user meets them: a
// 200 MB file, a file of nothing but line breaks, random binary named .txt,
// paths with spaces and Vietnamese letters, symbolic link loops, a named pipe.
// Each file gets ONE line on stderr (with --verbose) — "error: <path>:
// <reason>" or "stored: <path>: …" — the batch goes on, every good file in it is stored, memory stays
// bounded (peak RSS of the child, from wait4), and the exit status is 1 when
// any file failed. (The PDF and .docx hostile files are in formats_test.cc.)
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "extractor/source_text.h"
#include "support/child_process.h"
#include "support/test_files.h"

namespace {

namespace fs = std::filesystem;
using chitieu::testing::fresh_test_dir;
using chitieu::testing::read_file;
using chitieu::testing::split_lines;
using chitieu::testing::ChildResult;
using chitieu::testing::run_child;

constexpr long kMaxRssKb = 1536L * 1024;  // 1.5 GB

class HostileInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fresh_test_dir("hostile");
    db_ = (dir_ / "test.db").string();
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  ChildResult chitieu(const std::vector<std::string>& args, double timeout = 120) {
    ChildResult r = run_child(CHITIEU_BINARY, args, (dir_ / "stdout.txt").string(),
                              (dir_ / "stderr.txt").string(), timeout);
    EXPECT_TRUE(r.finished) << "chitieu did not end within " << timeout << " s";
    return r;
  }

  // --verbose: a line for every file, stored or not (without it only the
  // problems have one), which these tests count.
  ChildResult ingest(const std::vector<std::string>& paths, double timeout = 120) {
    std::vector<std::string> args = {"ingest", "--verbose", "--db", db_};
    args.insert(args.end(), paths.begin(), paths.end());
    return chitieu(args, timeout);
  }

  fs::path corpus(int i) const {
    std::vector<fs::path> docs;
    for (const auto& e : fs::directory_iterator(fs::path(CHITIEU_SOURCE_DIR) / "corpus"))
      if (e.path().extension() == ".txt") docs.push_back(e.path());
    std::sort(docs.begin(), docs.end());
    return docs[i % docs.size()];
  }

  // A good document with bytes of its own.
  void write_good(const fs::path& p, int i) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << read_file(corpus(i)) << "\nBản số " << i << ".\n";
  }

  fs::path dir_;
  std::string db_;
};

// The stderr lines about `path`: exactly one is expected, "error: <path>: …"
// or "stored: <path>: …".
std::vector<std::string> lines_about(const std::string& err, const std::string& path) {
  std::vector<std::string> found;
  for (const std::string& l : split_lines(err)) {
    if (l.rfind("error: " + path + ": ", 0) == 0 || l.rfind("stored: " + path + ": ", 0) == 0 ||
        l.rfind("already stored: " + path + " ", 0) == 0)
      found.push_back(l);
  }
  return found;
}

// One line about `path`, an error containing `reason`.
::testing::AssertionResult refused(const ChildResult& r, const fs::path& path, const std::string& reason) {
  std::vector<std::string> about = lines_about(r.err, path.string());
  if (about.size() != 1)
    return ::testing::AssertionFailure() << about.size() << " lines about " << path << " in\n" << r.err;
  if (about[0].rfind("error: ", 0) != 0 || about[0].find(reason) == std::string::npos)
    return ::testing::AssertionFailure() << "expected an error with \"" << reason << "\", got: " << about[0];
  return ::testing::AssertionSuccess();
}

::testing::AssertionResult stored(const ChildResult& r, const fs::path& path) {
  std::vector<std::string> about = lines_about(r.err, path.string());
  if (about.size() != 1 || about[0].rfind("stored: ", 0) != 0)
    return ::testing::AssertionFailure() << path << " not stored:\n" << r.err;
  return ::testing::AssertionSuccess();
}

// The file names `chitieu documents` lists.
std::multiset<std::string> stored_names(const std::string& documents_out) {
  std::multiset<std::string> names;
  for (const std::string& l : split_lines(documents_out))
    names.insert(nlohmann::json::parse(l)["file_name"].get<std::string>());
  return names;
}

TEST_F(HostileInputTest, HugeTextIsRefusedWithBoundedMemoryAndTheBatchGoesOn) {
  // 200 MB of real text, written in chunks (never in the test's memory at once).
  fs::path huge = dir_ / "nghị quyết 200 MB.txt";
  std::string chunk;
  while (chunk.size() < (4u << 20)) chunk += read_file(corpus(static_cast<int>(chunk.size() % 5)));
  {
    std::ofstream out(huge, std::ios::binary);
    for (uint64_t written = 0; written < (200ull << 20); written += chunk.size()) out << chunk;
  }
  ASSERT_GE(fs::file_size(huge), 200ull << 20);
  // 200 MB of nothing, sparse: no disk used.
  fs::path sparse = dir_ / "sparse.txt";
  {
    int fd = open(sparse.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(ftruncate(fd, 200ll << 20), 0);
    close(fd);
  }
  // Just under the text limit: must be read, within the memory bound.
  fs::path at_limit = dir_ / "at the limit.txt";
  {
    std::ofstream out(at_limit, std::ios::binary);
    uint64_t written = 0;
    for (int i = 0; written + 70000 < chitieu::kMaxTextBytes; ++i) {
      std::string doc = read_file(corpus(i));
      out << doc;
      written += doc.size();
    }
  }
  // Line breaks only: 2 million lines in 2 MB, over the line limit.
  fs::path breaks = dir_ / "line breaks.txt";
  std::ofstream(breaks, std::ios::binary) << "Nghị quyết\n" << std::string(2'000'000, '\n');
  fs::path good1 = dir_ / "good 1.txt", good2 = dir_ / "good 2.txt";
  write_good(good1, 0);
  write_good(good2, 1);

  ChildResult r = ingest({good1.string(), huge.string(), sparse.string(), at_limit.string(),
                          breaks.string(), good2.string()});
  std::cout << "[ hostile  ] 200 MB text, sparse 200 MB, " << fs::file_size(at_limit)
            << " bytes at the limit, 2M empty lines: " << r.seconds << " s, peak RSS "
            << r.max_rss_kb / 1024 << " MB\n";
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_LT(r.max_rss_kb, kMaxRssKb);
  EXPECT_TRUE(refused(r, huge, "text too large"));
  EXPECT_TRUE(refused(r, sparse, "too large"));
  EXPECT_TRUE(refused(r, breaks, "too many lines"));
  EXPECT_TRUE(stored(r, at_limit));
  EXPECT_TRUE(stored(r, good1));
  EXPECT_TRUE(stored(r, good2));
  EXPECT_NE(r.err.find("3 stored"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("3 failed"), std::string::npos) << r.err;
  fs::remove(huge);
  fs::remove(sparse);
  EXPECT_EQ(chitieu({"verify", "--db", db_}).exit_code, 0);
}

TEST_F(HostileInputTest, RandomBinaryNamedTxtGetsOneLineAndTheBatchGoesOn) {
  std::mt19937_64 rng(4242);
  auto bytes = [&](size_t n, int lo, int hi) {
    std::uniform_int_distribution<int> d(lo, hi);
    std::string s(n, '\0');
    for (char& c : s) c = static_cast<char>(d(rng));
    return s;
  };
  // Random code points, encoded as UTF-8: valid text of no language.
  auto random_utf8 = [&](size_t n) {
    std::uniform_int_distribution<uint32_t> d(1, 0x10FFFF);
    std::string s;
    while (s.size() < n) {
      uint32_t c = d(rng);
      if (c >= 0xD800 && c <= 0xDFFF) continue;
      if (c < 0x80) s += static_cast<char>(c);
      else if (c < 0x800) s += {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
      else if (c < 0x10000)
        s += {static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
              static_cast<char>(0x80 | (c & 0x3F))};
      else
        s += {static_cast<char>(0xF0 | (c >> 18)), static_cast<char>(0x80 | ((c >> 12) & 0x3F)),
              static_cast<char>(0x80 | ((c >> 6) & 0x3F)), static_cast<char>(0x80 | (c & 0x3F))};
    }
    return s;
  };
  struct Case {
    const char* name;
    std::string content;
  };
  std::vector<Case> cases = {
      {"random.txt", bytes(1 << 20, 0, 255)},
      {"random no NUL.txt", bytes(1 << 20, 1, 255)},
      {"random high bytes.txt", bytes(256 << 10, 0x80, 0xFF)},  // any legacy 8-bit encoding reads it
      {"random printable.txt", bytes(256 << 10, 0x20, 0x7E)},
      {"random utf-8.txt", random_utf8(256 << 10)},
      {"random utf-16.txt", "\xFF\xFE" + bytes(256 << 10, 0, 255)},
      {"random short.txt", bytes(7, 0, 255)},
      {"gzip.txt", "\x1F\x8B\x08\x00" + bytes(4096, 0, 255)},
      {"elf.txt", "\x7F" "ELF\x02\x01\x01" + bytes(4096, 0, 255)},
      {"empty.txt", ""},
      {"white space.txt", " \t\r\n\n   \n"},
  };
  std::vector<std::string> paths;
  fs::path good1 = dir_ / "good 1.txt", good2 = dir_ / "good 2.txt";
  write_good(good1, 2);
  paths.push_back(good1.string());
  for (const Case& c : cases) {
    fs::path p = dir_ / c.name;
    std::ofstream(p, std::ios::binary) << c.content;
    paths.push_back(p.string());
  }
  write_good(good2, 3);
  paths.push_back(good2.string());

  ChildResult r = ingest(paths);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_LT(r.max_rss_kb, kMaxRssKb);
  int failed = 0, accepted = 0;
  for (const Case& c : cases) {
    std::vector<std::string> about = lines_about(r.err, (dir_ / c.name).string());
    ASSERT_EQ(about.size(), 1u) << c.name << "\n" << r.err;
    if (about[0].rfind("error: ", 0) == 0) ++failed;
    else ++accepted;
    std::cout << "[ hostile  ] " << about[0].substr(0, 160) << "\n";
  }
  EXPECT_TRUE(refused(r, dir_ / "random.txt", "binary"));
  EXPECT_TRUE(refused(r, dir_ / "empty.txt", "empty file"));
  EXPECT_TRUE(refused(r, dir_ / "white space.txt", "no text"));
  EXPECT_TRUE(stored(r, good1));
  EXPECT_TRUE(stored(r, good2));
  EXPECT_NE(r.err.find(std::to_string(failed) + " failed"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(std::to_string(accepted + 2) + " stored"), std::string::npos) << r.err;
  ChildResult v = chitieu({"verify", "--db", db_});
  EXPECT_EQ(v.exit_code, 0) << v.out;
}

TEST_F(HostileInputTest, PathsWithSpacesAndVietnameseLettersAreStoredAndFoundAgain) {
  fs::path folder = dir_ / "Nghị quyết 2025 (bản cuối)" / "Hội đồng nhân dân tỉnh Cần Thơ";
  std::vector<std::string> names = {
      "Chương trình hành động số 1.txt",
      " khoảng trắng đầu và cuối .txt",
      "it's #1 & $HOME; `ls` *.txt",
      "Nghi\xCC\xA3 quye\xCC\x82\xCC\x81t to\xCC\x82\xCC\x81ng ho\xCC\x9B\xCC\xA3p.txt",  // NFD
      "tab\there.TXT",
  };
  std::vector<std::string> paths;
  for (size_t i = 0; i < names.size(); ++i) {
    fs::path p = folder / names[i];
    write_good(p, static_cast<int>(i));
    paths.push_back(p.string());
  }
  ChildResult r = ingest({(dir_ / "Nghị quyết 2025 (bản cuối)").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  for (const std::string& p : paths) EXPECT_TRUE(stored(r, p));
  ChildResult docs = chitieu({"documents", "--db", db_});
  ASSERT_EQ(docs.exit_code, 0);
  std::multiset<std::string> want(names.begin(), names.end());
  EXPECT_EQ(stored_names(docs.out), want) << docs.out;

  // Named one by one: already stored, each on its line.
  ChildResult again = ingest(paths);
  EXPECT_EQ(again.exit_code, 0) << again.err;
  for (const std::string& p : paths) EXPECT_EQ(lines_about(again.err, p).size(), 1u) << p << "\n" << again.err;
  EXPECT_NE(again.err.find("5 already stored"), std::string::npos) << again.err;

  // The sources are found again by their stored paths, and a document by its name.
  ChildResult v = chitieu({"verify", "--sources", "--db", db_});
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
  EXPECT_EQ(v.out.find("not readable"), std::string::npos) << v.out;
  ChildResult trace = chitieu({"trace", "--db", db_, "--document", "Chương trình hành động số 1.txt"});
  EXPECT_EQ(trace.exit_code, 0) << trace.err;
  EXPECT_NE(trace.out.find("Chương trình hành động số 1.txt"), std::string::npos);
}

TEST_F(HostileInputTest, SymlinkLoopsEndAndEveryUnreadableLinkIsNamed) {
  fs::path batch = dir_ / "batch";
  write_good(batch / "good.txt", 4);
  write_good(batch / "sub" / "deeper.txt", 3);
  fs::create_directory_symlink("..", batch / "sub" / "up");           // back to batch/
  fs::create_directory_symlink("../sub", batch / "sub" / "again");    // to itself
  fs::create_symlink("self.txt", batch / "self.txt");                  // a link to itself
  fs::create_symlink("pong.txt", batch / "ping.txt");                  // two links to each other
  fs::create_symlink("ping.txt", batch / "pong.txt");
  fs::create_symlink("nowhere.txt", batch / "dangling.txt");           // to nothing
  fs::create_symlink("good.txt", batch / "link to good.txt");          // a good link
  // A named pipe opens only when someone writes to it: reading it would block.
  ASSERT_EQ(mkfifo((batch / "pipe.txt").c_str(), 0644), 0);

  ChildResult r = ingest({batch.string(), (batch / "self.txt").string(), (batch / "sub" / "up").string(),
                          (batch / "pipe.txt").string(), (batch / "missing.txt").string()},
                         60);
  ASSERT_TRUE(r.finished);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(stored(r, batch / "good.txt"));
  EXPECT_TRUE(stored(r, batch / "sub" / "deeper.txt"));
  for (const char* loop : {"ping.txt", "pong.txt"})
    EXPECT_TRUE(refused(r, batch / loop, "symbolic links")) << loop;
  EXPECT_TRUE(refused(r, batch / "dangling.txt", "broken symbolic link"));
  EXPECT_TRUE(refused(r, batch / "pipe.txt", "not a regular file"));
  EXPECT_TRUE(refused(r, batch / "missing.txt", "no such file"));
  // self.txt is met twice, in the folder and named: one line each time.
  size_t self_lines = 0;
  for (const std::string& l : split_lines(r.err))
    if (l == "error: " + (batch / "self.txt").string() + ": cannot read: Too many levels of symbolic links")
      ++self_lines;
  EXPECT_EQ(self_lines, 2u) << r.err;
  // Symlinked folders are not followed inside a walk; named, the loop's
  // target is walked once more and finds everything already stored.
  ChildResult docs = chitieu({"documents", "--db", db_});
  std::multiset<std::string> names = stored_names(docs.out);
  EXPECT_EQ(names.count("good.txt") + names.count("link to good.txt"), 1u) << docs.out;
  EXPECT_EQ(names.count("deeper.txt"), 1u) << docs.out;
  EXPECT_EQ(names.size(), 2u) << docs.out;
  EXPECT_EQ(chitieu({"verify", "--db", db_}).exit_code, 0);
}

TEST_F(HostileInputTest, NumbersBeyondADoubleGiveNoFigureRatherThanInfinity) {
  // Found while writing the fuzz invariants (a value is finite): 400 digits
  // read as infinity, and "tỷ" forty times scales 1.000 past a double;
  // export then printed "low": null.
  fs::path p = dir_ / "huge numbers.txt";
  std::ofstream(p, std::ios::binary)
      << "Tốc độ tăng trưởng kinh tế đạt 1" << std::string(400, '0') << "%/năm.\n"
      << "Tổng vốn đầu tư toàn xã hội đạt 1.000 " << [] {
           std::string s;
           for (int i = 0; i < 40; ++i) s += "tỷ ";
           return s;
         }() << "đồng.\n"
      << "Tỷ lệ hộ nghèo giảm còn 2%.\n";
  ChildResult r = ingest({p.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ChildResult exported = chitieu({"export", "--db", db_, "--format", "jsonl"});
  ASSERT_EQ(exported.exit_code, 0);
  std::vector<std::string> rows = split_lines(exported.out);
  ASSERT_EQ(rows.size(), 1u) << exported.out;
  for (const std::string& row : rows) {
    nlohmann::json j = nlohmann::json::parse(row);
    EXPECT_TRUE(j["low"].is_number() && j["high"].is_number()) << row;
  }
}

TEST_F(HostileInputTest, AYearFromALongHeadingDoesNotEndTheBatch) {
  // Found by fuzz_extract_document: the provenance of a year taken from a
  // heading kept its first 120 bytes, cutting "những" inside a letter; the JSON
  // of the figure's reading then threw and the whole ingest aborted.
  const std::string heading =
      "1. Mục tiêu phát triển kinh tế - xã hội của thành phố Cần Thơ trong giai đoạn 2026 - 2030 "
      "và những năm tiếp theo, tầm nhìn đến năm 2045";
  ASSERT_EQ(static_cast<unsigned char>(heading[120]) & 0xC0, 0x80);  // byte 120 is inside a letter
  fs::path doc = dir_ / "heading.txt";
  std::ofstream(doc, std::ios::binary) << "NGHỊ QUYẾT\n\n" << heading
                                       << "\n\nTốc độ tăng trưởng kinh tế bình quân đạt 10%/năm.\n";
  fs::path good = dir_ / "good.txt";
  write_good(good, 0);
  ChildResult r = ingest({doc.string(), good.string()});
  EXPECT_EQ(r.signal, 0);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(stored(r, doc));
  EXPECT_TRUE(stored(r, good));
  ChildResult trace = chitieu({"trace", "--db", db_, "--document", "heading.txt"});
  EXPECT_NE(trace.out.find("from heading: \"1. Mục tiêu"), std::string::npos) << trace.out;
}

}  // namespace
