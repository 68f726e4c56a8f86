#include "extractor/figure_extractor.h"

#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>

#include "common/stage_timer.h"
#include "common/text.h"
#include "extractor/blocks.h"
#include "extractor/figure_builder.h"
#include "extractor/figure_kind.h"
#include "extractor/table_reader.h"
#include "normalizer/period.h"
#include "normalizer/qualifier.h"
#include "normalizer/unit_parser.h"
#include "normalizer/vietnamese_number.h"

namespace chitieu {
namespace {

bool is_letter(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

size_t skip_spaces(const std::string& s, size_t i) {
  while (i < s.size() && s[i] == ' ') ++i;
  return i;
}

// Context carried from block to block: the headings above, the current item.
struct Heading {
  int level = 0;
  std::string period;
  bool results = false;
  bool targets = false;  // names a target: "MỤC TIÊU ĐẾN NĂM 2030"
  std::string text;
};

struct Context {
  DocumentContext document;
  bool results_passage = false;  // the paragraphs since the heading report results
  std::string results_period;    // the year that passage reports on ("năm 2025, … đạt nhiều kết quả")
  std::vector<Heading> headings;
  std::string item;
  std::string item_period;   // "Đến năm 2030: …" opening the current item
  // "Các chỉ tiêu đạt được năm 2018:" — a lead's year frames the bullets
  // right after it, until a paragraph that is no bullet or a heading.
  std::string lead_period;
  // The block just read ends on its lead's colon ("- Đạt mục tiêu … vào năm
  // 2030:"): the plain paragraph after it is what the lead introduces.
  bool lead_introduces_next = false;
  // "… phải đáp ứng các điều kiện cụ thể sau:": the bullets after it are
  // conditions a rule sets, whatever they say ("Hoàn thành 100% các nhiệm vụ").
  bool lead_sets_conditions = false;
};

// Positions in a block where sentences and clauses start.
struct Segmentation {
  std::vector<uint32_t> sentence_start;  // per code point
  std::vector<uint32_t> clause_start;
  std::vector<uint32_t> sentence_end;
  std::vector<uint32_t> clause_end;
  std::vector<bool> in_quotes;
  std::vector<uint8_t> ends;   // working memory of segment()
  std::vector<size_t> quotes;  // working memory of segment()
};

// A "sentence" longer than this (a table flattened into one line, a hostile
// file) is cut at a space: every per-figure look at its sentence stays bounded.
constexpr size_t kMaxSentenceCodePoints = 2000;
// How far a year's look for its brackets or its part of the sentence goes.
constexpr size_t kBracketBytes = kMaxSentenceCodePoints;

// Words the logic below is built around, kept here rather than in data/ because
// each drives one rule of its own: "phấn đấu" (strive) makes a sentence a target
// and an estimate in it still a target; "trong đó" (of which) opens a breakdown
// whose figures are sub-indicators of the subject before it; "và" (and) joins
// two counted nouns into one subject.
constexpr const char* kStriveWord = "phan dau";
constexpr const char* kBreakdownMarker = "trong do";
// Where a figure's year came from when no words near it gave one (its
// Reading::year_source): the kind reads whether the year was written nearby.
constexpr const char* kResultsAboveSource = "the year of the results reported above";
constexpr const char* kDocumentPeriodSource = "the document's own period";
constexpr const char* kDocumentDateSource = "the year of the document's date";
constexpr const char* kJoinWord = "va";
constexpr const char* kWithWord = "voi";  // "192 dự án với tổng vốn …": what follows is another figure's
constexpr const char* kEstimateWord = "uoc";

// Fills `seg` for folded block text `f`, reusing its memory from block to block.
void segment(const std::string& f, Segmentation* out) {
  Segmentation& seg = *out;
  size_t n = f.size();
  seg.sentence_start.assign(n + 1, 0);
  seg.clause_start.assign(n + 1, 0);
  seg.sentence_end.assign(n + 1, 0);
  seg.clause_end.assign(n + 1, 0);
  seg.in_quotes.assign(n + 1, false);
  // Where sentences and clauses end: 2 = sentence, 1 = clause.
  std::vector<uint8_t>& ends = seg.ends;
  ends.assign(n, 0);
  size_t since = 0;
  for (size_t i = 0; i < n; ++i, ++since) {
    char ch = f[i];
    // A stop before a citation mark ends the sentence too: "… đạt 6,17%.[19] Năm 2011, …".
    bool cited = ch == '.' && i + 2 < n && f[i + 1] == '[' && is_digit(f[i + 2]);
    bool sentence = cited || (ch == '.' && (i + 1 == n || f[i + 1] == ' ') &&
                     !(i > 0 && is_digit(f[i - 1]) && i + 2 < n && is_digit(f[i + 2]))) ||
                    ch == '!' || ch == '?' || (ch == ' ' && since >= kMaxSentenceCodePoints);
    if (sentence) {
      ends[i] = 2;
      since = 0;
    } else if (ch == ';') {
      ends[i] = 1;
    }
  }
  uint32_t s = 0, c = 0;
  for (size_t i = 0; i <= n; ++i) {
    seg.sentence_start[i] = s;
    seg.clause_start[i] = c;
    if (i == n) break;
    if (ends[i] == 2) s = c = static_cast<uint32_t>(i + 1);
    else if (ends[i] == 1) c = static_cast<uint32_t>(i + 1);
  }
  uint32_t se = static_cast<uint32_t>(n), ce = static_cast<uint32_t>(n);
  for (size_t i = n + 1; i-- > 0;) {
    if (i < n) {
      if (ends[i] == 2) se = ce = static_cast<uint32_t>(i);
      else if (ends[i] == 1) ce = static_cast<uint32_t>(i);
    }
    seg.sentence_end[i] = se;
    seg.clause_end[i] = ce;
  }
  // Text between paired quotation marks is a title or a slogan; an unpaired
  // last mark quotes nothing.
  std::vector<size_t>& quotes = seg.quotes;
  quotes.clear();
  for (size_t i = 0; i < n; ++i)
    if (f[i] == '"') quotes.push_back(i);
  for (size_t k = 0; k + 1 < quotes.size(); k += 2)
    for (size_t i = quotes[k]; i <= quotes[k + 1]; ++i) seg.in_quotes[i] = true;
}

bool ends_with_word(const std::string& f, size_t end, const std::string& w, size_t limit,
                    size_t* begin) {
  if (w.size() > end - limit) return false;
  if (!w.empty() && f[end - 1] != w.back()) return false;  // the cheap test first
  size_t b = end - w.size();
  if (f.compare(b, w.size(), w) != 0) return false;
  if (b > 0 && is_folded_word_char(f[b - 1])) return false;
  *begin = b;
  return true;
}

bool contains_word(const std::string& f, size_t b, size_t e, const std::string& w) {
  return find_folded_word(f, w, b, e) != std::string::npos;
}

size_t find_word(const std::string& f, size_t b, size_t e, const std::string& w) {
  return find_folded_word(f, w, b, e);
}

// The number is part of a name or reference: "Quốc lộ 91", "khóa X", "ngày 05".
bool preceded_by_name(const Lexicon& lex, const std::string& f, size_t s, size_t limit) {
  size_t e = s;
  while (e > limit && f[e - 1] == ' ') --e;
  size_t b = 0;
  for (const std::string& w : lex.number_names)
    if (ends_with_word(f, e, w, limit, &b)) return true;
  return false;
}

// The words before an age ("trẻ em", "người", "học sinh") name a group of
// people, so the age is a band describing them, not a value.
bool follows_age_group(const Lexicon& lex, const std::string& f, size_t run_begin, size_t limit) {
  size_t e = run_begin;
  while (e > limit && f[e - 1] == ' ') --e;
  size_t b = 0;
  for (const std::string& w : lex.age_groups)
    if (ends_with_word(f, e, w, limit, &b)) return true;
  return false;
}

// Strips leading and trailing words that are not part of an indicator's name:
// connectors, qualifiers, year phrases, punctuation. [b, e) shrinks in place.
void trim_indicator(const Lexicon& lex, const std::string& f,
                    const std::vector<YearMention>& years, size_t* b, size_t* e) {
  bool changed = true;
  while (changed && *b < *e) {
    changed = false;
    while (*b < *e && !is_folded_word_char(f[*b]) && f[*b] != '(' && f[*b] != '%') {
      ++*b;
      changed = true;
    }
    while (*e > *b && !is_folded_word_char(f[*e - 1]) && f[*e - 1] != ')' && f[*e - 1] != '%') {
      if (f[*e - 1] == '"' && std::count(f.begin() + *b, f.begin() + *e, '"') % 2 == 0) break;
      --*e;
      changed = true;
    }
    for (const YearMention& y : years) {
      if (y.begin <= *b + 1 && y.end > *b && y.end <= *e) {
        *b = y.end;
        changed = true;
      }
      if (y.end >= *e && y.begin < *e && y.begin >= *b) {
        *e = y.begin;
        changed = true;
      }
    }
    for (const std::string& w : lex.words.indicator_leading) {
      size_t len = w.size();
      if (len > 0 && f[*b] != w[0]) continue;  // the cheap test first
      if (*e - *b >= len && f.compare(*b, len, w) == 0 &&
          (*b + len == *e || !is_folded_word_char(f[*b + len]))) {
        *b += len;
        changed = true;
      }
    }
    size_t qb = 0;
    for (const std::string& w : lex.words.indicator_trailing) {
      if (ends_with_word(f, *e, w, *b, &qb)) {
        *e = qb;
        changed = true;
      }
    }
  }
}

class BlockExtractor {
 public:
  // `years`: the block's year mentions (find_year_mentions), read once per
  // block for this and update_context.
  // `seg`: working memory for the block's segmentation, kept from block to block.
  BlockExtractor(const Lexicon& lex, const Block& block, const std::vector<YearMention>& years, Context* ctx,
                 const std::vector<std::string>& raw_lines, const std::vector<RepairedLine>& repaired,
                 Segmentation* seg, std::vector<Figure>* out)
      : lex_(lex), b_(block), f_(block.folded), ctx_(ctx), raw_(raw_lines),
        rep_(repaired), out_(out), seg_(*seg), years_(years) {
    // Only a block with a number has figures to place in its sentences.
    has_number_ = f_.find_first_of("0123456789") != std::string::npos;
    if (has_number_) segment(block.folded, seg);
  }

  void run();

 private:
  struct Local {
    size_t number_begin = 0;
    size_t end = 0;  // end of quote
    size_t quote_end = 0;  // end of the number, unit and qualifier after them
    IndicatorName indicator;
    FigureKind kind = FigureKind::kTarget;
    // For a target named in its clause, or a part of one: where that named
    // target ends ("quyết nghị thông qua tổng thu 10.367,700 tỷ đồng"); npos otherwise.
    size_t target_head_end = std::string::npos;
  };

  // "… tổng thu 10.367,700 tỷ đồng; trong đó: thu nội địa 10.052,700 tỷ đồng":
  // the parts of a named target, in its sentence after "trong đó", are targets.
  bool part_of_named_target(size_t s) const;
  // "tăng 10,48% so cùng kỳ (10.482 tỷ đồng)": the number in brackets after a
  // change on last year is last year's value.
  bool last_year_base(size_t s) const;

  struct Candidate;
  // Reads the range and unit around the number at [s, e); false when it is a
  // year used as a time reference or not a number (*resume set past a period).
  bool read_candidate(size_t s, size_t e, Candidate* c, size_t* resume) const;
  bool read_plan_pair(size_t s, size_t e, Candidate* c) const;
  bool begins_place_name(size_t number_end, const UnitReading& unit) const;
  bool inside_web_address(size_t s) const;
  bool in_site_chrome(size_t s) const;
  bool names_this_year(size_t b, size_t e) const;
  bool awards_points(size_t b, size_t e) const;
  bool brackets_time_frame(size_t open, const YearMention& y, size_t close) const;
  std::optional<Comparator> read_open_bound_after(size_t from, size_t* end, std::string* word) const;
  bool title_case_at(size_t at) const;
  // Reads the words around a candidate into a figure and emits it, if it is one.
  void read_figure(const Candidate& c);
  void emit_plan_of_pair(const Candidate& c, FigureParts parts, Local local);
  size_t kind_from_neighbours(size_t s, const QualifierRun& run, bool names_target, size_t quote_end,
                              IndicatorName* indicator, FigureParts* parts) const;
  // The qualifiers before the number; false when they make it no figure (an
  // age band, a word that needs a value verb and has none).
  bool read_words_before(const Candidate& c, size_t clause_b, size_t limit, QualifierRun* run) const;
  FigureKind decide_kind(const Candidate& c, const QualifierRun& run, bool bound_after,
                         size_t clause_b, size_t quote_end, const std::string& year, bool year_from_text,
                         bool per_year, bool* names_target, std::string* reason);
  bool is_reference(size_t s, size_t e) const;
  bool age_defines_indicator(size_t s, const UnitReading& unit) const;
  bool counts_listed_members(size_t s, const UnitReading& unit) const;
  // Where the block's first sentence reporting results ends, or npos; read
  // once per block, so every figure of a long paragraph costs the same.
  size_t first_results_sentence_end();
  bool results_scanned_ = false;
  size_t results_sentence_end_ = std::string::npos;
  bool estimate_heads_clause(size_t clause_b, size_t s) const;
  bool read_range(size_t e, size_t* s2, size_t* e2, std::string* joiner) const;
  std::string find_year(size_t s, size_t figure_end, bool per_year, std::string* source) const;
  bool holds_every_year(size_t s, size_t clause_b, size_t quote_end) const;
  bool dates_only_an_aside(const YearMention& y, size_t s) const;
  bool opens_later_part(const YearMention& y, size_t figure_end) const;
  const YearMention* date_in_sentence(size_t sent_b, size_t sent_e, size_t s, size_t figure_end) const;
  const YearMention* date_earlier_in_paragraph(size_t sent_b, const YearMention* earlier) const;
  // The date at `b` says when a document was issued: a document number or a
  // document type stands in the few words before it.
  bool cites_document(size_t b) const;
  std::string period_of_context(bool spans_only, std::string* source) const;
  std::string clean_slice(size_t b, size_t e) const;
  // `counted_tail_end` is set past the words that say what a count counts.
  size_t breakdown_marker(size_t sent_b, size_t s) const;
  std::string counted_subject(const std::string& sub, size_t run_begin, size_t s, size_t after_end,
                              const UnitReading& unit, size_t* counted_tail_end) const;
  IndicatorName indicator_for(size_t seg_begin, size_t run_begin, size_t after_end, size_t s,
                              const UnitReading& unit, size_t* counted_tail_end);
  void emit(Figure fig, size_t quote_b, size_t quote_e, size_t number_b);
  // Code point offset of a raw byte offset, counted on from the last call on
  // the same line: figures come in order, so a long line is walked once.
  uint32_t code_point_of(uint32_t line, uint32_t byte);
  uint32_t cp_line_ = UINT32_MAX, cp_byte_ = 0, cp_count_ = 0;

  const Lexicon& lex_;
  const Block& b_;
  const std::string& f_;
  Context* ctx_;
  const std::vector<std::string>& raw_;
  const std::vector<RepairedLine>& rep_;
  std::vector<Figure>* out_;
  const Segmentation& seg_;  // of this block when it has a number
  bool has_number_ = false;
  const std::vector<YearMention>& years_;
  std::vector<Local> done_;  // figures of this block, in order
  // The block's full dates, read once when a figure first looks for one (the
  // look had run the date pattern over the paragraph for every figure).
  const std::vector<YearMention>& block_dates() const {
    if (!block_dates_) block_dates_ = find_date_years(f_);
    return *block_dates_;
  }
  mutable std::optional<std::vector<YearMention>> block_dates_;
  // Where the block's brackets open and close, in order, found once.
  const std::vector<uint32_t>& bracket_marks() const {
    if (!bracket_marks_) {
      bracket_marks_.emplace();
      for (size_t i = 0; i < f_.size(); ++i)
        if (f_[i] == '(' || f_[i] == ')') bracket_marks_->push_back(static_cast<uint32_t>(i));
    }
    return *bracket_marks_;
  }
  mutable std::optional<std::vector<uint32_t>> bracket_marks_;
  mutable std::optional<bool> has_site_chrome_;  // a site_chrome word anywhere in the block
  mutable std::optional<std::vector<std::pair<size_t, size_t>>> web_addresses_;  // [begin, end) of each
};

// "ước" earlier in the clause covers this figure unless a value verb or a
// target comes between: "ước đạt 46.121 tỷ đồng, tăng 6,97%" is two estimates,
// "ước đạt 368.000 tấn, đạt 100% kế hoạch" (or "bằng 100% kế hoạch") one
// estimate and one share.
bool BlockExtractor::estimate_heads_clause(size_t clause_b, size_t s) const {
  size_t at = std::string::npos;
  for (size_t p = find_word(f_, clause_b, s, kEstimateWord); p != std::string::npos;
       p = find_word(f_, p + 1, s, kEstimateWord))
    at = p;
  if (at == std::string::npos) return false;
  size_t from = at + std::strlen(kEstimateWord);
  // The parts after "trong đó" carry no cue of the head's: "ước đạt 172.033
  // tỷ đồng, trong đó: … chiếm 34,86%".
  if (contains_word(f_, from, s, kBreakdownMarker)) return false;
  // The estimate's own verb may follow a few words of time ("ước cả năm đạt",
  // "ước thực hiện năm 2025 đạt"); a second verb opens a predicate of its own.
  size_t verb = find_word(f_, from, s, "dat");
  if (verb != std::string::npos && verb - from <= 24 &&
      std::none_of(f_.begin() + from, f_.begin() + verb, [](char ch) { return ch == ',' || ch == ';'; }))
    verb = find_word(f_, verb + 1, s, "dat");
  if (verb != std::string::npos) return false;
  // "ước đạt 47,5 nghìn tỷ đồng, bằng 117,6% dự toán": "bằng" right before
  // the number, past a comma, is a predicate of its own, a share ("ước tính
  // bằng 70%" is the estimate's own).
  for (size_t p = find_word(f_, from, s, "bang"); p != std::string::npos; p = find_word(f_, p + 1, s, "bang"))
    if (skip_spaces(f_, p + 4) == s && std::any_of(f_.begin() + from, f_.begin() + p, [](char ch) { return ch == ',' || ch == ';'; }))
      return false;
  return !kind_word_sets(lex_).target_words.found_in(f_, from, s);
}

size_t BlockExtractor::first_results_sentence_end() {
  if (results_scanned_) return results_sentence_end_;
  results_scanned_ = true;
  for (size_t b = b_.body_begin; b < f_.size();) {
    size_t end = seg_.sentence_end[b];
    if (reports_results(lex_, std::string_view(f_).substr(b, end - b))) {
      results_sentence_end_ = end;
      break;
    }
    b = end + 1;
  }
  return results_sentence_end_;
}

// "toàn bộ địa giới hành chính của 08 xã: Ngọc Sơn, Quyết Thắng, …", "phân
// chia thành 02 vùng chức năng chính:" — a count of things whose list follows
// (names after the colon, or the lines below it) says how many members a list
// has, no measure of an indicator. A goal's count stays ("Phấn đấu có 05 xã đạt
// chuẩn: …").
bool BlockExtractor::counts_listed_members(size_t s, const UnitReading& unit) const {
  if (!unit.counted_noun || unit.base != "count") return false;
  constexpr int kMaxWords = 3;  // "vùng chức năng chính"
  size_t i = skip_spaces(f_, unit.end);
  for (int words = 0; words < kMaxWords && i < f_.size() && is_letter(f_[i]); ++words) {
    while (i < f_.size() && is_letter(f_[i])) ++i;
    i = skip_spaces(f_, i);
  }
  if (i >= f_.size() || f_[i] != ':') return false;
  size_t clause_b = std::max<size_t>(seg_.clause_start[s], b_.body_begin);
  for (const std::string& w : lex_.words.goal_words)
    if (contains_word(f_, clause_b, s, w)) return false;
  // The last of several counts ("có 1 trường Đại học, 4 trường Cao đẳng, 2
  // trường Trung cấp:") is one of a tally, not a list's length; a name's
  // number before it ("KCN Đông Triều 2 thành 02 vùng") is no count.
  if (!done_.empty() && done_.back().number_begin >= seg_.sentence_start[s]) return false;
  // "với tổng 109.384 lượt học gồm:": a total, the list its parts.
  if (contains_word(f_, clause_b, s, kStriveWord) || contains_word(f_, clause_b, s, "tong")) return false;
  size_t list = skip_spaces(f_, i + 1);
  if (list >= f_.size()) return true;  // the list is below
  // Names: a capital, and more than one of them before the sentence ends.
  std::string first = b_.slice(list, list + 1);
  UChar32 c = 0;
  int32_t at = 0;
  U8_NEXT(first.data(), at, static_cast<int32_t>(first.size()), c);
  if (c < 0 || !u_isupper(c)) return false;
  size_t end = seg_.sentence_end[list];
  return f_.find(',', list) < end || find_word(f_, list, end, "va") != std::string::npos;
}

bool BlockExtractor::age_defines_indicator(size_t s, const UnitReading& unit) const {
  if (std::find(unit.surfaces.begin(), unit.surfaces.end(), "tuoi") == unit.surfaces.end()) return false;
  size_t clause_e = seg_.clause_end[s];
  for (size_t i = unit.end; i < clause_e && i < f_.size(); ++i)
    if (is_digit(f_[i])) return true;
  return false;
}

bool BlockExtractor::is_reference(size_t s, size_t e) const {
  const std::string& f = f_;
  size_t n = f.size();
  if (s < b_.body_begin) return true;  // heading or item number
  if (seg_.in_quotes[s]) return true;
  // Glued to letters: "Km0", "QH15", "5H9", "Covid-19".
  if (s > 0 && is_letter(f[s - 1])) return true;
  if (s > 1 && f[s - 1] == '-' && is_letter(f[s - 2])) return true;
  // The denominator of a rate named in its indicator: "Số giường bệnh trên 1
  // vạn dân: 45,7 giường".
  if (e - s <= 2 && std::string_view(f).substr(s, e - s).find_first_not_of("01") == std::string::npos &&
      f.compare(e, 4, " van") == 0) {
    size_t b = 0;
    if (ends_with_word(f, s > 0 ? s - 1 : 0, "tren", b_.body_begin, &b)) return true;
  }
  if (e < n && is_letter(f[e])) {
    UnitReading u = read_unit(lex_, f, e);
    if (!u.matched) return true;
  }
  // Document numbers, dates and fractions: "59-NQ/TW", "109/NQ-CP", "20/10/2022",
  // "65/72", "1/10.000", "quý II/2025".
  if (s > 0 && f[s - 1] == '/') return true;
  if (e < n && f[e] == '/') return true;
  {
    size_t i = e;
    while (i < n && f[i] == ' ') ++i;
    if (i < n && (f[i] == '-' || f[i] == '/')) {
      size_t j = i + 1;
      while (j < n && f[j] == ' ') ++j;
      if (j < n && is_letter(f[j]) && j == i + 1) return true;
    }
  }
  // The factor of a formula: "Tỷ lệ = b/a * 100%", "(A/B) x 100%" — a "*" or
  // an "x" standing alone before the number, not emphasis ("**100%**").
  {
    size_t i = s;
    while (i > 0 && f[i - 1] == ' ') --i;
    if (i < s && i > 0 && (f[i - 1] == '*' || f[i - 1] == 'x') && (i == 1 || f[i - 2] == ' ')) return true;
  }
  // "(12)" written inside a sentence is an enumeration mark.
  if (s > 0 && f[s - 1] == '(' && e < n && f[e] == ')') return true;
  if (preceded_by_name(lex_, f, s, b_.body_begin)) return true;
  return false;
}

bool BlockExtractor::read_range(size_t e, size_t* s2, size_t* e2, std::string* joiner) const {
  static const RE2 kDash(R"(^(\s*%?\s*-\s*)(\d+(?:[.,]\d+)*))");
  // "từ 120% đến dưới 150%": a bracket of a rule, its upper bound left out.
  // "trên 05 năm đến đủ 10 năm": up to a full 10; "từ 70 đến trên 100 triệu
  // đồng/m2": a bracket whose top is open.
  static const RE2 kTo(R"(^(\s+(?:den|toi)\s+(?:(?:duoi|du|tren)\s+)?)(\d+(?:[.,]\d+)*))");
  auto joined_at = [&](size_t at) {
    // What must follow for either pattern to match: a dash (after a "%"), or
    // "den"/"toi" after a space. Most numbers have neither.
    size_t k = skip_spaces(f_, at);
    size_t dash = k < f_.size() && f_[k] == '%' ? skip_spaces(f_, k + 1) : k;
    // A dash and a space opening a line after a blank one are a list's
    // bullet, not a range's: "**(2) Năm 2026**", "", "- 100% cán bộ …" ("tăng
    // 10" then "- 12,5%/năm" is a range a hard wrap cut).
    bool bullet = at > 0 && dash + 1 < f_.size() && f_[dash + 1] == ' ' && b_.line[dash] > b_.line[at - 1] + 1;
    bool may_dash = dash < f_.size() && f_[dash] == '-' && !bullet;
    bool may_to = k > at && (f_.compare(k, 3, "den") == 0 || f_.compare(k, 3, "toi") == 0);
    if (!may_dash && !may_to) return false;
    re2::StringPiece rest(f_.data() + at, f_.size() - at);
    re2::StringPiece sep, num;
    if (!RE2::PartialMatch(rest, kDash, &sep, &num) && !RE2::PartialMatch(rest, kTo, &sep, &num)) return false;
    *s2 = num.data() - f_.data();
    *e2 = *s2 + num.size();
    *joiner = std::string(sep.data(), sep.size());
    return true;
  };
  if (joined_at(e)) {
    return !(*e2 < f_.size() && is_letter(f_[*e2]) && !read_unit(lex_, f_, *e2).matched);
  }
  // Each bound with its unit: "từ 6.000.000 đồng đến 8.000.000 đồng", "30
  // triệu đồng - 40 triệu đồng", "Trên 525 tỷ đến 4.200 tỷ đồng". The second
  // bound must carry the same scale and unit (a scale word alone before it
  // stands for the same unit), so the unit read after it holds for both.
  UnitReading first = read_unit(lex_, f_, e);
  bool scale_only = !first.matched && first.scale != 1.0;  // "525 tỷ"
  if ((!first.matched && !scale_only) || !joined_at(first.end)) return false;
  UnitReading second = read_unit(lex_, f_, *e2);
  if (!second.matched || second.scale != first.scale) return false;
  // The per-what may be written once, after the second bound: "từ 80 triệu
  // đồng đến 90 triệu đồng/người/năm".
  if (!first.base.empty() && (first.base != second.base ||
                              (first.denominators != second.denominators && !first.denominators.empty())))
    return false;
  auto noun = [&](const UnitReading& u) { return f_.substr(u.counted_begin, u.counted_end - u.counted_begin); };
  if (first.counted_noun && noun(first) != noun(second)) return false;  // "5 xã - 10 phường"
  *joiner = std::string(f_.data() + e, *s2 - e);
  return true;
}

// The period of the figure's surroundings: its item's opening, its headings,
// then the document. With `spans_only`, only a period of several years counts
// ("hằng năm tăng 15%" under "giai đoạn 2026 - 2030").
std::string BlockExtractor::period_of_context(bool spans_only, std::string* source) const {
  auto fits = [spans_only](const std::string& p) {
    return !p.empty() && (!spans_only || p.find('-') != std::string::npos);
  };
  if ((!b_.item.empty() || !ctx_->item.empty()) && fits(ctx_->item_period)) {
    *source = "opening of item " + ctx_->item;
    return ctx_->item_period;
  }
  // A list's lead, which stands after the last heading (a heading ends the
  // list): "Các chỉ tiêu đạt được năm 2018:" then "- Tỷ lệ hộ nghèo còn
  // 7,05%"; "- Đến năm 2035:" then "+ Hoàn thành 100% hệ thống hạ tầng" under
  // a heading "… đến năm 2050".
  if (fits(ctx_->lead_period)) {
    *source = "the list's lead";
    return ctx_->lead_period;
  }
  for (auto it = ctx_->headings.rbegin(); it != ctx_->headings.rend(); ++it) {
    // A figure's own block read as a heading ("a) Không thấp hơn 20% và từ
    // năm 2030 không thấp hơn 30%"): its years were weighed, sentence by
    // sentence, before this.
    if (it->text == b_.text) continue;
    if (fits(it->period)) {
      // At most 120 bytes of the heading, cut on a code point boundary: a
      // cut inside a letter is invalid UTF-8, which JSON cannot hold.
      size_t cut = code_point_boundary_before(it->text, 120);
      *source = "heading: \"" + it->text.substr(0, cut) + "\"";
      return it->period;
    }
  }
  // A passage reporting the results of a year: "năm 2025, … tỉnh vẫn đạt
  // nhiều kết quả tích cực" — what follows is about that year.
  if (ctx_->results_passage && !ctx_->document.plans && fits(ctx_->results_period)) {
    *source = kResultsAboveSource;
    return ctx_->results_period;
  }
  if (fits(ctx_->document.period)) {
    *source = kDocumentPeriodSource;
    return ctx_->document.period;
  }
  // A report, notice or regulation that names no year otherwise speaks of
  // the year it is dated ("Thông báo … ngày 22 tháng 11 năm 2025": the
  // section on the new local government is about 2025); a plan's undated
  // goals are not due the year it was signed, nor a press text's the year
  // of its dateline. Nor are a decision's figures (a project's investment, a
  // zoning plan's area) due the year it was signed: the date of an act is no
  // target year (blind gold on unseen decisions, ../shared/dev's conventions).
  if (!spans_only && ctx_->document.issued_year > 0 && !ctx_->document.plans &&
      (ctx_->document.reports || ctx_->document.states_rules)) {
    *source = kDocumentDateSource;
    return std::to_string(ctx_->document.issued_year);
  }
  return "";
}

bool BlockExtractor::cites_document(size_t b) const {
  constexpr size_t kWindow = 60;
  size_t from = b > kWindow ? b - kWindow : 0;
  std::string_view before = std::string_view(f_).substr(from, b - from);
  // "11/NQ-HĐND ngày", "59-NQ/TW ngày", "166/2003/NĐ-CP[17] về việc …" is no date's lead.
  static const RE2 kNumber(R"(\d+(?:/[a-z0-9.-]*[a-z]|-[a-z]+/[a-z]+))");
  if (RE2::PartialMatch(re2::StringPiece(before.data(), before.size()), kNumber)) return true;
  for (const DocType& t : lex_.doc_types)
    if (find_folded_word(before, t.pattern) != std::string_view::npos) return true;
  // "Lưu trữ ngày 9 tháng 5 năm 2020", "Truy cập ngày 21 tháng 1 năm 2025": a
  // citation's date (words.tsv citation_date), right before the date.
  constexpr size_t kCitationWindow = 16;
  std::string_view near = before.substr(before.size() > kCitationWindow ? before.size() - kCitationWindow : 0);
  for (const std::string& w : lex_.words.citation_dates)
    if (find_folded_word(near, w) != std::string_view::npos) return true;
  return false;
}

// "Sau 3 năm khôi phục kinh tế (1955-1957), …", "Trong kế hoạch 5 năm lần
// thứ II (1976-1980), …": a bracket holding only a year or a period after a
// phrase of time (words.tsv time_frame) dates the sentence it opens, unlike
// an aside on a name ("bệnh viện Sùng Chính (đầu năm 1976) và 5 bệnh viện").
bool BlockExtractor::brackets_time_frame(size_t open, const YearMention& y, size_t close) const {
  for (size_t i = open + 1; i < y.begin; ++i)
    if (f_[i] != ' ') return false;
  for (size_t i = y.end; i < close; ++i)
    if (f_[i] != ' ') return false;
  size_t phrase_b = std::max<size_t>(seg_.clause_start[open], b_.body_begin);
  size_t comma = f_.rfind(',', open);
  if (comma != std::string::npos && comma >= phrase_b) phrase_b = comma + 1;
  for (const std::string& w : lex_.words.time_frames)
    if (contains_word(f_, phrase_b, open, w)) return true;
  return false;
}

// A year in brackets closed well before the figure at `s` dates what stands
// before the bracket ("bệnh viện Sùng Chính (đầu năm 1976) và 5 bệnh viện khác
// … vào tháng Giêng 1978", "Tỷ lệ đô thị hóa (2022)"), not this figure; one
// right before it ("Dân số (2019): 530.341 người") does date it. (Each look is
// bounded: this runs for every year of the block, for every figure.)
bool BlockExtractor::dates_only_an_aside(const YearMention& y, size_t s) const {
  if (y.end > s) return false;
  // The nearest bracket mark after the year, and the nearest before it.
  const std::vector<uint32_t>& marks = bracket_marks();
  auto after = std::lower_bound(marks.begin(), marks.end(), y.end);
  if (after == marks.end() || *after >= std::min(s, y.end + kBracketBytes) || f_[*after] != ')') return false;
  size_t close = *after;
  auto before = std::lower_bound(marks.begin(), marks.end(), y.begin);
  if (before == marks.begin()) return false;
  size_t open = *std::prev(before);
  if (f_[open] != '(' || open + kBracketBytes < y.begin) return false;
  if (brackets_time_frame(open, y, close)) return false;
  // Right before: nothing but qualifiers and a colon between ")" and the number.
  size_t run_begin = read_qualifiers_before(lex_, f_, s, close + 1).begin;
  for (size_t i = close + 1; i < run_begin; ++i)
    if (f_[i] != ' ' && f_[i] != ':' && f_[i] != '-') return true;
  return false;
}

// A year that opens a later part of the clause dates that part: "ước đạt
// 10,36% (kế hoạch là 9,4%, năm 2017 tăng 9,53%)", "đạt 45%, đến năm 2030 đạt
// 60%" — not the figure ending at `figure_end` before it. (After a semicolon
// the item often restates its goal with the year: "Giảm tỷ lệ hộ nghèo 0,2%;
// cuối năm 2023 tỷ lệ hộ nghèo còn …".)
bool BlockExtractor::opens_later_part(const YearMention& y, size_t figure_end) const {
  // The part's opening: "," or "(" or "và", then at most a word that leads a
  // time ("trong", "cuối", "vào" …) before the mention ("năm 2017", "đến năm
  // 2030"): "không thấp hơn 20% và từ năm 2030 không thấp hơn 30%".
  auto word_before = [&](size_t at) {
    size_t b = at;
    while (b > figure_end && is_letter(f_[b - 1])) --b;
    return std::string_view(f_).substr(b, at - b);
  };
  auto opens_at = [&](size_t at) {
    return at > figure_end && (f_[at - 1] == ',' || f_[at - 1] == '(' || word_before(at) == "va");
  };
  size_t i = y.begin;
  while (i > figure_end && f_[i - 1] == ' ') --i;
  if (!opens_at(i)) {
    std::string_view lead = word_before(i);
    const std::vector<std::string>& leads = lex_.words.time_leads;
    if (lead.empty() || std::find(leads.begin(), leads.end(), lead) == leads.end()) return false;
    i -= lead.size();
    while (i > figure_end && f_[i - 1] == ' ') --i;
    if (!opens_at(i)) return false;
  }
  // … and a figure of its own after it, before the part ends: "(năm 2017)",
  // "(2020)." or "(2012 ước lượng)" only dates what stands before it.
  size_t part_end = std::min(f_.size(), y.end + kBracketBytes);
  for (size_t j = y.end; j < part_end && f_[j] != ',' && f_[j] != ')' && f_[j] != ';' && f_[j] != '.'; ++j)
    if (is_digit(f_[j])) return true;
  return false;
}

// A full date in the sentence [sent_b, sent_e) dates its statements: "Tính
// đến ngày 1 tháng 4 năm 2019, toàn tỉnh có … 52.881 người", "Cuối tháng 3 năm
// 2020, Việt Nam có … 260 khu công nghiệp" — but not a date that says when a
// document cited was issued ("Nghị quyết số 11/NQ-HĐND ngày 9/12/2022",
// "Quyết định … ngày 24 tháng 12 năm 2003"). The nearest date before the
// figure at `s`, else the first after it; null when none.
const YearMention* BlockExtractor::date_in_sentence(size_t sent_b, size_t sent_e, size_t s,
                                                    size_t figure_end) const {
  const YearMention* dated = nullptr;
  for (const YearMention& y : block_dates()) {
    if (y.begin < sent_b || y.end > sent_e) continue;
    if (y.begin < b_.body_begin || (y.begin < figure_end && y.end > s) || cites_document(y.begin)) continue;
    if (dated && (y.begin > s || dated->begin > s)) break;  // one before it holds
    dated = &y;
  }
  return dated;
}

// The last date of the paragraph before the sentence at `sent_b`, when it
// stands nearer than the year `earlier` found there (null: none): "Tính đến
// ngày 1 tháng 4 năm 2019, dân số … đạt 733.017 người.[42] Trong đó … nông
// thôn đạt 519.130 người".
const YearMention* BlockExtractor::date_earlier_in_paragraph(size_t sent_b, const YearMention* earlier) const {
  const std::vector<YearMention>& dates = block_dates();
  for (auto it = dates.rbegin(); it != dates.rend(); ++it) {
    if (it->begin < b_.body_begin || it->end > sent_b) continue;
    if (cites_document(it->begin)) continue;
    if (!earlier || it->begin > earlier->begin) return &*it;
    break;
  }
  return nullptr;
}

// The year or period the figure at [s, figure_end) is about, and where it
// was read (`source`, for the audit). One ladder, nearest first: the order of
// its steps is the rule, so it stays in one function, a little over 80 lines.
std::string BlockExtractor::find_year(size_t s, size_t figure_end, bool per_year,
                                      std::string* source) const {
  // Nearest first: the figure's own clause, then its sentence (the opening
  // "Đến năm 2030, …" before other clauses), then the block, then the headings.
  size_t sent_b = std::max<size_t>(seg_.sentence_start[s], b_.body_begin);
  size_t sent_e = seg_.sentence_end[s];
  size_t clause_b = std::max<size_t>(seg_.clause_start[s], b_.body_begin);
  size_t clause_e = seg_.clause_end[s];
  auto usable = [&](const YearMention& y) {
    return y.dates() && y.year_begin >= b_.body_begin &&
           !(y.begin < figure_end && y.end > s) &&  // not the figure itself
           !dates_only_an_aside(y, s);
  };
  auto quoted = [&](const YearMention& y) { return "\"" + b_.slice(y.begin, y.end) + "\""; };
  // "từ 3,76 triệu tấn năm 1955 tăng lên 5,19 triệu tấn năm 1959", "giảm từ
  // 58% năm 1992 xuống còn 7,6% cuối năm 2013": "năm" and a year right after
  // the figure date it before anything in its clause.
  auto names_year_word = [&](const YearMention& y) {
    return std::string_view(f_).substr(y.begin, y.year_begin - y.begin).find("nam ") != std::string_view::npos;
  };
  // So does a vision's year after it: "khoảng 120.839 tỷ đồng thời kỳ
  // 2021-2030, khoảng 61.455 tỷ đồng tầm nhìn đến năm 2050".
  auto right_after = [&](const YearMention& y) {
    if (y.begin < figure_end) return false;
    if (y.begin <= figure_end + 1) return true;
    size_t i = skip_spaces(f_, figure_end);
    for (const std::string& w : lex_.words.vision_words)
      if (f_.compare(i, w.size(), w) == 0 && skip_spaces(f_, i + w.size()) == y.begin) return true;
    return false;
  };
  for (const YearMention& y : years_)
    if (usable(y) && right_after(y) && names_year_word(y)) {
      *source = "right after the figure: " + quoted(y);
      return y.period;
    }
  const YearMention* best = nullptr;
  for (const YearMention& y : years_)
    if (usable(y) && y.begin >= clause_b && y.end <= s && (!best || y.begin > best->begin)) best = &y;
  if (best) {
    *source = "same clause: " + quoted(*best);
    return best->period;
  }
  for (const YearMention& y : years_)
    if (usable(y) && y.begin >= figure_end && y.end <= std::min(clause_e, sent_e) + 1 &&
        !opens_later_part(y, figure_end)) {
      *source = "same clause, after the figure: " + quoted(y);
      return y.period;
    }
  // "hằng năm tăng khoảng 15%; phấn đấu đến năm 2030 …": a rate for every
  // year is due over the period around it, not in a year of the sentence.
  if (per_year) {
    std::string span = period_of_context(true, source);
    if (!span.empty()) {
      *source = "every year of the period: " + *source;
      return span;
    }
  }
  for (const YearMention& y : years_)
    if (usable(y) && y.begin >= sent_b && y.begin <= sent_b + 12 && y.end <= s) {
      *source = "opening of the sentence: " + quoted(y);
      return y.period;
    }
  for (const YearMention& y : years_)
    if (usable(y) && y.begin >= sent_b && y.end <= s && (!best || y.begin > best->begin)) best = &y;
  if (best) {
    *source = "same sentence: " + quoted(*best);
    return best->period;
  }
  for (const YearMention& y : years_)
    if (usable(y) && y.begin >= figure_end && y.end <= sent_e + 1 && !opens_later_part(y, figure_end)) {
      *source = "same sentence, after the figure: " + quoted(y);
      return y.period;
    }
  // A full date in the sentence dates its statements.
  if (const YearMention* dated = date_in_sentence(sent_b, sent_e, s, figure_end)) {
    *source = "a date in the sentence: \"" + b_.slice(dated->begin, dated->end) + "\"";
    return dated->period;
  }
  // "… trong năm nay": the year the text was written.
  if (ctx_->document.year > 0 && names_this_year(sent_b, sent_e)) {
    *source = "\"năm nay\" in the sentence: the year of the document's date";
    return std::to_string(ctx_->document.year);
  }
  // An earlier sentence of the same paragraph or item: "… đến năm 2030 phấn
  // đấu đạt 85%. Trong đó: Mầm non đạt 90,5%".
  const YearMention* earlier = nullptr;
  for (const YearMention& y : years_)
    if (usable(y) && y.end <= sent_b) earlier = &y;  // the last one before the sentence
  // … or a date there, when it stands nearer.
  if (const YearMention* date = date_earlier_in_paragraph(sent_b, earlier)) {
    *source = "a date earlier in the paragraph: \"" + b_.slice(date->begin, date->end) + "\"";
    return date->period;
  }
  if (earlier) {
    *source = "earlier in the paragraph: " + quoted(*earlier);
    return earlier->period;
  }
  // An earlier paragraph's year does not carry on: the heading's period, or
  // the document's, says when the paragraphs under it are due.
  return period_of_context(false, source);
}

bool BlockExtractor::names_this_year(size_t b, size_t e) const {
  for (const std::string& w : lex_.words.this_year_words)
    for (size_t at = find_word(f_, b, e, w); at != std::string::npos; at = find_word(f_, at + w.size(), e, w)) {
      size_t before = at;
      while (before > b && f_[before - 1] == ' ') --before;
      if (before == b || !is_digit(f_[before - 1])) return true;  // not "5 năm nay", a span
    }
  return false;
}

std::string BlockExtractor::clean_slice(size_t b, size_t e) const {
  trim_indicator(lex_, f_, years_, &b, &e);
  if (b >= e) return "";
  // Balance a parenthesis the cut left open: "Tổng sản phẩm (GRDP" is kept whole.
  std::string text = b_.slice(b, e);
  int open = 0;
  for (size_t i = b; i < e; ++i) open += f_[i] == '(' ? 1 : f_[i] == ')' ? -1 : 0;
  if (open > 0) {
    size_t close = f_.find(')', e);
    if (close != std::string::npos && close < seg_.clause_end[b] && close - e < 40)
      text = b_.slice(b, close + 1);
  }
  return text;
}

IndicatorName BlockExtractor::indicator_for(size_t seg_begin, size_t run_begin, size_t after_end,
                                           size_t s, const UnitReading& unit,
                                           size_t* counted_tail_end) {
  std::string parent_text;
  std::string* parent = &parent_text;
  size_t sent_b = std::max<size_t>(seg_.sentence_start[s], b_.body_begin);
  // A breakdown: "…; trong đó: nông, lâm nghiệp, thủy sản tăng 2,56%" belongs to
  // the figure before "trong đó".
  size_t td = breakdown_marker(sent_b, s);
  if (td != std::string::npos && td >= sent_b) {
    for (auto it = done_.rbegin(); it != done_.rend(); ++it) {
      if (it->end <= td) {
        *parent = it->indicator.display();
        break;
      }
    }
  }
  // A list after a colon: "Cơ cấu kinh tế: Dịch vụ chiếm …, công nghiệp … chiếm …".
  if (parent->empty()) {
    size_t colon = f_.find(':', sent_b);
    while (colon != std::string::npos && colon < run_begin && seg_.in_quotes[colon])
      colon = f_.find(':', colon + 1);  // "“3 không: không tội phạm…”" is a title
    // A long lead-in before the colon is a sentence, not a parent indicator.
    constexpr size_t kMaxParentCodePoints = 90;
    if (colon != std::string::npos && colon < run_begin && colon - sent_b <= kMaxParentCodePoints) {
      bool figure_before = false;
      for (const Local& l : done_)
        if (l.number_begin >= sent_b && l.number_begin < colon) figure_before = true;
      if (!figure_before) {
        *parent = clean_slice(sent_b, colon);
        seg_begin = std::max(seg_begin, colon + 1);
      }
    }
  }
  // The subject written before the number, past the previous figure's tail.
  size_t b = seg_begin;
  bool after_previous = !done_.empty() && done_.back().end > seg_.clause_start[s] &&
                        done_.back().end <= seg_begin;
  if (after_previous) {
    size_t comma = f_.find(',', b);
    if (comma != std::string::npos && comma < run_begin) b = comma + 1;
  }
  if (td != std::string::npos && td >= b && td < run_begin) b = td + 8;
  std::string sub = clean_slice(b, run_begin);
  if (sub.empty()) {
    // The subject follows the number: "100% người dân được hưởng …".
    size_t a = skip_spaces(f_, after_end);
    size_t e = a;
    while (e < f_.size() && e - a < 90 && f_[e] != ',' && f_[e] != ';' && f_[e] != '.' &&
           f_[e] != '(' && f_[e] != ':')
      ++e;
    if (!unit.counted_noun) sub = clean_slice(a, e);
  }
  if (unit.counted_noun && unit.counted_end > unit.counted_begin)
    sub = counted_subject(sub, run_begin, s, after_end, unit, counted_tail_end);
  if (sub.empty() && parent->empty()) {
    // "…tăng khoảng 15%; phấn đấu đến năm 2030 ước đạt 57.000 tỷ đồng": the
    // same subject goes on.
    for (auto it = done_.rbegin(); it != done_.rend(); ++it)
      if (it->number_begin >= sent_b && !it->indicator.empty()) return it->indicator;
  }
  if (sub.empty() && unit.counted_noun && unit.counted_end > unit.counted_begin)
    sub = b_.slice(unit.counted_begin, unit.counted_end) + (unit.denominators.empty() ? "" : "/vạn dân");
  return IndicatorName{std::move(parent_text), std::move(sub)};
}

// The last "trong đó" of the sentence before `s`, npos when none or when it
// sits in a parenthesis closed before `s`: "(trong đó, công nghiệp chiếm hơn
// 29%)" ends with its parenthesis.
size_t BlockExtractor::breakdown_marker(size_t sent_b, size_t s) const {
  size_t td = std::string::npos;
  for (size_t p = find_word(f_, sent_b, s, kBreakdownMarker); p != std::string::npos;
       p = find_word(f_, p + 1, s, kBreakdownMarker))
    td = p;
  if (td == std::string::npos) return td;
  size_t before = td;
  while (before > 0 && f_[before - 1] == ' ') --before;
  if (before > 0 && f_[before - 1] == '(') {
    size_t close = f_.find(')', td);
    if (close != std::string::npos && close < s) return std::string::npos;
  }
  return td;
}

// The subject of a count: "kết nạp 1.600 đảng viên", "Ký kết ít nhất 05 thỏa
// thuận": the action (`sub`, or the words before the number) and the counted
// noun name the indicator, with what the counted things are after them.
std::string BlockExtractor::counted_subject(const std::string& sub, size_t run_begin, size_t s,
                                            size_t after_end, const UnitReading& unit,
                                            size_t* counted_tail_end) const {
  std::string action = sub.empty() ? clean_slice(run_begin, s) : sub;
  std::string noun = b_.slice(unit.counted_begin, unit.counted_end);
  if (std::find(unit.denominators.begin(), unit.denominators.end(), "10k_people") !=
      unit.denominators.end())
    noun += "/vạn dân";
  // What the counted things are follows them: "24 xã đạt chuẩn nông thôn mới".
  size_t a = skip_spaces(f_, after_end), e = a;
  while (e < f_.size() && e - a < 80 && f_[e] != ',' && f_[e] != ';' && f_[e] != '.' &&
         f_[e] != '(' && f_[e] != ':' && !is_digit(f_[e]))
    ++e;
  // … up to the next count it is joined to: "… nâng cao và công nhận 02 xã";
  // never into the next figure's own words: "192 dự án đầu tư với tổng vốn
  // đăng ký hơn 160.000 tỉ đồng" leaves "tổng vốn đăng ký hơn" to it.
  if (e < f_.size() && is_digit(f_[e])) {
    size_t joined = find_word(f_, a, e, kJoinWord);
    size_t with = find_word(f_, a, e, kWithWord);
    if (joined != std::string::npos) e = joined;
    else if (with != std::string::npos) e = with;
    else e = std::max(a, read_qualifiers_before(lex_, f_, e, a).begin);
  }
  std::string tail = e > a ? clean_slice(a, e) : "";
  *counted_tail_end = e;
  // "số giường bệnh đạt trên 44 giường bệnh/vạn dân" names its noun already.
  std::string noun_key = comparison_key(b_.slice(unit.counted_begin, unit.counted_end));
  bool named = !action.empty() && comparison_key(action).find(noun_key) != std::string::npos;
  std::string subject = named ? action : (action.empty() ? noun : action + " " + noun);
  if (!tail.empty()) subject += " " + tail;
  return subject;
}

uint32_t BlockExtractor::code_point_of(uint32_t line, uint32_t byte) {
  if (line != cp_line_ || byte < cp_byte_) {
    cp_line_ = line;
    cp_byte_ = 0;
    cp_count_ = 0;
  }
  cp_count_ += code_points_before(std::string_view(raw_[line]).substr(cp_byte_), byte - cp_byte_);
  cp_byte_ = byte;
  return cp_count_;
}

void BlockExtractor::emit(Figure fig, size_t qb, size_t qe, size_t number_b) {
  // Map the block span [qb, qe) back to raw lines and code point offsets.
  uint32_t l0 = b_.line[qb], l1 = b_.line[qe - 1];
  uint32_t cp0 = b_.line_cp[qb], cp1 = b_.line_cp[qe - 1] + 1;
  const RepairedLine& r0 = rep_[l0];
  const RepairedLine& r1 = rep_[l1];
  cp1 = std::min<uint32_t>(cp1, static_cast<uint32_t>(r1.size()));
  uint32_t byte0 = r0.raw_byte_of_cp[cp0];
  uint32_t byte1 = r1.raw_byte_of_cp[cp1];
  fig.line = l0 + 1;
  fig.line_end = l1 + 1;
  fig.number_line = b_.line[number_b] + 1;
  fig.char_start = code_point_of(l0, byte0);
  fig.char_end = code_point_of(l1, byte1);
  if (l0 == l1) {
    fig.quote = raw_[l0].substr(byte0, byte1 - byte0);
  } else {
    fig.quote = raw_[l0].substr(byte0);
    for (uint32_t l = l0 + 1; l < l1; ++l) fig.quote += "\n" + raw_[l];
    fig.quote += "\n" + raw_[l1].substr(0, byte1);
  }
  out_->push_back(std::move(fig));
}

// A number found in the block, with the range and unit read around it.
struct BlockExtractor::Candidate {
  size_t s = 0, e = 0;    // the number
  size_t s2 = 0, e2 = 0;  // the upper bound of a range
  bool is_range = false;
  size_t last_e = 0;      // end of the last number
  ParsedNumber n1, n2;
  UnitReading unit;
  // "5.817,196 tỷ đồng/5.937,440 tỷ đồng", "12.375,3/10.200 triệu đồng": a
  // result and, after the slash, the plan it is measured against.
  bool plan_pair = false;
  size_t plan_s = 0, plan_e = 0;
  ParsedNumber plan_n;
  UnitReading plan_unit;
};

bool next_number(const std::string& f, size_t from, size_t* s, size_t* e);

bool is_money(const UnitReading& u) { return u.matched && (u.base == "VND" || u.base == "USD"); }

// A result written over its plan: number, its money unit or none, "/", number,
// money unit. Not a date ("20/10/2022"), a document number or a share of a
// count ("629/731 trường": the plan pair is money only).
bool BlockExtractor::read_plan_pair(size_t s, size_t e, Candidate* c) const {
  const std::string& f = f_;
  // Most numbers have no slash after them: look before reading any unit.
  constexpr size_t kMaxResultToSlash = 40;  // "5.817,196 tỷ đồng *[4]*/"
  if (std::string_view(f).substr(e, kMaxResultToSlash).find('/') == std::string_view::npos) return false;
  if (s < b_.body_begin || seg_.in_quotes[s] || (s > 0 && (is_letter(f[s - 1]) || f[s - 1] == '/'))) return false;
  UnitReading own = read_unit(lex_, f, e);
  if (own.matched && !is_money(own)) return false;
  size_t p = own.matched ? own.end : e;
  // A footnote mark between, in emphasis or not: "22,656 tỷ đồng *[4]*/12,9".
  auto skip_marks = [&](size_t at) {
    while (at < f.size() && (f[at] == ' ' || f[at] == '*' || f[at] == '_')) ++at;
    return at;
  };
  p = skip_marks(p);
  if (p < f.size() && f[p] == '[') {
    size_t close = f.find(']', p);
    if (close == std::string::npos || close - p > 5) return false;
    p = skip_marks(close + 1);
  }
  if (p >= f.size() || f[p] != '/') return false;
  size_t bs = 0, be = 0;
  if (!next_number(f, p + 1, &bs, &be) || skip_spaces(f, p + 1) != bs) return false;
  if (be < f.size() && (f[be] == '/' || is_letter(f[be]))) return false;
  UnitReading plan = read_unit(lex_, f, be);
  if (!is_money(plan) || (own.matched && own.base != plan.base)) return false;
  if (inside_web_address(s) || in_site_chrome(s)) return false;
  c->n1 = parse_vietnamese_number(std::string_view(f).substr(s, e - s));
  c->plan_n = parse_vietnamese_number(std::string_view(f).substr(bs, be - bs));
  if (!c->n1.ok || !c->plan_n.ok) return false;
  c->s = s;
  c->e = e;
  c->unit = own.matched ? own : plan;
  c->last_e = own.matched ? e : be;  // the unit is read after the last number
  c->plan_pair = true;
  c->plan_s = bs;
  c->plan_e = be;
  c->plan_unit = plan;
  return true;
}

// A number in a web address ("…&leftWidth=20%25…", "https://…/top-5-…") is
// part of it: the run of non-spaces around "://" or "www.". The block's
// addresses are found once (most blocks have none).
bool BlockExtractor::inside_web_address(size_t s) const {
  if (!web_addresses_) {
    web_addresses_.emplace();
    for (std::string_view mark : {std::string_view("://"), std::string_view("www.")}) {
      for (size_t at = f_.find(mark); at != std::string::npos; at = f_.find(mark, at + mark.size())) {
        size_t b = f_.rfind(' ', at);
        b = b == std::string::npos ? 0 : b + 1;
        size_t e = f_.find(' ', at);
        web_addresses_->emplace_back(b, e == std::string::npos ? f_.size() : e);
        at = web_addresses_->back().second;
        if (at >= f_.size()) break;
      }
    }
  }
  for (const auto& [b, e] : *web_addresses_)
    if (s >= b && s < e) return true;
  return false;
}

// The web page talking to its reader ("Quý khách Đăng nhập vào thì sẽ có 1
// người khác bị Đăng xuất"): the sentence is no part of the document.
bool BlockExtractor::in_site_chrome(size_t s) const {
  if (!has_site_chrome_) {
    has_site_chrome_ = std::any_of(lex_.words.site_chrome.begin(), lex_.words.site_chrome.end(),
                                   [&](const std::string& w) { return contains_word(f_, 0, f_.size(), w); });
  }
  if (!*has_site_chrome_) return false;
  size_t b = seg_.sentence_start[s], e = seg_.sentence_end[s];
  for (const std::string& w : lex_.words.site_chrome)
    if (contains_word(f_, b, e, w)) return true;
  return false;
}

// "… cộng 05 điểm", "được tính 30 điểm": a score verb, a number, "điểm".
bool BlockExtractor::awards_points(size_t b, size_t e) const {
  for (size_t at = find_word(f_, b, e, "diem"); at != std::string::npos; at = find_word(f_, at + 4, e, "diem")) {
    size_t i = at;
    while (i > b && f_[i - 1] == ' ') --i;
    size_t digits_end = i;
    while (i > b && (is_digit(f_[i - 1]) || f_[i - 1] == ',' || f_[i - 1] == '.')) --i;
    if (i == digits_end) continue;
    while (i > b && f_[i - 1] == ' ') --i;
    size_t word_end = i;
    while (i > b && f_[i - 1] != ' ') --i;
    std::string_view verb(f_.data() + i, word_end - i);
    for (const std::string& v : lex_.words.score_verbs)
      if (verb == v) return true;
  }
  return false;
}

bool BlockExtractor::read_candidate(size_t s, size_t e, Candidate* c, size_t* resume) const {
  const std::string& f = f_;
  if (inside_web_address(s) || in_site_chrome(s)) return false;
  // "10 000 giám đốc": the thousands of a number grouped by a space, no
  // number of their own (nothing is read as "000").
  if (e - s == 3 && f.compare(s, 3, "000") == 0 && s >= 2 && f[s - 1] == ' ' && is_digit(f[s - 2])) return false;
  c->s = s;
  c->e = e;
  // Range: "10 - 10,5", "4,5-4,8", "từ 3 đến 5".
  std::string joiner;
  c->is_range = read_range(e, &c->s2, &c->e2, &joiner) && !is_reference(c->s2, c->e2) &&
                !seg_.in_quotes[c->s2];
  c->last_e = c->is_range ? c->e2 : e;
  if (looks_like_year(f, s, e) && !(c->is_range && !looks_like_year(f, c->s2, c->e2))) {
    // A year, or a period "2025 - 2030", stays a time reference unless a
    // measure follows it ("2025 - 2030 cần …" is not 2025 căn).
    // "so với 1928 (%)": a column header's unit after a year.
    UnitReading u = read_unit(lex_, f, c->last_e);
    if (!u.matched || u.base == "year" || u.counted_noun || u.surfaces.front() == "(%)" ||
        (c->is_range && looks_like_year(f, c->s2, c->e2))) {
      if (c->is_range) *resume = c->e2;
      return false;  // a year used as a time reference
    }
  }
  if (c->is_range && looks_like_year(f, c->s2, c->e2) && !looks_like_year(f, s, e)) c->is_range = false;
  if (!c->is_range) c->last_e = e;

  c->n1 = parse_vietnamese_number(std::string_view(f).substr(s, e - s));
  if (!c->n1.ok) return false;
  if (c->is_range) {
    c->n2 = parse_vietnamese_number(std::string_view(f).substr(c->s2, c->e2 - c->s2));
    if (!c->n2.ok) {
      c->is_range = false;
      c->last_e = e;
    }
  }
  c->unit = read_unit(lex_, f, c->last_e);
  // "5 năm (2025 - 2030)", "05 năm 2021 - 2025": năm opening a date is no unit.
  if (c->unit.matched && c->unit.base == "year") {
    size_t after = skip_spaces(f, c->unit.end);
    if (after < f.size() && (is_digit(f[after]) || f[after] == '(')) c->unit = UnitReading();
  }
  if (c->unit.matched && begins_place_name(c->last_e, c->unit)) c->unit = UnitReading();
  return true;
}

// "lớp 10 Đồng Nai", "5 Hà Nội": a unit word written with a capital, a
// capitalised word after it, is the start of a name (a place, a school), not
// dong or ha. Only a unit of one word without a scale: "5.000 Tỷ Đồng" in a
// headline's capitals stays money.
bool BlockExtractor::begins_place_name(size_t number_end, const UnitReading& unit) const {
  if (unit.scale != 1.0 || unit.surfaces.size() != 1 || unit.surfaces[0].find(' ') != std::string::npos)
    return false;
  size_t word = skip_spaces(f_, number_end);
  size_t next = skip_spaces(f_, unit.end);
  if (word >= unit.end || next >= f_.size() || next == unit.end) return false;
  return title_case_at(word) && title_case_at(next);
}

// Whether the word at folded offset `at` is written with a capital and then
// a small letter ("Đồng", "Hà"), as a name is; not in capitals ("ĐỒNG").
bool BlockExtractor::title_case_at(size_t at) const {
  if (at + 1 >= b_.size()) return false;
  UChar32 first = 0, second = 0;
  int32_t i = static_cast<int32_t>(b_.text_byte[at]);
  const int32_t n = static_cast<int32_t>(b_.text.size());
  U8_NEXT(b_.text.data(), i, n, first);
  i = static_cast<int32_t>(b_.text_byte[at + 1]);
  U8_NEXT(b_.text.data(), i, n, second);
  return first >= 0 && second >= 0 && u_isupper(first) && u_islower(second);
}

FigureKind BlockExtractor::decide_kind(const Candidate& c, const QualifierRun& run, bool bound_after,
                                       size_t clause_b, size_t quote_end, const std::string& year,
                                       bool year_from_text, bool per_year, bool* names_target,
                                       std::string* reason) {
  const std::string& f = f_;
  size_t s = c.s;
  size_t sent_b = std::max<size_t>(seg_.sentence_start[s], b_.body_begin);
  size_t clause_e = std::max<size_t>(seg_.clause_end[s], quote_end);
  KindEvidence e;
  // The words of this figure start past the previous one's: "đạt 45,2% kế
  // hoạch, tăng 4,9% so cùng kỳ" names no target for the 4,9%.
  if (!done_.empty() && done_.back().end > clause_b && done_.back().end <= s) {
    clause_b = done_.back().end;
    // … and past the plan it was measured against: "45,2% kế hoạch".
    size_t w = skip_spaces(f, clause_b);
    for (const std::string& share : lex_.words.plan_share_words)
      if (find_folded_word(f, share, w, std::min(s, w + share.size())) == w) {
        clause_b = w + share.size();
        break;
      }
  }
  e.clause_before = std::string_view(f).substr(clause_b, s - clause_b);
  e.clause_after = std::string_view(f).substr(quote_end, clause_e - quote_end);
  e.sentence_before = std::string_view(f).substr(sent_b, s - sent_b);
  e.estimate = run.has_estimate;
  // Over the clause from the previous figure on, not the whole clause the
  // caller's `per_year` looked at.
  e.per_year = std::any_of(lex_.words.per_year_words.begin(), lex_.words.per_year_words.end(),
                           [&](const std::string& w) { return contains_word(f, clause_b, quote_end, w); });
  e.results_section = std::any_of(ctx_->headings.begin(), ctx_->headings.end(),
                                  [](const Heading& h) { return h.results; });
  e.results_passage = ctx_->results_passage && !ctx_->document.plans;
  e.states_rules = ctx_->document.states_rules;
  e.states_facts = ctx_->document.states_facts;
  e.reports = ctx_->document.reports;
  e.document_year = ctx_->document.year;
  e.act_year = ctx_->document.act_year;
  e.period_is_deadline = ctx_->document.period_is_deadline;
  // An earlier sentence of this paragraph reported results: "… tỉnh vẫn đạt
  // nhiều kết quả tích cực. GRDP tăng 7,2%; …".
  if (first_results_sentence_end() < sent_b) e.results_passage = true;
  // … and so did an earlier clause of this sentence: "… ước đạt 215 tỷ đồng,
  // vượt 12,5% dự toán; thu nhập bình quân đầu người đạt 68 triệu đồng/năm."
  if (!done_.empty() && done_.back().kind == FigureKind::kResult && done_.back().number_begin >= sent_b)
    e.results_passage = true;
  e.year = year;
  e.year_from_text = year_from_text;
  e.document_period = ctx_->document.period;
  // A law sets no "khoảng": an approximate value is no bound.
  bool approx = run.comparator && *run.comparator == Comparator::kApprox;
  e.approximate = approx;
  e.bounded = !approx && (bound_after || run.has_from || c.is_range ||
                          (run.comparator && *run.comparator != Comparator::kEqual));
  size_t sent_e = std::max<size_t>(seg_.sentence_end[s], quote_end);
  e.legal_sentence = std::any_of(lex_.words.rule_cues.begin(), lex_.words.rule_cues.end(),
                                 [&](const std::string& w) { return contains_word(f, sent_b, sent_e, w); });
  e.awards_points = awards_points(sent_b, sent_e);
  e.under_conditions = ctx_->lead_sets_conditions;
  e.target_section = std::any_of(ctx_->headings.begin(), ctx_->headings.end(),
                                 [](const Heading& h) { return h.targets; });
  *names_target = contains_word(f, sent_b, s, kStriveWord) ||
                  (kind_word_sets(lex_).target_words.found_in(e.clause_before) &&
                   named_target(lex_.words, e.clause_before) != nullptr);
  return chitieu::decide_kind(lex_, e, reason);
}

bool BlockExtractor::part_of_named_target(size_t s) const {
  if (done_.empty() || done_.back().target_head_end == std::string::npos) return false;
  size_t head_end = done_.back().target_head_end;
  if (head_end > s) return false;
  // "trong đó" right after the named target, in its sentence or opening the next.
  size_t marker = find_word(f_, head_end, s, kBreakdownMarker);
  if (marker == std::string::npos || marker < seg_.sentence_start[s]) return false;
  return std::all_of(f_.begin() + head_end, f_.begin() + marker,
                     [](char ch) { return ch == ' ' || ch == ';' || ch == '.' || ch == ',' || ch == '('; });
}

bool BlockExtractor::last_year_base(size_t s) const {
  size_t b = s;
  while (b > 0 && (f_[b - 1] == ' ' || f_[b - 1] == '*')) --b;
  if (b == 0 || f_[b - 1] != '(') return false;
  --b;
  while (b > 0 && (f_[b - 1] == ' ' || f_[b - 1] == '*')) --b;
  for (const std::string& w : lex_.words.last_year_words)
    if (b >= w.size() && f_.compare(b - w.size(), w.size(), w) == 0 &&
        (b == w.size() || f_[b - w.size() - 1] == ' '))
      return true;
  return false;
}

bool BlockExtractor::read_words_before(const Candidate& c, size_t clause_b, size_t limit,
                                       QualifierRun* run) const {
  const size_t s = c.s;
  *run = read_qualifiers_before(lex_, f_, s, limit);
  // "ước" heads its clause: "Ước thực hiện cả năm là 11.580 tỷ đồng", "ước đạt
  // 46.121 tỷ đồng, tăng 6,97%" — every figure of it is an estimate.
  if (!run->comparator && !run->has_estimate && estimate_heads_clause(clause_b, s)) {
    run->comparator = Comparator::kApprox;
    run->comparator_word = kEstimateWord;
    run->has_estimate = true;
  }
  const UnitReading& unit = c.unit;
  if (unit.matched && unit.needs_value_word && !run->has_value_word) return false;
  // "Hơn 1 năm qua", "trung bình 03 năm gần nhất", "5 năm tới": a span of
  // time the text looks back or ahead over (words.tsv time_span_after), not
  // a duration that is measured.
  if (unit.matched && unit.base == "year" && unit.denominators.empty() && unit.end < f_.size()) {
    size_t after = skip_spaces(f_, unit.end);
    for (const std::string& w : lex_.words.time_span_after)
      if (f_.compare(after, w.size(), w) == 0 && (after + w.size() == f_.size() || !is_folded_word_char(f_[after + w.size()])))
        return false;
  }
  // "trẻ em dưới 5 tuổi", "người trên 60 tuổi": an age band naming a group.
  if (unit.matched && unit.base == "year" && follows_age_group(lex_, f_, run->begin, clause_b)) return false;
  // "tỷ lệ trẻ em suy dinh dưỡng dưới 5 tuổi còn 13,5%": an age with a value
  // after it in its clause is part of the indicator's definition.
  // "tuổi thọ trung bình đạt trên 80 tuổi, trong đó …": an age something
  // reaches is its value.
  bool reached = std::any_of(run->words.begin(), run->words.end(), [](const std::string& w) {
    return w == "dat" || w == "dat muc";
  });
  bool age_band = !reached && (run->has_from || run->comparator == Comparator::kLess ||
                               run->comparator == Comparator::kMore);
  return !(unit.matched && unit.base == "year" && age_band && age_defines_indicator(s, unit));
}

// The kind and year the figures before this one give it: the target a result
// just before answers, a part ("trong đó") of a target named before, last
// year's value in brackets after "so cùng kỳ". Returns where the target's head
// ends when this figure names a target (npos otherwise), for the parts after it.
size_t BlockExtractor::kind_from_neighbours(size_t s, const QualifierRun& run, bool names_target, size_t quote_end,
                                            IndicatorName* indicator, FigureParts* parts) const {
  // "ước tăng 5,86%, chưa đạt mục tiêu … (7,5 - 8%)": a target named right
  // after a result in the same sentence is the target that result answers.
  if (parts->kind == FigureKind::kTarget && names_target && !done_.empty() &&
      done_.back().kind == FigureKind::kResult && done_.back().number_begin >= seg_.sentence_start[s]) {
    *indicator = done_.back().indicator;
    parts->kind_reason = "target answered by the result before it";
  }
  size_t target_head_end = std::string::npos;
  if (parts->kind == FigureKind::kTarget && names_target) target_head_end = quote_end;
  if (part_of_named_target(s)) {
    target_head_end = done_.back().target_head_end;
    if (parts->kind != FigureKind::kTarget && !run.has_estimate) {
      parts->kind = FigureKind::kTarget;
      parts->kind_reason = "a part (\"trong đó\") of the target named before it";
    }
  }
  if (last_year_base(s)) {
    int year = first_year(parts->year);
    if (year > 0 && parts->year.size() == 4) {
      parts->year = std::to_string(year - 1);
      parts->year_source = "the base of a change on last year";
    }
    parts->kind = FigureKind::kResult;
    parts->kind_reason = "last year's value, the base of a change";
  }
  return target_head_end;
}

// "từ 301 người lao động trở lên", "từ 30.000.000 đồng (Ba mươi triệu đồng)
// trở lên": after "từ", the bound's "trở lên" may come past the rest of the
// counted noun or the amount in words — a few words or one bracket, no number.
std::optional<Comparator> BlockExtractor::read_open_bound_after(size_t from, size_t* end, std::string* word) const {
  // "từ 35% tổng giá trị tài sản trở lên": a noun of a few syllables between.
  constexpr size_t kMaxWords = 6, kMaxBracketBytes = 80;
  size_t i = skip_spaces(f_, from);
  if (i < f_.size() && f_[i] == '(') {
    size_t close = f_.find(')', i);
    if (close == std::string::npos || close - i > kMaxBracketBytes) return std::nullopt;
    for (size_t k = i; k < close; ++k)
      if (is_digit(f_[k])) return std::nullopt;
    i = skip_spaces(f_, close + 1);
  }
  for (size_t words = 0; words <= kMaxWords; ++words) {
    std::optional<Comparator> bound = read_qualifier_after(lex_, f_, i, end, word);
    if (bound) return bound;
    if (i >= f_.size() || !is_letter(f_[i])) return std::nullopt;
    while (i < f_.size() && is_letter(f_[i])) ++i;
    i = skip_spaces(f_, i);
  }
  return std::nullopt;
}

// Whether the figure holds for every year: "hằng năm", "mỗi năm" in its clause
// up to its end ("hằng năm tăng 15%"), right after it ("tăng 10% mỗi năm",
// "giảm 1 - 1,5% hằng năm"), or opening its sentence with a comma, which
// holds every clause of it ("Hàng năm, số vụ … tăng trên 03%; số vụ … tăng
// trên 05%.").
bool BlockExtractor::holds_every_year(size_t s, size_t clause_b, size_t quote_end) const {
  size_t opening = std::max<size_t>(seg_.sentence_start[s], b_.body_begin);
  while (opening < s && (f_[opening] == ' ' || f_[opening] == '*' || f_[opening] == '_')) ++opening;
  size_t after = skip_spaces(f_, quote_end);
  for (const std::string& w : lex_.words.per_year_words) {
    if (contains_word(f_, clause_b, quote_end, w)) return true;
    if (f_.compare(after, w.size(), w) == 0 &&
        (after + w.size() == f_.size() || !is_folded_word_char(f_[after + w.size()])))
      return true;
    if (f_.compare(opening, w.size(), w) == 0) {
      size_t next = skip_spaces(f_, opening + w.size());
      if (next < s && f_[next] == ',') return true;
    }
  }
  return false;
}

void BlockExtractor::read_figure(const Candidate& c) {
  const std::string& f = f_;
  const size_t s = c.s;
  size_t clause_b = std::max<size_t>(seg_.clause_start[s], b_.body_begin);
  size_t limit = clause_b;
  if (!done_.empty() && done_.back().end > limit && done_.back().end <= s) limit = done_.back().end;
  FigureParts parts;
  if (!read_words_before(c, clause_b, limit, &parts.before)) return;
  const QualifierRun& run = parts.before;
  const UnitReading& unit = c.unit;

  size_t after_end = unit.matched ? unit.end : c.last_e;
  size_t after_q_end = after_end;
  parts.after = read_qualifier_after(lex_, f, after_end, &after_q_end, &parts.after_word);
  if (!parts.after && run.has_from) parts.after = read_open_bound_after(after_end, &after_q_end, &parts.after_word);
  size_t quote_end = parts.after ? after_q_end : after_end;

  size_t counted_tail_end = quote_end;
  IndicatorName indicator = indicator_for(limit, run.begin, quote_end, s, unit, &counted_tail_end);
  // The indicator's words as written before the number, connecting words
  // included: "Thu nhập bình quân đạt 5 triệu đồng/tháng" is per person.
  parts.decision = decide_unit(
      lex_, unit, unit.matched ? b_.slice(unit.counted_begin, unit.counted_end) : "",
      fold_text(indicator.parent + " " + indicator.display()) + " " + f.substr(limit, s - limit));
  if (!parts.decision.ok) return;  // a bare number is not a figure
  if (counts_listed_members(s, unit)) return;
  // "có 10 bác sĩ và 30 giường bệnh/1 vạn dân": the per-what written once,
  // after the second count, holds for both.
  if (unit.per_population && unit.denominators.empty() && parts.decision.code == unit.base) {
    size_t i = skip_spaces(f, after_end);
    size_t ns = 0, ne = 0;
    if (f.compare(i, 3, "va ") == 0 && next_number(f, i + 3, &ns, &ne) && ns == skip_spaces(f, i + 3)) {
      UnitReading next = read_unit(lex_, f, ne);
      if (next.matched && next.per_population && !next.denominators.empty())
        parts.decision.code = unit_code(base_per_population(unit.base, next.denominators), next.denominators);
    }
  }

  parts.first = {b_.slice(s, c.e), c.n1};
  if (c.is_range) parts.second = WrittenNumber{b_.slice(c.s2, c.e2), c.n2};
  parts.number_text = b_.slice(s, c.is_range ? c.e2 : c.e);
  parts.range_text = b_.slice(s, c.e2);
  parts.unit = unit;
  parts.unit_text = unit.matched ? b_.slice(skip_spaces(f, c.last_e), unit.end) : "";
  parts.item = !b_.item.empty() ? b_.item : ctx_->item;
  bool per_year = holds_every_year(s, clause_b, quote_end);
  parts.year = find_year(s, quote_end, per_year, &parts.year_source);

  bool names_target = false;
  // The year was written near the figure (its sentence, lead, item or
  // heading), not taken from the document as a whole.
  bool year_from_text = parts.year_source != kResultsAboveSource && parts.year_source != kDocumentPeriodSource &&
                        parts.year_source != kDocumentDateSource;
  parts.kind = decide_kind(c, run, parts.after.has_value(), clause_b, quote_end, parts.year, year_from_text,
                           per_year, &names_target, &parts.kind_reason);
  if (c.plan_pair && parts.kind == FigureKind::kTarget && !names_target) {
    parts.kind = FigureKind::kResult;
    parts.kind_reason = "the result of a result/plan pair (\"A/B\")";
  }
  size_t target_head_end = kind_from_neighbours(s, run, names_target, quote_end, &indicator, &parts);
  parts.indicator = indicator;
  std::string change_word;
  parts.change = read_change(lex_, run, fold_text(indicator.display()), &change_word);
  // "hằng năm tăng khoảng 15%", "mỗi năm có ít nhất 150 sản phẩm": a rate per
  // year; "hằng năm đạt 90%" is a level every year reaches.
  bool rate = unit.base != "percent" || parts.change != Change::kLevel;
  if (per_year && rate && parts.decision.code.find("/year") == std::string::npos)
    parts.decision.code += "/year";

  std::optional<FigureParts> plan;
  if (c.plan_pair) plan = parts;
  Figure fig;
  if (!build_figure(std::move(parts), &fig)) return;
  size_t qb = run.begin;
  while (qb < s && (f[qb] == ':' || f[qb] == ' ')) ++qb;
  Local local;
  local.number_begin = s;
  local.end = std::max(quote_end, counted_tail_end);
  local.quote_end = quote_end;
  local.indicator = std::move(indicator);
  local.kind = fig.kind;
  local.target_head_end = target_head_end;
  done_.push_back(local);
  emit(std::move(fig), qb, quote_end, s);
  if (plan) emit_plan_of_pair(c, std::move(*plan), std::move(local));
}

// The plan after the slash of a result/plan pair: its own number and unit, as
// written ("="), a target of the result's year and indicator.
void BlockExtractor::emit_plan_of_pair(const Candidate& c, FigureParts parts, Local local) {
  parts.before = QualifierRun();
  parts.after.reset();
  parts.after_word.clear();
  parts.first = {b_.slice(c.plan_s, c.plan_e), c.plan_n};
  parts.number_text = b_.slice(c.plan_s, c.plan_e);
  parts.range_text.clear();
  parts.unit = c.plan_unit;
  parts.unit_text = b_.slice(skip_spaces(f_, c.plan_e), c.plan_unit.end);
  parts.kind = FigureKind::kTarget;
  parts.kind_reason = "the plan of a result/plan pair (\"A/B\")";
  parts.change = Change::kLevel;
  Figure fig;
  if (!build_figure(std::move(parts), &fig)) return;
  local.number_begin = c.plan_s;
  local.end = local.quote_end = c.plan_unit.end;
  local.kind = FigureKind::kTarget;
  local.target_head_end = std::string::npos;
  done_.push_back(std::move(local));
  emit(std::move(fig), c.plan_s, c.plan_unit.end, c.plan_s);
}

// The first number at or after `from` in folded text, [*s, *e): a run of
// digits, and more runs after a "." or "," ("1.234,5") — what the pattern
// \d+(?:[.,]\d+)* finds, read without a regex engine on every block.
bool next_number(const std::string& f, size_t from, size_t* s, size_t* e) {
  size_t i = from;
  while (i < f.size() && !is_digit(f[i])) ++i;
  if (i == f.size()) return false;
  size_t j = i;
  while (j < f.size() && is_digit(f[j])) ++j;
  while (j + 1 < f.size() && (f[j] == '.' || f[j] == ',') && is_digit(f[j + 1])) {
    j += 2;
    while (j < f.size() && is_digit(f[j])) ++j;
  }
  *s = i;
  *e = j;
  return true;
}

void BlockExtractor::run() {
  if (!has_number_) return;
  size_t resume = 0;  // numbers before this were consumed by a range
  for (size_t s = 0, e = 0; next_number(f_, e, &s, &e);) {
    if (s < resume) continue;
    Candidate c;
    if (!read_plan_pair(s, e, &c) && (is_reference(s, e) || !read_candidate(s, e, &c, &resume))) continue;
    size_t figures_before = out_->size();
    read_figure(c);
    // Numbers inside the unit just read belong to it: "45,7 giường bệnh trên
    // 1 vạn dân".
    if (out_->size() > figures_before) resume = std::max(c.is_range ? c.e2 : c.e, done_.back().quote_end);
  }
}

void update_context(const Lexicon& lex, const Block& b, const std::vector<YearMention>& years, Context* ctx) {
  if (b.heading_level > 0) {
    while (!ctx->headings.empty() && ctx->headings.back().level >= b.heading_level)
      ctx->headings.pop_back();
    Heading h;
    h.level = b.heading_level;
    h.text = b.text;
    for (const YearMention& y : years)
      if (y.dates()) h.period = y.period;
    for (const std::string& w : lex.result_sections)
      if (contains_word(b.folded, 0, b.folded.size(), w)) h.results = true;
    for (const std::string& w : lex.words.not_results_heading)
      if (contains_word(b.folded, 0, b.folded.size(), w)) h.results = false;
    for (const std::string& w : lex.words.goal_words)
      if (contains_word(b.folded, 0, b.folded.size(), w)) h.targets = true;
    ctx->headings.push_back(h);
    // A short bullet without a stop reads as a heading ("- Phú Yên: 33 triệu
    // đồng"), but it goes on the list its lead framed.
    if (!opens_with_bullet(b.folded)) ctx->lead_period.clear(), ctx->lead_sets_conditions = false;
    ctx->results_passage = false;
    ctx->results_period.clear();
    ctx->item.clear();
    ctx->item_period.clear();
    return;
  }
  // A passage reports results from a sentence that says so until one names a
  // target: "Năm 2025 … tỉnh vẫn đạt nhiều kết quả tích cực." opens it,
  // "Năm 2026, phấn đấu …" closes it.
  std::string_view text(b.folded);
  for (size_t begin = b.body_begin; begin < text.size();) {
    size_t end = text.find(". ", begin);
    if (end == std::string_view::npos) end = text.size();
    std::string_view sentence = text.substr(begin, end - begin);
    if (reports_results(lex, sentence)) {
      ctx->results_passage = true;
      for (const YearMention& y : find_year_mentions(lex, sentence))
        if (y.dates()) ctx->results_period = y.period;
    } else if (contains_word(b.folded, begin, end, kStriveWord) ||
               kind_word_sets(lex).target_words.found_in(b.folded, begin, end)) {
      ctx->results_passage = false;
    }
    begin = end + 2;
  }
  // A lead: the words before a colon near the block's start name a year
  // ("Các chỉ tiêu đạt được năm 2018: …"); the bullets after it are of that
  // year. Any other paragraph that is no bullet ends the list.
  constexpr size_t kLeadCodePoints = 160;
  size_t colon = b.folded.find(':', b.body_begin);
  if (colon != std::string::npos && colon - b.body_begin <= kLeadCodePoints)
    for (const YearMention& y : years)
      if (y.dates() && y.begin >= b.body_begin && y.end <= colon) {
        ctx->lead_period = y.period;
        ctx->lead_introduces_next = b.folded.find_first_not_of(" ", colon + 1) == std::string::npos;
      }
  // A lead of conditions: the block ends on a colon after "các điều kiện …
  // sau", with no goal named in its last sentence.
  size_t last_colon = b.folded.find_last_not_of(' ');
  if (last_colon != std::string::npos && b.folded[last_colon] == ':') {
    size_t sentence = b.folded.rfind(". ", last_colon);
    sentence = sentence == std::string::npos || sentence < b.body_begin ? b.body_begin : sentence + 2;
    std::string_view lead(b.folded.data() + sentence, last_colon - sentence);
    bool conditions = std::any_of(lex.words.condition_leads.begin(), lex.words.condition_leads.end(),
                                  [&](const std::string& w) { return has_folded_word(lead, w); });
    bool goal = has_folded_word(lead, kStriveWord) || kind_word_sets(lex).target_words.found_in(lead) ||
                std::any_of(lex.words.goal_words.begin(), lex.words.goal_words.end(),
                            [&](const std::string& w) { return has_folded_word(lead, w); });
    if (conditions && !goal) ctx->lead_sets_conditions = true;
  }
  std::string opening;
  for (const YearMention& y : years)
    if (y.dates() && y.begin >= b.body_begin && y.begin <= b.body_begin + 12) {
      opening = y.period;
      break;
    }
  if (!b.item.empty()) {
    ctx->item = b.item;
    ctx->item_period = opening;
  }
}

}  // namespace

std::vector<Figure> extract_figures(const Lexicon& lex, const std::vector<std::string>& raw_lines,
                                    const std::vector<RepairedLine>& repaired,
                                    const DocumentContext& document) {
  std::vector<Figure> figures;
  // Tables are read cell by cell; their lines are kept out of the prose blocks.
  std::vector<TableGrid> tables = find_tables(lex, raw_lines, repaired);
  const std::vector<RepairedLine>* prose = &repaired;
  std::vector<RepairedLine> masked;
  if (!tables.empty()) {
    masked = repaired;
    for (const TableGrid& t : tables)
      for (size_t l = t.first_line; l <= t.last_line; ++l) masked[l] = RepairedLine{"", "", {0}, {}};
    prose = &masked;
  }
  Context ctx;
  ctx.document = document;
  size_t next_table = 0;
  auto heading_period = [&ctx] {
    for (auto it = ctx.headings.rbegin(); it != ctx.headings.rend(); ++it)
      if (!it->period.empty()) return it->period;
    return std::string();
  };
  // A table of an encyclopedia article or a regulation holds facts or rules
  // like its prose does, whatever its columns are called.
  auto read_next_table = [&] {
    size_t first = figures.size();
    read_table(lex, tables[next_table++], raw_lines, repaired, heading_period(), &figures);
    if (!document.states_facts && !document.states_rules) return;
    for (size_t i = first; i < figures.size(); ++i) {
      figures[i].kind = document.states_facts ? FigureKind::kFact : FigureKind::kRule;
      figures[i].reading.kind_reason = document.states_facts
                                           ? "a fact an encyclopedia article states"
                                           : "a rule or threshold of a regulation, form or Q&A page";
    }
  };
  std::vector<Block> blocks;
  {
    StageTimer joining(Stage::kBlocks);
    blocks = build_blocks(*prose);
  }
  Segmentation segmentation;
  for (const Block& block : blocks) {
    while (next_table < tables.size() && tables[next_table].first_line < block.first_line)
      read_next_table();
    bool opens_item = !block.item.empty();
    const std::vector<YearMention> years = find_year_mentions(lex, block.folded);
    if (block.heading_level > 0) update_context(lex, block, years, &ctx);
    if (opens_item) {
      ctx.item = block.item;
      ctx.item_period.clear();
    }
    // A paragraph that is no bullet ends the list a lead's year framed; so
    // does the next numbered item ("(3) … đến năm 2030 dự kiến: …", "(4) …").
    // Only a plain paragraph right after a lead that ends on its colon is
    // still the lead's: what it introduces.
    bool introduced = ctx.lead_introduces_next && !opens_item;
    ctx.lead_introduces_next = false;
    if (block.heading_level == 0 && !opens_with_bullet(block.folded) && !introduced) {
      ctx.lead_period.clear();
      ctx.lead_sets_conditions = false;
    }
    BlockExtractor(lex, block, years, &ctx, raw_lines, repaired, &segmentation, &figures).run();
    if (block.heading_level == 0) update_context(lex, block, years, &ctx);
  }
  while (next_table < tables.size()) read_next_table();
  return figures;
}

}  // namespace chitieu
