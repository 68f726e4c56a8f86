// The data files under data/ (see data/README.md), loaded once.
//
// All surfaces are folded (see common/text.h) and matched against
// folded text. Entries are kept longest first so that a lookup takes the longest
// surface that fits ("tổ chức quốc tế" before "tổ chức").
#ifndef CHITIEU_NORMALIZER_LEXICON_H_
#define CHITIEU_NORMALIZER_LEXICON_H_

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <typeindex>
#include <unordered_set>
#include <vector>

#include "common/status.h"
#include "common/text.h"
#include "model/figure.h"

namespace chitieu {

struct UnitEntry {
  enum Type { kScale, kBase, kDenom, kCounted, kStop };
  std::string surface;
  Type type = kBase;
  std::string code;      // unit base / denominator code; "count" for counted
  double factor = 1.0;   // scale words
  bool needs_value_word = false;
  bool per_population = false;  // counted per head of population ("bác sĩ", "giường bệnh")
};

struct QualifierEntry {
  std::string surface;
  std::optional<Comparator> comparator;  // none for a connecting word
  bool opens_range_from = false;         // "từ": >= only right before the number
  bool after = false;      // written after the number and unit
  bool bare = false;       // "gần", "chưa đầy": a comparator but no value word ("gần 20 năm" is a span)
  bool nearest = false;    // "hơn": only right before the number ("kết hôn đạt 90%" has none)
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

// data/words.tsv: words the extractor reads as grammar, by role (see
// data/README.md). All folded.
struct GrammarWords {
  std::vector<std::string> indicator_leading;   // trimmed off the start of an indicator
  std::vector<std::string> indicator_trailing;  // trimmed off its end
  std::vector<std::string> target_words;        // a clause naming them names a target
  std::vector<std::string> table_row_number_headers;  // a header cell equal to one opens the header
  std::vector<std::string> table_unit_headers;   // a header cell starting with one is the unit column
  std::vector<std::string> table_value_headers;  // a header cell containing one is a value column
  std::vector<std::string> table_result_headers; // ... of results when it contains one of these
  std::vector<std::string> table_estimate_headers;  // ... of estimates ("~") when it contains one
  std::vector<std::string> table_change_headers;  // a column of changes ("So sánh", "Tăng/giảm")
  std::vector<std::string> table_no_value_headers;  // a column of no values ("Thời gian", "Tọa độ")
  std::vector<std::string> header_not_number;    // a line starting with one holds no document number
  std::vector<std::string> header_place_words;   // a line starting with one completes the issuer
  std::vector<std::string> header_preamble_words;  // a line starting with one ends the title
  std::vector<std::string> enacting_authorities;  // "THỦ TƯỚNG CHÍNH PHỦ" after a title ends it
  std::vector<std::string> title_connectors;  // "của", "thuộc": a title line ending so runs on
  std::vector<std::string> open_end_words;       // a title line ending with one goes on
  std::vector<std::string> so_compound_words;    // "<word> số" is a noun, not "so với"
  std::vector<std::string> per_year_words;       // "hằng năm": a rate over every year of a period
  std::vector<std::string> result_cues;          // in a figure's clause: it reports an outcome
  std::vector<std::string> target_qualifiers;    // before a figure: a bound a goal or a law sets
  std::vector<std::string> rule_cues;            // in a figure's sentence: it states a law's condition
  std::vector<std::string> citation_dates;      // "Truy cập ngày …": a citation's date, dating nothing
  std::vector<std::string> law_titles;          // "luật", "hiến pháp": a year after the law's name names it
  std::vector<std::string> law_title_compounds; // "kỷ" of "kỷ luật": no law's title
  std::vector<std::string> time_leads;
  std::vector<std::string> time_frames;         // "giai đoạn", "năm": a bracketed period after one dates its sentence
  std::vector<std::string> time_span_after;     // "qua" of "5 năm qua": a span looked over, not a duration measured          // "trong", "cuối" … before a year that opens a part of a sentence
  std::vector<std::string> goal_words;      // in a heading or earlier in the sentence: sets targets
  std::vector<std::string> not_results_heading;  // "tiêu chí đánh giá": a heading word of sections.tsv that reviews nothing
  std::vector<std::string> plan_share_words;     // right after a figure: a share of the plan, a change on last year
  std::vector<std::string> last_year_words;      // "so cùng kỳ (X)": X is last year's value
  std::vector<std::string> this_year_words;      // "trong năm nay": the year the text was written
  std::vector<std::string> plan_reached_words;   // before "kế hoạch": a plan reached, not one set
  std::vector<std::string> change_increase, change_decrease, change_level;  // words before a number
  std::vector<std::string> growth_indicators, decline_indicators;  // indicators naming a change
  std::vector<std::string> issuing_verbs;        // "<issuer> ban hành": the issuer of a press text's document
  std::vector<std::string> issuer_fillers;       // may stand between that issuer and its verb
  std::vector<std::string> dateline_words;       // the words a dateline holds besides date and time
  std::vector<std::string> question_cues;        // a line of a question-and-answer page
  std::vector<std::string> encyclopedia_marks;  // "[sửa | sửa mã nguồn]": an encyclopedia article
  std::vector<std::string> site_chrome;  // "Quý khách": a web page talking to its reader
  std::vector<std::string> score_verbs;  // "cộng" 05 điểm: a scoring guide's award
  std::vector<std::string> condition_leads;  // "các điều kiện" … sau: a lead of a rule's conditions
  std::vector<std::string> news_cues;            // reported speech: a press article
  std::vector<std::string> portal_number, portal_type, portal_issuer, portal_date;  // document box labels
  std::vector<std::string> vision_words;         // a title's year after one is not its own period
  std::vector<std::string> label_not_counted;    // "hỗ trợ": a row label opening so counts nothing
};

// data/doc_types.tsv: a document type, its genre and its number codes.
struct DocType {
  std::string pattern;  // folded name ("nghi quyet")
  std::string label;    // as displayed ("Nghị quyết")
  std::string genre;    // plan, report, regulation, form, or "" when the type alone does not say
  std::vector<std::string> number_codes;  // folded ("nq" in "11/NQ-HĐND")
};

// data/genre_words.tsv: a phrase of a title that decides the genre.
struct GenreCue {
  std::string type;    // folded doc type it refines, or "*" for an untyped headline
  bool at_start = false;
  std::string phrase;  // folded
  std::string genre;
};

// A phrase of data/ocr_phrases.tsv prepared for matching.
struct PhraseRepair {
  std::string folded;         // its skeleton
  std::vector<int32_t> text;  // its code points, as many as the skeleton has bytes
};
std::vector<PhraseRepair> prepare_phrase_repairs(const std::vector<std::string>& phrases);

// Tables that later stages derive from a lexicon (the VNI font map), built on
// first use, one per type, and owned by the lexicon: they live and die with
// it, so no cache can hand out a table built for another lexicon at the same
// address. A copy starts empty, since the copy may then be changed.
class DerivedTables {
 public:
  DerivedTables() = default;
  DerivedTables(const DerivedTables&) {}
  DerivedTables& operator=(const DerivedTables&) {
    std::lock_guard<std::mutex> lock(mu_);
    tables_.clear();
    return *this;
  }

