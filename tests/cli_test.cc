// The CLI end to end, as a user runs it: ingest a batch with bad files in it,
// re-ingest, export, verify, trace, compare.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "support/test_files.h"

namespace {

namespace fs = std::filesystem;
using chitieu::testing::fresh_test_dir;
using chitieu::testing::read_file;
using chitieu::testing::shell_quote;
using json = nlohmann::json;

struct CommandResult {
  int status = -1;
  std::string out, err;
};

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fresh_test_dir("cli");
    db_ = (dir_ / "test.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  CommandResult run(const std::string& args) {
    CommandResult r;
    fs::path err = dir_ / "stderr.txt";
    std::string cmd = std::string(CHITIEU_BINARY) + " " + args + " 2>" + shell_quote(err.string());
    FILE* p = popen(cmd.c_str(), "r");
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
    int st = pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    r.err = read_file(err);
    return r;
  }

  fs::path corpus() const { return fs::path(CHITIEU_SOURCE_DIR) / "corpus"; }
  fs::path dir_;
  std::string db_;
};

size_t count_lines(const std::string& s) { return std::count(s.begin(), s.end(), '\n'); }

// Byte offset of code point `cp` in `s`.
size_t byte_of(const std::string& s, size_t cp) {
  size_t count = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (count == cp) return i;
    ++count;
  }
  return s.size();
}

std::vector<std::string> file_lines(const fs::path& p) {
  std::vector<std::string> lines;
  std::stringstream ss(read_file(p));
  std::string l;
  while (std::getline(ss, l)) {
    if (!l.empty() && l.back() == '\r') l.pop_back();
    lines.push_back(l);
  }
  return lines;
}

TEST_F(CliTest, IngestIsIdempotentAndEveryQuoteIsAtItsOffsetsInTheSource) {
  CommandResult first = run("ingest --db " + db_ + " " + corpus().string());
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_NE(first.err.find("5 stored"), std::string::npos) << first.err;

  CommandResult exported = run("export --db " + db_ + " --format jsonl");
  ASSERT_EQ(exported.status, 0) << exported.err;
  size_t figures = count_lines(exported.out);
  EXPECT_GT(figures, 200u);

  CommandResult again = run("ingest --db " + db_ + " " + corpus().string());
  EXPECT_EQ(again.status, 0);
  EXPECT_NE(again.err.find("0 stored"), std::string::npos) << again.err;
  EXPECT_NE(again.err.find("5 already stored"), std::string::npos) << again.err;
  EXPECT_EQ(count_lines(run("export --db " + db_ + " --format jsonl").out), figures);

  // The export contract, and every quote found in the ORIGINAL file at its
  // stored line and code point offsets.
  std::stringstream ss(exported.out);
  std::string line;
  std::map<std::string, std::vector<std::string>> sources;
  size_t checked = 0;
  while (std::getline(ss, line)) {
    json j = json::parse(line);
    for (const char* k : {"document", "doc_sha256", "page", "line", "line_end", "quote", "indicator",
                          "item", "comparator", "low", "high", "unit", "counted", "year", "kind",
                          "warnings"})
      ASSERT_TRUE(j.contains(k)) << k << " missing in " << line;
    EXPECT_TRUE(j["page"].is_null());
    EXPECT_TRUE(j["warnings"].is_array());
    EXPECT_LE(j["low"].get<double>(), j["high"].get<double>());
    std::string doc = j["document"];
    if (!sources.count(doc)) sources[doc] = file_lines(corpus() / doc);
    const auto& src = sources[doc];
    size_t ql = j["quote_line"], le = j["line_end"];
    ASSERT_GE(ql, 1u);
    ASSERT_LE(le, src.size());
    std::string q;
    size_t cs = j["char_start"], ce = j["char_end"];
    if (ql == le) {
      q = src[ql - 1].substr(byte_of(src[ql - 1], cs), byte_of(src[ql - 1], ce) - byte_of(src[ql - 1], cs));
    } else {
      q = src[ql - 1].substr(byte_of(src[ql - 1], cs));
      for (size_t l = ql + 1; l < le; ++l) q += "\n" + src[l - 1];
      q += "\n" + src[le - 1].substr(0, byte_of(src[le - 1], ce));
    }
    EXPECT_EQ(q, j["quote"].get<std::string>()) << line;
    // The figure's first digit is on `line`.
    size_t fl = j["line"];
    EXPECT_GE(fl, ql);
    EXPECT_LE(fl, le);
    ++checked;
  }
  EXPECT_EQ(checked, figures);

  CommandResult csv = run("export --db " + db_ + " --format csv");
  EXPECT_EQ(csv.status, 0);
  EXPECT_EQ(csv.out.rfind("id,document,doc_sha256,page,page_line,line,line_end", 0), 0u) << csv.out.substr(0, 200);
}

