// The abbreviations the indicator catalogue defines, and the words they stand for.
//
// Vietnamese plans write "BHYT" for "bảo hiểm y tế", "GRDP" for "tổng sản phẩm
// trên địa bàn", "KT-XH" for "kinh tế - xã hội". An abbreviation is a word of
// capitals (Đ, digits, "-" and "&" allowed; roman numerals are not) in a name or
// alias of data/indicators.tsv. What it stands for is learnt from the catalogue
// itself, as documents define it: the words written before it in parentheses
// ("tổng sản phẩm trên địa bàn (GRDP)"; of those words, the last ones whose
// initials spell it when there are such: "tham gia bảo hiểm xã hội (BHXH)" →
// "bảo hiểm xã hội"), else the words of its own entry whose initials spell it
// ("BHYT" beside "bảo hiểm y tế"). The first definition in the catalogue's
// order stands for it ("Cơ cấu kinh tế (GRDP)" comes after "Tổng sản phẩm trên
// địa bàn (GRDP)"); an abbreviation nothing defines is left alone.
//
// Matching keys (matching_key) are folded text with words in parentheses left
// out (a gloss: "tăng trưởng kinh tế (GRDP)"); expand() rewrites each abbreviation of a key to its first definition,
// so that "tỷ lệ bao phủ BHYT" and "tỷ lệ bao phủ bảo hiểm y tế" read the same.
// search_terms() gives the full-text search every spelling: an abbreviation of
// the query or any of its definitions.
#ifndef CHITIEU_COMPARE_ABBREVIATIONS_H_
#define CHITIEU_COMPARE_ABBREVIATIONS_H_

#include <string>
#include <string_view>
#include <vector>

namespace chitieu {

// `text` folded by comparison_key, with "/" a word of its own ("bác sĩ/vạn
// dân" → "bac si / van dan"). Words are separated by one space.
std::string words_key(std::string_view text);

// The key wordings are matched on: the words_key of `text` without its
// parenthesized words.
std::string matching_key(std::string_view text);

// `text` without the words in balanced parentheses (an unclosed "(" is kept):
// "Tăng trưởng kinh tế (GRDP)" says what "tăng trưởng kinh tế" says.
std::string without_parentheses(std::string_view text);

// The abbreviations standing as words in `written` (a name or alias as
// written), as they are written: "Tỷ lệ bao phủ BHYT" → {"BHYT"}.
std::vector<std::string> abbreviations_in(std::string_view written);

class Abbreviations {
 public:
  // Learns every "words (ABBR)" of a name or alias as written.
  void learn_parenthesized(std::string_view written);
  // Learns `abbreviation` (as written) from the first run of words of
  // `wordings` (an entry's names and aliases as written) whose initials spell
  // it, unless it is already defined.
  void learn_initials(std::string_view abbreviation, const std::vector<std::string>& wordings);

  // `key` (a matching key) with every abbreviation replaced by its first
  // definition, or dropped where the words before it are one of its
  // definitions.
  std::string expand(const std::string& key) const;

  // A full-text query as groups of alternatives: every group must match, by
  // one of its alternatives (each a folded phrase). A word of the query is a
  // group of its own; an abbreviation, or the words of one of its
  // definitions, is one group holding the abbreviation and every definition.
  std::vector<std::vector<std::string>> search_terms(std::string_view query) const;

  // The definitions of an abbreviation as written ("BHYT"), in the order
  // learnt; empty when it is not defined.
  std::vector<std::string> definitions(std::string_view abbreviation) const;

 private:
  struct Entry {
    std::string key;                       // the abbreviation's matching key: "bhyt", "kt xh"
    std::vector<std::string> definitions;  // matching keys, in the order learnt
  };
  Entry* find(const std::string& key);
  const Entry* find(const std::string& key) const;
  void add(const std::string& key, const std::string& definition);

  std::vector<Entry> entries_;
};

}  // namespace chitieu

#endif  // CHITIEU_COMPARE_ABBREVIATIONS_H_
