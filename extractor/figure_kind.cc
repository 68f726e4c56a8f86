#include "extractor/figure_kind.h"

#include <algorithm>
#include <vector>

#include "common/text.h"

namespace chitieu {
namespace {


bool has_word(std::string_view text, std::string_view w) { return has_folded_word(text, w); }

const std::string* first_word_in(std::string_view text, const std::vector<std::string>& words) {
  for (const std::string& w : words)
    if (has_word(text, w)) return &w;
  return nullptr;
}

// `word` at `at` in `text` is what a result is measured against: "đạt và
// vượt kế hoạch", "45,2% kế hoạch", "so dự toán".
bool plan_reached(std::string_view text, size_t at, const std::vector<std::string>& reached) {
  size_t e = at;
  while (e > 0 && text[e - 1] == ' ') --e;
  if (e == 0) return false;
  char last = text[e - 1];
  if (last == '%' || (last >= '0' && last <= '9')) return true;
  for (const std::string& w : reached)
    if (e >= w.size() && text.substr(e - w.size(), w.size()) == w &&
        (e == w.size() || !is_folded_word_char(text[e - w.size() - 1])))
      return true;
  // "đạt và vượt kế hoạch": the verbs may be joined.
  if (e >= 3 && text.substr(e - 3, 3) == " va") return plan_reached(text, e - 3, reached);
  return false;
}

// The words right after a figure, up to its clause's end, start with one of
// `words` ("45,2% kế hoạch", "37,8% dự toán", "10% so cùng kỳ").
const std::string* opening_word(std::string_view after, const std::vector<std::string>& words) {
  size_t i = 0;
  while (i < after.size() && (after[i] == ' ' || after[i] == ',' || after[i] == '(')) ++i;
  std::string_view rest = after.substr(i);
  for (const std::string& w : words)
    if (rest.substr(0, w.size()) == w && (rest.size() == w.size() || !is_folded_word_char(rest[w.size()])))
      return &w;
  return nullptr;
}

// A share of the plan stated later in the clause: "đạt 14.700 tỉ đồng, tương
// đương 96,6% kế hoạch" — the amount before it is what was achieved.
const std::string* later_share_of_plan(std::string_view after, const std::vector<std::string>& words) {
  for (size_t pct = after.find('%'); pct != std::string_view::npos; pct = after.find('%', pct + 1))
    if (const std::string* w = opening_word(after.substr(pct + 1), words)) return w;
  return nullptr;
}

}  // namespace

// Only a plan or budget word (those a result is measured against, plan_share)
// can be reached: "đạt mục tiêu 8%" still names a target.
const std::string* named_target(const GrammarWords& w, std::string_view text) {
  for (const std::string& word : w.target_words) {
    bool measures = std::find(w.plan_share_words.begin(), w.plan_share_words.end(), word) !=
                    w.plan_share_words.end();
    for (size_t at = find_folded_word(text, word); at != std::string_view::npos;
         at = find_folded_word(text, word, at + word.size()))
      if (!measures || !plan_reached(text, at, w.plan_reached_words)) return &word;
  }
  return nullptr;
}

int first_year(std::string_view period) {
  if (period.size() < 4) return 0;
  int y = 0;
  for (size_t i = 0; i < 4; ++i) {
    if (period[i] < '0' || period[i] > '9') return 0;
    y = y * 10 + (period[i] - '0');
  }
  return y;
}

const KindWordSets& kind_word_sets(const Lexicon& lex) {
  return lex.derived.get<KindWordSets>([&] {
    KindWordSets sets;
    sets.result_cues = FoldedWordSet(lex.words.result_cues);
    sets.target_words = FoldedWordSet(lex.words.target_words);
    return sets;
  });
}

bool reports_results(const Lexicon& lex, std::string_view quoted_sentence) {
  // Words in quotation marks are a title or a slogan ("quản lý theo kết quả").
  std::string unquoted;
  std::string_view sentence = quoted_sentence;
  if (quoted_sentence.find('"') != std::string_view::npos) {
    bool quoted = false;
    for (char c : quoted_sentence) {
      if (c == '"') quoted = !quoted;
      else unquoted += quoted ? ' ' : c;
    }
    sentence = unquoted;
  }
  // The word sets rule most sentences out in one pass each; named_target
  // then says whether a target word found names a target.
  const KindWordSets& sets = kind_word_sets(lex);
  return sets.result_cues.found_in(sentence) &&
         !(sets.target_words.found_in(sentence) && named_target(lex.words, sentence) != nullptr) &&
         !has_word(sentence, "phan dau");
}

namespace {

// What reports an outcome, in order: an estimate, a share of the plan or a
// change against last year right after the number, an outcome word in the
// clause, a year before the one the document plans for, a section or passage
// reviewing results. True (with the reason) when one does.
bool reports_outcome(const Lexicon& lex, const KindEvidence& e, std::string* reason) {
  const GrammarWords& w = lex.words;
  if (e.estimate) {
    *reason = "estimate (\"ước\")";
    return true;
  }
  if (const std::string* share = opening_word(e.clause_after, w.plan_share_words)) {
    *reason = "measured against the plan or last year (\"" + *share + "\")";
    return true;
  }
  if (const std::string* share = later_share_of_plan(e.clause_after, w.plan_share_words)) {
    *reason = "followed by its share of the plan (\"" + *share + "\")";
    return true;
  }
  const std::string* cue = first_word_in(e.clause_before, w.result_cues);
  if (!cue) cue = first_word_in(e.clause_after, w.result_cues);
  if (cue) {
    *reason = "reports an outcome (\"" + *cue + "\")";
    return true;
  }
  // A year before the one planned is a year reviewed — when it is not after
  // the document was written ("Kế hoạch … đến năm 2035" written in 2025 plans
  // its 2030 milestones; a plan for 2026 written in 2025 reviews 2025).
  int year = first_year(e.year), planned = first_year(e.document_period);
  bool past = e.document_year > 0 ? year <= e.document_year : !e.period_is_deadline;
  if (year > 0 && planned > 0 && year < planned && past && e.year.find('-') == std::string::npos) {
    *reason = "a year before the one the document plans for (" + e.document_period + ")";
    return true;
  }
  if (e.results_section) {
    *reason = "section reviewing results";
    return true;
  }
  if (e.results_passage) {
    *reason = "passage reporting results";
    return true;
  }
  if (e.reports) {
    *reason = "a report of results names no target here";
    return true;
  }
  return false;
}

}  // namespace

// In order: a target named before the number wins ("phấn đấu", "mục tiêu",
// "kế hoạch năm 2026 …"); then what reports an outcome — an estimate, a
// share of the plan or a change against last year right after the number, an
// outcome word in the clause; then the figure's year against the period the
// document plans for; then the section and passage it stands in.
FigureKind decide_kind(const Lexicon& lex, const KindEvidence& e, std::string* reason) {
  const GrammarWords& w = lex.words;
  if (e.states_facts) {
    *reason = "a fact an encyclopedia article states";
    return FigureKind::kFact;
  }
  const std::string* target = named_target(w, e.clause_before);
  bool strives = has_word(e.sentence_before, "phan dau");
  if (e.awards_points && !strives) {
    *reason = "a condition for points of a scoring guide";
    return FigureKind::kRule;
  }
  if (e.under_conditions && !strives && !target) {
    *reason = "a condition under a lead of conditions (\"các điều kiện … sau:\")";
    return FigureKind::kRule;
  }
  // A bound is how a law speaks as much as a goal: in a regulation, form or
  // Q&A page, or in a sentence stating a condition or a penalty ("trường hợp
  // …", "không được vượt quá 49%", "phạt tiền từ …"), a bound, a range or a
  // "từ" value is a rule — unless a goal is named or its section sets targets.
  bool states_law = e.states_rules || e.legal_sentence;
  bool bound = e.bounded || first_word_in(e.clause_before, w.target_qualifiers) != nullptr;
  // "với mục tiêu năm nay hoàn thành ít nhất 100.000 căn và tới 2030 … ít nhất 1 triệu căn".
  bool goal = first_word_in(e.sentence_before, w.goal_words) != nullptr;
  // A plan or a quota a law names ("thấp hơn kế hoạch thì …", "ít nhất 50%
  // chỉ tiêu") is a condition's term there, not a goal: only a goal word,
  // striving or a section of targets make a bound a target.
  if (states_law && bound && !strives && !goal && !e.target_section && !e.estimate) {
    *reason = e.states_rules ? "a bound of a regulation, form or Q&A page"
                             : "a bound in a sentence stating a law's condition or penalty";
    return FigureKind::kRule;
  }
  if (!target) target = first_word_in(e.clause_before, w.target_qualifiers);
  if (target || strives) {
    *reason = "named a target (\"" + (target ? *target : std::string("phan dau")) + "\")";
    return FigureKind::kTarget;
  }
  if (e.per_year && !e.estimate && !e.states_rules) {
    *reason = "a rate for every year: a target";
    return FigureKind::kTarget;
  }
  if (e.target_section && e.states_rules && !e.estimate) {
    *reason = "a section setting targets";
    return FigureKind::kTarget;
  }
  // "Quy mô Dự án: khoảng 806,19 ha", "Tổng vốn đầu tư Dự án: khoảng 51.950
  // tỷ đồng": a law sets no approximate value; in a decision approving a
  // project or a plan, such a figure is the plan's, read on as any other.
  if (e.states_rules && !e.approximate && !first_word_in(e.clause_before, w.result_cues) &&
      !first_word_in(e.clause_after, w.result_cues) && !e.estimate) {
    *reason = "a rule or threshold of a regulation, form or Q&A page";
    return FigureKind::kRule;
  }
  // Nothing is achieved yet in a year after the document was written: "số
  // hoá 100% dữ liệu … trong năm 2026" in a notice of 2025 is a task.
  if (e.year_from_text && e.act_year > 0 && first_year(e.year) > e.act_year) {
    *reason = "a year after the act's own (" + std::to_string(e.act_year) + "): not yet achieved";
    return FigureKind::kTarget;
  }
  if (reports_outcome(lex, e, reason)) return FigureKind::kResult;
  *reason = "no word of a result: a target";
  return FigureKind::kTarget;
}

}  // namespace chitieu