TEST_F(CliTest, BadFilesAreReportedAndTheBatchGoesOn) {
  fs::path batch = dir_ / "batch";
  fs::create_directories(batch / "empty folder");
  fs::copy_file(corpus() / "000_b0a75639c8747e5c.txt", batch / "good one.txt");
  fs::copy_file(corpus() / "002_59c52569d25bb8c2.txt", batch / "nghị quyết tốt.txt");
  std::ofstream(batch / "empty.txt").close();
  std::ofstream(batch / "binary.txt", std::ios::binary) << std::string("abc\0\x01\x02" "def", 9);
  std::ofstream(batch / "latin1.txt", std::ios::binary) << "Ngh\xe9 quy\xea t 10%\n";
  std::ofstream(batch / "fake.pdf", std::ios::binary) << "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";
  // A socket cannot be opened for reading, even by root.
  fs::path sock = batch / "unreadable.txt";
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", sock.c_str());
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);

  std::string files;
  for (const char* n : {"good one.txt", "empty.txt", "binary.txt", "latin1.txt", "fake.pdf",
                        "unreadable.txt", "nghị quyết tốt.txt"})
    files += " " + shell_quote((batch / n).string());
  CommandResult r = run("ingest --db " + db_ + files + " " + shell_quote((batch / "empty folder").string()) +
              " " + shell_quote((batch / "missing.txt").string()));
  close(fd);
  EXPECT_EQ(r.status, 1);
  auto has_line = [&](const std::string& name, const std::string& reason) {
    std::stringstream ss(r.err);
    std::string l;
    while (std::getline(ss, l))
      if (l.find(name) != std::string::npos && l.find(reason) != std::string::npos) return true;
    return false;
  };
  EXPECT_TRUE(has_line("empty.txt", "empty file")) << r.err;
  EXPECT_TRUE(has_line("binary.txt", "binary content")) << r.err;
  EXPECT_TRUE(has_line("latin1.txt", "invalid UTF-8")) << r.err;
  EXPECT_TRUE(has_line("fake.pdf", "truncated PDF")) << r.err;
  EXPECT_TRUE(has_line("unreadable.txt", "cannot read")) << r.err;
  EXPECT_TRUE(has_line("empty folder", "no documents")) << r.err;
  EXPECT_TRUE(has_line("missing.txt", "no such file")) << r.err;
  EXPECT_NE(r.err.find("2 stored"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("7 failed"), std::string::npos) << r.err;

  CommandResult docs = run("documents --db " + db_);
  EXPECT_EQ(count_lines(docs.out), 2u);
  EXPECT_NE(docs.out.find("nghị quyết tốt.txt"), std::string::npos);
  EXPECT_EQ(run("verify --db " + db_).status, 0);
}

