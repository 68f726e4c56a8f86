#include "support/comparison_figures.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "normalizer/lexicon.h"

namespace chitieu::testing {

IndicatorCatalogue data_catalogue() {
  IndicatorCatalogue c;
  EXPECT_TRUE(IndicatorCatalogue::Load(resolve_data_dir("") + "/indicators.tsv", &c).ok());
  return c;
}

StoredDocument comparison_document(int64_t id, const std::string& name, const std::string& date) {
  StoredDocument d;
  d.id = id;
  d.file_name = name;
  d.sha256 = name + "-sha";
  d.header.date = date;
  return d;
}

StoredFigure comparison_figure(int64_t id, int64_t doc_id, const std::string& indicator, double low, double high,
                               const std::string& unit, const std::string& cmp, const std::string& year,
                               const std::string& kind) {
  StoredFigure sf;
  sf.id = id;
  sf.document_id = doc_id;
  sf.document = fmt::format("d{}.txt", doc_id);
  Figure& f = sf.figure;
  const std::string dash = " — ";
  size_t at = indicator.find(dash);
  f.indicator = at == std::string::npos ? IndicatorName{"", indicator}
                                        : IndicatorName{indicator.substr(0, at), indicator.substr(at + dash.size())};
  f.low = low;
  f.high = high;
  f.unit = unit;
  f.comparator = parse_comparator(cmp).value();
  f.year = year;
  f.kind = parse_kind(kind).value();
  f.line = f.line_end = f.number_line = static_cast<uint32_t>(id);
  f.number_text = std::to_string(low);
  return sf;
}

}  // namespace chitieu::testing
