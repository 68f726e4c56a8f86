// The audit checks: internal consistency of the figures a comparison holds.
//
// Each check is a small function from the comparison's figures and rows to
// findings, passed or failed, each naming the figures it read. kAuditChecks
// lists them with the name each finding carries ("shares-sum", …), in the
// order their findings are reported:
//   result-vs-target     every result against the target it answers (the
//                        row's ResultCheck), achieved or not;
//   shares-sum           the shares of one whole (a catalogue "structure"),
//                        in one document and year, can sum to 100%;
//   percent-vs-fraction  a percentage against its own fraction written after
//                        it: "90,3% xã (65/72 xã)";
//   range-order          range bounds written high to low.
#ifndef CHITIEU_COMPARE_AUDIT_CHECKS_H_
#define CHITIEU_COMPARE_AUDIT_CHECKS_H_

#include <span>
#include <string_view>
#include <vector>

#include "compare/comparison_table.h"
#include "compare/indicator_catalogue.h"
#include "store/store.h"

namespace chitieu {

// A figure of the comparison with the indicator it was matched to.
struct MatchedFigure {
  const StoredFigure* figure = nullptr;
  IndicatorMatch match;
};

// What the checks read: the figures kept by the filters, with their matches;
// the rows, with their results against targets; the catalogue, for which
// entries are shares of a whole; and the raw lines the figures end on.
struct CheckInput {
  const IndicatorCatalogue& catalogue;
  const std::vector<MatchedFigure>& figures;
  const std::vector<ComparisonRow>& rows;
  const LineLookup& lines;
};

// The findings of one check. Their `check` is left empty: run_audit_checks
// names them from kAuditChecks.
using AuditCheck = std::vector<AuditFinding> (*)(const CheckInput&);

std::vector<AuditFinding> check_result_vs_target(const CheckInput& in);
std::vector<AuditFinding> check_shares_sum(const CheckInput& in);
std::vector<AuditFinding> check_percent_vs_fraction(const CheckInput& in);
std::vector<AuditFinding> check_range_order(const CheckInput& in);

struct NamedCheck {
  std::string_view name;
  AuditCheck run;
};

// Every check, in the order its findings are reported.
std::span<const NamedCheck> audit_checks();

// The findings of every check, each named after its check.
std::vector<AuditFinding> run_audit_checks(const CheckInput& in);

}  // namespace chitieu

#endif  // CHITIEU_COMPARE_AUDIT_CHECKS_H_