TEST_F(CliTest, VerifyCatchesATamperedQuoteAndTraceShowsTheSource) {
  ASSERT_EQ(run("ingest --db " + db_ + " " + (corpus() / "000_b0a75639c8747e5c.txt").string()).status, 0);
  CommandResult ok = run("verify --db " + db_);
  EXPECT_EQ(ok.status, 0) << ok.out;
  EXPECT_NE(ok.out.find("0 problems"), std::string::npos);

  CommandResult trace = run("trace --db " + db_ + " 1");
  ASSERT_EQ(trace.status, 0) << trace.err;
  EXPECT_NE(trace.out.find("717.000 tỷ đồng"), std::string::npos) << trace.out;
  EXPECT_NE(trace.out.find("line 42"), std::string::npos) << trace.out;
  EXPECT_NE(trace.out.find("[[đạt tối thiểu 717.000 tỷ đồng]]"), std::string::npos) << trace.out;
  EXPECT_NE(trace.out.find("tối thiểu"), std::string::npos);
  EXPECT_NE(trace.out.find("\"toi thieu\""), std::string::npos) << trace.out;
  EXPECT_NE(trace.out.find("2030"), std::string::npos);
  EXPECT_EQ(run("trace --db " + db_ + " 999999").status, 1);

  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "UPDATE figures SET quote = 'tối thiểu 999 tỷ đồng' WHERE id = 1", nullptr,
                         nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  CommandResult bad = run("verify --db " + db_);
  EXPECT_EQ(bad.status, 1);
  EXPECT_NE(bad.out.find("FAIL figure 1"), std::string::npos) << bad.out;
}

TEST_F(CliTest, CompareAlignsIndicatorsAcrossDocumentsAndFlagsDisagreements) {
  ASSERT_EQ(run("ingest --db " + db_ + " " + corpus().string()).status, 0);
  CommandResult jl = run("compare --db " + db_ + " --format jsonl");
  ASSERT_EQ(jl.status, 0) << jl.err;
  // (indicator_id, year) -> row
  std::map<std::pair<std::string, std::string>, json> rows;
  std::stringstream ss(jl.out);
  std::string l;
  while (std::getline(ss, l)) {
    json j = json::parse(l);
    for (const char* k : {"indicator_id", "indicator", "parent", "year", "disagreement", "cells"})
      ASSERT_TRUE(j.contains(k)) << k;
    for (const json& c : j["cells"])
      for (const char* k : {"document", "line", "comparator", "low", "high", "unit"}) ASSERT_TRUE(c.contains(k)) << k;
    rows[{j["indicator_id"], j["year"].is_null() ? "" : j["year"].get<std::string>()}] = j;
  }
  auto row = [&](const std::string& id, const std::string& year) -> json& { return rows[{id, year}]; };
  auto wordings = [&](const std::string& id) {
    std::set<std::string> docs;
    for (const auto& [k, j] : rows)
      if (k.first == id)
        for (const json& c : j["cells"]) docs.insert(c["document"].get<std::string>().substr(0, 3));
    return docs;
  };
  // "Tỷ lệ đô thị hóa" / "Tỉ lệ đô thị hoá": one indicator. Since issue 9 001's
  // 80% under "Giai đoạn 2026 - 2030" is due over that period, so the 2030 row
  // holds the two "≥ 50%" of 000 and 004, which agree.
  ASSERT_TRUE(rows.count(std::make_pair(std::string("urbanisation"), std::string("2030"))));
  EXPECT_FALSE(row("urbanisation", "2030")["disagreement"].get<bool>());
  EXPECT_EQ(row("urbanisation", "2030")["cells"].size(), 2u);
  EXPECT_EQ(row("urbanisation", "2026-2030")["cells"].size(), 1u);
  EXPECT_FALSE(row("urbanisation", "2025")["disagreement"].get<bool>());
  // "Số bác sĩ/vạn dân" / "bác sỹ/vạn dân" across four documents.
  EXPECT_EQ(wordings("doctors_per_10k"), (std::set<std::string>{"000", "002", "003", "004"}));
  // "GRDP bình quân đầu người" / "GRDP/người" / "Tổng sản phẩm … bình quân đầu người".
  EXPECT_EQ(wordings("grdp_per_capita"), (std::set<std::string>{"000", "001", "002", "003", "004"}));
  // "Tăng trưởng kinh tế (GRDP)" / "tốc độ tăng tổng sản phẩm trên địa bàn (GRDP) bình quân".
  EXPECT_EQ(wordings("grdp_growth"), (std::set<std::string>{"000", "001", "002", "003", "004"}));
  // Seeds 000 and 004: 717.000 vs 717.067 tỷ đồng; 75,5 vs 77,12 tuổi.
  EXPECT_TRUE(row("grdp", "2030")["disagreement"].get<bool>());
  EXPECT_TRUE(row("life_expectancy", "2030")["disagreement"].get<bool>());
  // ... and where they agree, no flag: 16.900 căn, 8,2 tỷ USD.
  EXPECT_FALSE(row("social_housing", "2030")["disagreement"].get<bool>());
  EXPECT_FALSE(row("export_value", "2030")["disagreement"].get<bool>());
  // No two indicators merged: the level and the reduction of poverty, the
  // structure and the growth of services stay apart.
  EXPECT_TRUE(rows.count(std::make_pair(std::string("poverty_rate"), std::string("2025"))));
  EXPECT_TRUE(rows.count(std::make_pair(std::string("poverty_reduction"), std::string("2025"))));
  for (const json& c : row("grdp_structure.services", "2025")["cells"])
    EXPECT_EQ(c["unit"], "percent");
  EXPECT_TRUE(rows.count(std::make_pair(std::string("grdp_growth.services"), std::string("2025"))));
  // The result and the target it missed: "ước tăng 5,86%, chưa đạt mục tiêu … (7,5 - 8%)".
  const json& r2024 = row("grdp_growth", "2024");
  ASSERT_EQ(r2024["results"].size(), 1u);
  EXPECT_FALSE(r2024["results"][0]["achieved"].get<bool>());

  CommandResult md = run("compare --db " + db_ + " --format md");
  ASSERT_EQ(md.status, 0);
  EXPECT_NE(md.out.find("NOT achieved"), std::string::npos);
  EXPECT_NE(md.out.find("[range-order] 003_97179f6eee211bbe.txt:65"), std::string::npos) << md.out;
  CommandResult by_year = run("compare --db " + db_ + " --format csv --by-year --indicator urbanisation");
  ASSERT_EQ(by_year.status, 0);
  EXPECT_EQ(by_year.out.rfind("indicator_id,indicator,year,unit,disagreement,2021-2025,2023,2025,2026-2030,2030", 0),
            0u)
      << by_year.out;
}

