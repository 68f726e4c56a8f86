// The data files under data/ (see data/README.md), loaded once.
//
// All surfaces are folded (see common/text.h) and matched against
// folded text. Entries are kept longest first so that a lookup takes the longest
// surface that fits ("tổ chức quốc tế" before "tổ chức").
#ifndef CHITIEU_NORMALIZER_LEXICON_H_
#define CHITIEU_NORMALIZER_LEXICON_H_

#include <string>
#include <vector>

#include <optional>

#include "common/status.h"
#include "model/figure.h"

namespace chitieu {

struct UnitEntry {
  enum Type { kScale, kBase, kDenom, kCounted, kStop };
  std::string surface;
  Type type = kBase;
  std::string code;      // unit base / denominator code; "count" for counted
  double factor = 1.0;   // scale words
  bool needs_value_word = false;
};

struct QualifierEntry {
  std::string surface;
  std::optional<Comparator> comparator;  // none for a connecting word
  bool opens_range_from = false;         // "từ": >= only right before the number
  bool after = false;      // written after the number and unit
};

struct ImpliedUnit {
  std::string words;
  bool denominator_only = false;  // adds "/person" to a money unit
  std::string unit;               // full unit when the figure has none
  std::string counted;
};

struct LabeledPattern {
  std::string source;   // issuers: "header" or "number"; doc types: ""
  std::string pattern;  // folded
  std::string label;    // as displayed
};

struct Lexicon {
  std::vector<UnitEntry> units;
  std::vector<QualifierEntry> qualifiers;
  std::vector<ImpliedUnit> implied_units;
  std::vector<std::string> number_names;
  std::vector<std::string> age_groups;   // data/age_groups.tsv
  std::vector<std::string> ocr_phrases;  // data/ocr_phrases.tsv
  std::vector<std::string> result_sections;
  std::vector<LabeledPattern> issuers;
  std::vector<LabeledPattern> doc_types;
  // data/vni.tsv: a Vietnamese letter and its VNI-Windows bytes.
  std::vector<std::pair<std::string, std::string>> vni;
};

// Reads the rows of a tab-separated data file, skipping blank lines and lines
// starting with '#'; a row with fewer than `min_columns` columns is an error
// naming the file and line.
Status read_tsv_rows(const std::string& path, size_t min_columns,
                     std::vector<std::vector<std::string>>* rows);

// --data-dir if given, else $CHITIEU_DATA, else the source tree's data/.
std::string resolve_data_dir(const std::string& flag_value);

Status load_lexicon(const std::string& data_dir, Lexicon* out);

// The lexicon of the default data directory, loaded on first use; aborts with
// a message if the data files are missing (a broken installation).
const Lexicon& default_lexicon();

}  // namespace chitieu

#endif  // CHITIEU_NORMALIZER_LEXICON_H_