  // The table of type T, made by `build()` the first time it is asked for.
  template <class T, class Build>
  const T& get(Build build) const {
    std::lock_guard<std::mutex> lock(mu_);
    std::shared_ptr<const void>& slot = tables_[std::type_index(typeid(T))];
    if (!slot) slot = std::make_shared<const T>(build());
    return *static_cast<const T*>(slot.get());
  }

 private:
  mutable std::mutex mu_;
  mutable std::map<std::type_index, std::shared_ptr<const void>> tables_;
};

struct Lexicon {
  std::vector<UnitEntry> units;  // longest surface first
  // The indexes into `units` of the surfaces starting with each byte, in the
  // order of `units`: a unit is looked for after every number, and a byte
  // rules out all but a few of them. Built by load_lexicon.
  std::array<std::vector<uint16_t>, 256> units_by_first_byte;
  std::vector<QualifierEntry> qualifiers;
  std::vector<ImpliedUnit> implied_units;
  std::vector<std::string> number_names;
  std::vector<std::string> age_groups;   // data/age_groups.tsv
  std::vector<std::string> ocr_phrases;  // data/ocr_phrases.tsv, as spelled
  std::vector<PhraseRepair> phrase_repairs;  // the same, prepared at load
  // Their skeletons as one word set: a line where none stands (found_in: all
  // of them in one pass, where repair_phrases searches phrase by phrase) needs
  // no phrase repair — most lines.
  FoldedWordSet phrase_skeletons;
  std::vector<std::string> result_sections;
  std::vector<LabeledPattern> issuers;
  std::vector<DocType> doc_types;
  std::vector<GenreCue> genre_cues;
  // data/vni.tsv: a Vietnamese letter and its VNI-Windows bytes.
  std::vector<std::pair<std::string, std::string>> vni;
  GrammarWords words;  // data/words.tsv
  // data/common_syllables.tsv: frequent syllables with their marks.
  std::unordered_set<std::string> common_syllables;
  // Each data file loaded, by name, with its bytes as read, in load order:
  // what the extractor version hashes (extractor/extractor_version.h).
  std::vector<std::pair<std::string, std::string>> data_files;
  DerivedTables derived;
};

// Reads the rows of a tab-separated data file, skipping blank lines and lines
// starting with '#'; a row with fewer than `min_columns` columns is an error
// naming the file and line. `line_numbers`, when given, gets each row's line.
// `bytes`, when given, gets the file's bytes as read.
Status read_tsv_rows(const std::string& path, size_t min_columns,
                     std::vector<std::vector<std::string>>* rows,
                     std::vector<int>* line_numbers = nullptr, std::string* bytes = nullptr);

// --data-dir if given, else $CHITIEU_DATA, else the source tree's data/.
std::string resolve_data_dir(const std::string& flag_value);

// Loads every file; a surface that must be folded but is not (not equal to
// fold_text of itself) is a kData error naming the file, line and surface.
Status load_lexicon(const std::string& data_dir, Lexicon* out);

// The lexicon of the default data directory, loaded on first use; aborts with
// a message if the data files are missing (a broken installation).
const Lexicon& default_lexicon();

// The displayed name of a folded document type ("quyet dinh" -> "Quyết định"),
// or "" when it is none of data/doc_types.tsv.
std::string doc_type_label(const Lexicon& lex, std::string_view folded);

}  // namespace chitieu

#endif  // CHITIEU_NORMALIZER_LEXICON_H_