// One indicator across every document and year (issue 10): only the documents
// stating it keep a column, its rows go by year.
TEST_F(CliTest, CompareByIndicatorShowsOneIndicatorByYear) {
  ASSERT_EQ(run("ingest --db " + db_ + " " + corpus().string()).status, 0);
  CommandResult csv = run("compare --db " + db_ + " --format csv --by-indicator health_insurance");
  ASSERT_EQ(csv.status, 0) << csv.err;
  std::stringstream ss(csv.out);
  std::string header, l;
  std::getline(ss, header);
  EXPECT_EQ(header,
            "indicator_id,indicator,year,unit,disagreement,001_388965410acabdcd.txt,002_59c52569d25bb8c2.txt,"
            "003_97179f6eee211bbe.txt");
  std::vector<std::string> years;
  while (std::getline(ss, l)) {
    EXPECT_EQ(l.rfind("health_insurance,", 0), 0u) << l;
    EXPECT_NE(l.find(",percent,"), std::string::npos) << l;
    years.push_back(l.substr(l.find(",20") + 1, l.find(",percent,") - l.find(",20") - 1));
  }
  EXPECT_EQ(years, (std::vector<std::string>{"2021-2025", "2023", "2025", "2026-2030"})) << csv.out;
  CommandResult none = run("compare --db " + db_ + " --by-indicator no_such_indicator");
  EXPECT_EQ(none.status, 2);
  EXPECT_NE(none.err.find("no indicator 'no_such_indicator'"), std::string::npos) << none.err;
}

