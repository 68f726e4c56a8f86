// store/figure_codec: the reading is written without building JSON objects,
// and must be byte for byte what nlohmann's dump of the same object was (the
// column's bytes, and so every database, stay as they were): checked on every
// figure of the corpus and on readings made to be awkward.
#include "store/figure_codec.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <limits>
#include <nlohmann/json.hpp>

#include "extractor/extract_document.h"
#include "normalizer/lexicon.h"

namespace chitieu {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

// The reading as the store wrote it before: built as a json object, dumped.
std::string reading_by_objects(const Figure& f) {
  const Reading& r = f.reading;
  json j;
  if (!r.source.empty()) j["source"] = r.source;
  json numbers = json::array();
  for (const NumberReading& n : r.numbers)
    numbers.push_back({{"written", n.written}, {"value", n.value}, {"reading", n.reading}});
  j["numbers"] = std::move(numbers);
  if (r.scale != 1.0) j["scale"] = r.scale;
  j["unit"] = {{"written", r.unit_written}, {"code", f.unit}};
  if (!r.unit_words.empty()) j["unit"]["words"] = r.unit_words;
  if (!r.unit_from_indicator.empty()) j["unit"]["from_indicator"] = r.unit_from_indicator;
  j["qualifier"] = {{"before", r.qualifier_before},
                    {"after", r.qualifier_after},
                    {"comparator", std::string(comparator_text(f.comparator))},
                    {"decided_by", r.comparator_decided_by}};
  j["year"] = {{"value", f.year}, {"source", r.year_source}};
  j["kind"] = {{"value", std::string(kind_text(f.kind))}, {"reason", r.kind_reason}};
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

TEST(FigureCodec, EveryCorpusReadingIsWrittenAsTheObjectWas) {
  size_t figures = 0;
  for (const auto& e : fs::directory_iterator(fs::path(CHITIEU_SOURCE_DIR) / "corpus")) {
    ExtractedDocument doc;
    ASSERT_TRUE(extract_document(default_lexicon(), e.path().string(), "", &doc).ok()) << e.path();
    for (const Figure& f : doc.figures) {
      ASSERT_EQ(reading_to_json(f), reading_by_objects(f)) << f.quote;
      ASSERT_EQ(warnings_to_json(f.warnings), json::parse(warnings_to_json(f.warnings)).dump());
      ++figures;
    }
  }
  EXPECT_GT(figures, 250u);
}

TEST(FigureCodec, AwkwardReadingsAreWrittenAsTheObjectWas) {
  Figure f;
  f.unit = "VND/person/year";
  f.year = "2026-2030";
  f.kind = FigureKind::kResult;
  f.comparator = Comparator::kRange;
  Reading& r = f.reading;
  r.source = "table row (3)";
  r.scale = 1e9;
  r.unit_written = "tỷ \"đồng\"";
  r.unit_words = {"ty", "dong", ""};
  r.unit_from_indicator = "thu nhập\tbình quân\\đầu người";
  r.qualifier_before = {"tren", "dat"};
  r.qualifier_after = "tro len";
  r.comparator_decided_by = "a\x01" "b\x1f" "c\n\r\b\f";
  r.year_source = "same clause: \"năm 2030\"";
  r.kind_reason = std::string("bad \xC3\x28 bytes \xFF and a cut \xE1\xBA");  // not UTF-8
  for (double v : {0.0, -0.0, 1.0, 0.5, 7.17e14, 1e15, 1e16, 1.5e-5, 1e-4, 123456789.125, 1.0 / 3,
                   std::numeric_limits<double>::max(), std::numeric_limits<double>::denorm_min(),
                   std::numeric_limits<double>::infinity(), std::nan("")})
    r.numbers.push_back({"10,5", v, "',' is the decimal mark"});
  EXPECT_EQ(reading_to_json(f), reading_by_objects(f));
  r.scale = 1.0;
  r.source.clear();
  r.unit_words.clear();
  r.unit_from_indicator.clear();
  r.numbers.clear();
  r.qualifier_before.clear();
  EXPECT_EQ(reading_to_json(f), reading_by_objects(f));
  EXPECT_EQ(warnings_to_json({}), "[]");
}

}  // namespace
}  // namespace chitieu
