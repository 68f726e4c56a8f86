// Whether a figure states a target or reports a result: read from the words
// around it, never a default.
//
// Resolutions and plans name targets ("phấn đấu", "mục tiêu", "dự kiến");
// reports and press pieces give results ("ước đạt", "so cùng kỳ", "vượt 37,8%
// dự toán", "đạt 45,2% kế hoạch", "kết quả", "thu hút"), often in the same
// paragraph as next year's targets. The evidence is gathered by the caller on
// folded text; the decision and its reason (for `trace`) are made here, in the
// order written in figure_kind.cc.
#ifndef CHITIEU_EXTRACTOR_FIGURE_KIND_H_
#define CHITIEU_EXTRACTOR_FIGURE_KIND_H_

#include <string>
#include <string_view>

#include "model/figure.h"
#include "common/text.h"
#include "normalizer/lexicon.h"

namespace chitieu {

struct KindEvidence {
  std::string_view clause_before;  // the figure's clause up to its number (folded)
  std::string_view clause_after;   // from the end of its quote to the clause's end
  std::string_view sentence_before;  // its sentence up to the number
  bool estimate = false;           // "ước" among the qualifiers before the number
  bool per_year = false;           // "hằng năm", "%/năm": a rate every year must reach
  bool results_section = false;    // a heading above reviews results
  bool results_passage = false;    // an earlier sentence of the passage reported results
  std::string year;                // the figure's year or period, if found
  bool year_from_text = false;     // ... written near it, not the document's own
  std::string document_period;     // the period the document plans for, if known
  bool states_rules = false;       // a regulation, form or Q&A page
  bool states_facts = false;       // an encyclopedia article
  bool reports = false;            // a report of results
  int document_year = 0;           // the year of the document's date, 0 if unknown
  int act_year = 0;                // ... when its header or a portal's box gives it
  bool period_is_deadline = false; // the period is a horizon ("đến năm 2030")
  bool bounded = false;            // a bound, a range or "từ …": "không quá 10%", "từ 6 đến 8 triệu đồng"
  bool legal_sentence = false;     // its sentence states a law's condition or penalty (rule_cue)
  bool target_section = false;     // a heading above sets targets ("MỤC TIÊU ĐẾN NĂM 2030")
  bool approximate = false;        // "khoảng 1.960 ha": no law sets an approximate value
  bool awards_points = false;      // its sentence awards points ("Nếu đạt 100% cộng 05 điểm")
  bool under_conditions = false;   // a bullet under "… phải đáp ứng các điều kiện sau:"
};

FigureKind decide_kind(const Lexicon& lex, const KindEvidence& e, std::string* reason);

// True when the folded sentence reports results ("đạt nhiều kết quả", "so cùng
// kỳ"): the figures after it in the same passage are results until a target
// is named.
bool reports_results(const Lexicon& lex, std::string_view folded_sentence);

// The first target word ("mục tiêu", "kế hoạch", …) that `folded_text` names
// as a target, or null. A plan or budget reached or measured against ("đạt và
// vượt kế hoạch", "45,2% kế hoạch", "so dự toán") names none.
const std::string* named_target(const GrammarWords& words, std::string_view folded_text);

// The lexicon's result cues and target words (data/words.tsv) as word sets,
// built once per lexicon: a sentence is searched for all of them in one pass.
struct KindWordSets {
  FoldedWordSet result_cues, target_words;
};
const KindWordSets& kind_word_sets(const Lexicon& lex);

// The first year of a period: "2026-2030" -> 2026, "2025" -> 2025; 0 if none.
int first_year(std::string_view period);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_FIGURE_KIND_H_
