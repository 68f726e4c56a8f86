// Hand-made documents and figures for the comparison's tests.
#pragma once

#include <string>

#include "compare/indicator_catalogue.h"
#include "store/store.h"

namespace chitieu::testing {

// The catalogue of the data directory (data/indicators.tsv).
IndicatorCatalogue data_catalogue();

// Document `id` named `name` ("a.txt"), dated `date`.
StoredDocument comparison_document(int64_t id, const std::string& name, const std::string& date);

// Figure `id` of document `doc_id` (named "d<doc_id>.txt"), on line `id`.
// "Parent — sub" names a breakdown; `cmp` and `kind` are the store's forms
// (">=", "result").
StoredFigure comparison_figure(int64_t id, int64_t doc_id, const std::string& indicator, double low, double high,
                               const std::string& unit, const std::string& cmp, const std::string& year,
                               const std::string& kind = "target");

}  // namespace chitieu::testing