TEST_F(CliTest, AnalystDecisionsPersistAcrossReingest) {
  ASSERT_EQ(run("ingest --db " + db_ + " " + (corpus() / "000_b0a75639c8747e5c.txt").string()).status, 0);
  CommandResult list = run("match --db " + db_);
  ASSERT_EQ(list.status, 0);
  EXPECT_NE(list.out.find("ti le do thi hoa|percent\t1\turbanisation\tcatalogue"), std::string::npos) << list.out;
  // Re-map the urbanisation wording, then ingest again: the decision holds.
  ASSERT_EQ(run("match --db " + db_ + " --key 'ti le do thi hoa|percent' --map forest_cover").status, 0);
  ASSERT_EQ(run("ingest --db " + db_ + " " + corpus().string()).status, 0);
  CommandResult again = run("match --db " + db_);
  std::stringstream ss(again.out);
  std::string line, urban;
  while (std::getline(ss, line))
    if (line.rfind("ti le do thi hoa|percent\t", 0) == 0) urban = line;
  EXPECT_NE(urban.find("\tforest_cover\tanalyst\t"), std::string::npos) << again.out;
  EXPECT_EQ(urban.find("\t1\t"), std::string::npos) << "the figures of every document, not one";
  EXPECT_EQ(run("match --db " + db_ + " --key 'x|percent' --map no_such_id").status, 2);
}

TEST_F(CliTest, SearchIgnoresDiacriticsAndTonePlacement) {
  ASSERT_EQ(run("ingest --db " + db_ + " " + corpus().string()).status, 0);
  CommandResult r = run("search --db " + db_ + " 'ty le do thi hoa'");
  ASSERT_EQ(r.status, 0) << r.err;
  std::set<std::string> docs;
  std::stringstream ss(r.out);
  std::string l;
  while (std::getline(ss, l)) docs.insert(l.substr(0, 3));
  // "Tỷ lệ đô thị hóa" in 000, 002, 003, 004 and "Tỉ lệ đô thị hoá" in 001.
  EXPECT_EQ(docs, (std::set<std::string>{"000", "001", "002", "003", "004"})) << r.out;
  EXPECT_EQ(run("search --db " + db_ + " 'Đảng bộ'").status, 0);
  EXPECT_EQ(run("search --db " + db_ + " 'khongcotu'").status, 1);
}

// Abbreviations the catalogue defines are searched with their words, both ways.
TEST_F(CliTest, SearchFindsAnAbbreviationAndItsWords) {
  std::ofstream(dir_ / "a.txt", std::ios::binary) << "Tỷ lệ bao phủ BHYT đạt 97%.\n";
  std::ofstream(dir_ / "b.txt", std::ios::binary) << "Tỷ lệ dân số tham gia bảo hiểm y tế đạt 93,7%.\n";
  std::ofstream(dir_ / "c.txt", std::ios::binary) << "Tỷ lệ tham gia bảo hiểm xã hội đạt 40%.\n";
  ASSERT_EQ(run("ingest --db " + db_ + " " + (dir_ / "a.txt").string() + " " + (dir_ / "b.txt").string() + " " +
                (dir_ / "c.txt").string())
                .status,
            0);
  auto documents = [&](const std::string& query) {
    CommandResult r = run("search --db " + db_ + " '" + query + "'");
    std::set<std::string> docs;
    std::stringstream ss(r.out);
    std::string l;
    while (std::getline(ss, l)) docs.insert(l.substr(0, l.find(':')));
    return docs;
  };
  EXPECT_EQ(documents("BHYT"), (std::set<std::string>{"a.txt", "b.txt"}));
  EXPECT_EQ(documents("bảo hiểm y tế"), (std::set<std::string>{"a.txt", "b.txt"}));
  EXPECT_EQ(documents("BHXH"), (std::set<std::string>{"c.txt"}));
  EXPECT_EQ(documents("bhyt 97"), (std::set<std::string>{"a.txt"}));
}

