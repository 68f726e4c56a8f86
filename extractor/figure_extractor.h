// Finding the figures of a document: every number that states a target, plan,
// estimate or result of an indicator, read into a normalized value.
//
// Input is the document's raw lines and their repairs; output figures point back
// into the raw lines (1-based line numbers, code point offsets) with the verbatim
// quote, so provenance survives every repair. What makes a number a figure, and
// what does not (document numbers, dates, years used as time references, names,
// item numbers, quoted titles, fractions), is decided here; how a figure's words
// become a value, unit, comparator and period is the normalizer's.
#ifndef CHITIEU_EXTRACTOR_FIGURE_EXTRACTOR_H_
#define CHITIEU_EXTRACTOR_FIGURE_EXTRACTOR_H_

#include <cstdint>
#include <string>
#include <vector>

#include "extractor/text_repair.h"
#include "model/figure.h"
#include "normalizer/lexicon.h"

namespace chitieu {

// What the document as a whole says, for figures that say nothing themselves.
struct DocumentContext {
  std::string period;  // the period its title or headline names: "2023", "2026-2030"
  // A regulation, a form or a question-and-answer page states rules and
  // thresholds: its numbers are kind `rule` unless one names a target or
  // reports a result.
  bool states_rules = false;
  // An encyclopedia article states facts (area, climate, votes, history): its
  // numbers are kind `fact`, neither targets nor results.
  bool states_facts = false;
  // A plan or resolution reviews the past only in passing: a passage of
  // results does not run on from one paragraph to the next there.
  bool plans = false;
  // A report of results: a figure that names no target is a result.
  bool reports = false;
  int year = 0;              // the year of the document's date, 0 if unknown
  // The year the document, or the act a press text reports, is dated (its
  // official header, a legal portal's box, "Ngày 17/11/2025, UBND … ban
  // hành"); 0 when only an article's dateline gives one: the year a report or
  // regulation that names no other speaks of.
  int issued_year = 0;
  // The year of the act's own date (its header or a legal portal's box), 0
  // otherwise: nothing it speaks of after that year is achieved yet.
  int act_year = 0;
  bool period_is_deadline = false;  // "đến năm 2030": a horizon, not the year planned
};

std::vector<Figure> extract_figures(const Lexicon& lex, const std::vector<std::string>& raw_lines,
                                    const std::vector<RepairedLine>& repaired,
                                    const DocumentContext& document = {});

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_FIGURE_EXTRACTOR_H_