TEST_F(CliTest, ANewVersionOfADocumentIsLinkedToTheEarlierOne) {
  // The draft resolution 002, then its "final text": same header, one value changed.
  std::string draft = read_file(corpus() / "002_59c52569d25bb8c2.txt");
  std::string final_text = draft;
  final_text.replace(final_text.find("ĐỰ THẢO"), std::string("ĐỰ THẢO").size(), "");
  final_text.replace(final_text.find("đạt 76%"), std::string("đạt 76%").size(), "đạt 77%");
  std::ofstream(dir_ / "final.txt", std::ios::binary) << final_text;
  ASSERT_EQ(run("ingest --db " + db_ + " " + (corpus() / "002_59c52569d25bb8c2.txt").string()).status, 0);
  ASSERT_EQ(run("ingest --db " + db_ + " " + (dir_ / "final.txt").string()).status, 0);
  CommandResult docs = run("documents --db " + db_);
  std::vector<json> rows;
  std::stringstream ss(docs.out);
  std::string l;
  while (std::getline(ss, l)) rows.push_back(json::parse(l));
  ASSERT_EQ(rows.size(), 2u);
  json first = rows[0]["file_name"] == "final.txt" ? rows[1] : rows[0];
  json second = rows[0]["file_name"] == "final.txt" ? rows[0] : rows[1];
  EXPECT_TRUE(first["draft"].get<bool>());
  EXPECT_FALSE(second["draft"].get<bool>());
  EXPECT_TRUE(first["previous_version"].is_null());
  EXPECT_EQ(second["previous_version"], first["id"]);
  // Both are kept, and compare flags the value the final text changed.
  CommandResult jl = run("compare --db " + db_ + " --format jsonl --indicator urbanisation --year 2025");
  EXPECT_NE(jl.out.find("\"disagreement\":true"), std::string::npos) << jl.out;
}

// A press text of my own: documents shows what its headline, dateline and lead
// say, its period and its genre; compare --issuer finds it.
TEST_F(CliTest, DocumentsShowsPressMetadataPeriodAndGenre) {
  std::ofstream(dir_ / "bao.txt", std::ios::binary)
      << "HĐND huyện Thạnh Hóa thông qua 15 chỉ tiêu năm 2027\n"
         "Cập nhật: 10:05 | 20/12/2026\n"
         "Ngày 18/12/2026, HĐND huyện Thạnh Hóa đã thông qua Nghị quyết số 31/NQ-HĐND.\n"
         "Tỷ lệ đô thị hóa đạt 30%.\n";
  ASSERT_EQ(run("ingest --db " + db_ + " " + (dir_ / "bao.txt").string()).status, 0);
  CommandResult docs = run("documents --db " + db_);
  json d = json::parse(docs.out.substr(0, docs.out.find('\n')));
  EXPECT_EQ(d["number"], "31/NQ-HĐND");
  EXPECT_EQ(d["type"], "Nghị quyết");
  EXPECT_EQ(d["issuer"], "Hội đồng nhân dân huyện Thạnh Hóa");
  EXPECT_EQ(d["place"], "Thạnh Hóa");
  EXPECT_EQ(d["date"], "2026-12-18");
  EXPECT_EQ(d["date_source"], "text");
  EXPECT_EQ(d["period"], "2027");
  EXPECT_EQ(d["period_line"], 1);
  EXPECT_EQ(d["period_quote"], "năm 2027");
  EXPECT_EQ(d["genre"], "plan");
  CommandResult cmp = run("compare --db " + db_ + " --format jsonl --issuer \"hội đồng\"");
  EXPECT_NE(cmp.out.find("bao.txt"), std::string::npos) << cmp.out;
}

TEST_F(CliTest, UsageErrorsExitWithTwo) {
  EXPECT_EQ(run("").status, 2);
  EXPECT_EQ(run("export --format xml").status, 2);
  EXPECT_EQ(run("trace --db " + db_).status, 2);
  CommandResult help = run("ingest --help");
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.out.find("--db"), std::string::npos);
  CommandResult version = run("--version");
  EXPECT_EQ(version.status, 0);
  EXPECT_NE(version.out.find("chitieu"), std::string::npos);
}

// The command allocates with jemalloc (CMakeLists.txt): asked to, jemalloc
// prints its statistics at exit; glibc's allocator knows no MALLOC_CONF.
TEST_F(CliTest, TheCommandAllocatesWithJemalloc) {
  CommandResult version = run("--version");
  EXPECT_EQ(version.err.find("jemalloc"), std::string::npos);
  setenv("MALLOC_CONF", "stats_print:true", 1);
  version = run("--version");
  unsetenv("MALLOC_CONF");
  EXPECT_EQ(version.status, 0);
  EXPECT_NE(version.err.find("jemalloc statistics"), std::string::npos) << version.err.substr(0, 200);
}

}  // namespace
