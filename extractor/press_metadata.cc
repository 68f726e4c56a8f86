#include "extractor/press_metadata.h"

#include <re2/re2.h>

#include <algorithm>
#include <memory>

#include "common/text.h"

namespace chitieu {
namespace {

// The lead of an article: its headline, dateline and first paragraphs.
constexpr size_t kLeadPieces = 12;
// A headline or dateline is a short line; a longer one is a paragraph.
constexpr size_t kMaxHeadline = 300;
constexpr size_t kMaxDateline = 80;

// A document number in running text, folded: "11/nq-hdnd", "244/2025/qh15",
// "59-nq/tw", "4/cd-ttg". Digits alone ("9/12/2022") are a date, not a number.
constexpr const char* kNumberPattern = R"((\d+(?:/\d{4})?[/-][a-z][a-z0-9]*(?:[/-][a-z0-9]+)*))";

// Patterns built from the lexicon's document types, once per lexicon.
struct PressPatterns {
  std::unique_ptr<RE2> doc_ref;    // "nghi quyet so 11/nq-hdnd": type, number
  std::unique_ptr<RE2> reference;  // "(theo bao cao so 438/bc-ubnd ngay 04/12/2020"
};

PressPatterns build_patterns(const Lexicon& lex) {
  std::vector<std::string> names;
  for (const DocType& t : lex.doc_types) names.push_back(t.pattern);
  std::sort(names.begin(), names.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  std::string types;
  for (const std::string& n : names) types += (types.empty() ? "" : "|") + RE2::QuoteMeta(n);
  std::string ref = "\\b(" + types + R"()\s+(?:so\s*:?\s*)?)" + kNumberPattern;
  PressPatterns p;
  p.doc_ref = std::make_unique<RE2>(ref);
  // The act a text quotes may be named by the part quoted ("Theo khoản 5
  // Điều 1 Quyết định 481/QĐ-CNCCN năm 2025, …"; "… được quy định tại Điều 1
  // Quyết định 946/QĐ-TTg năm 2025 như sau:"; "Căn cứ tại khoản 4 Điều 1
  // Quyết định 1347/QĐ-UBND 2025 có nêu …") and dated by its year alone,
  // after "năm" or bare.
  const std::string part = R"((?:(?:diem|khoan|dieu|muc|phu luc|chuong)\s+[0-9a-z]+\s*,?\s*)*)";
  p.reference = std::make_unique<RE2>(
      R"((?:^\(?\s*(?:theo|tai)|(?:^|\s)(duoc quy dinh tai)|^(can cu tai))\s+()" + part + ")" + ref +
      R"((?:\s*,?\s*ngay\s+(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})|\s+(?:nam\s+)?((?:19|20)\d\d)(?:$|[^\d.,]|[.,](?:\D|$)))?)");
  return p;
}

const PressPatterns& patterns(const Lexicon& lex) {
  return lex.derived.get<PressPatterns>([&] { return build_patterns(lex); });
}

std::string strip_emphasis(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), '*'), s.end());
  return s;
}

// A dateline: a short line of a date with only time, weekday and label words
// around it ("Thứ Ba 20/10/2015 , 20:00 (GMT+7)"). Gives the ISO date.
bool read_dateline(const Lexicon& lex, const HeaderLine& l, std::string* date) {
  static const RE2 kDate(R"((?:^|[^\d])(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[^\d]|$))");
  static const RE2 kWord(R"(([a-z]+))");
  if (l.folded.size() > kMaxDateline) return false;
  re2::StringPiece d, m, y;
  if (!RE2::PartialMatch(l.folded, kDate, &d, &m, &y)) return false;
  std::string iso = iso_date(d, m, y);
  if (iso.empty()) return false;
  re2::StringPiece input(l.folded), word;
  while (RE2::FindAndConsume(&input, kWord, &word)) {
    const auto& allowed = lex.words.dateline_words;
    if (std::find(allowed.begin(), allowed.end(), std::string(word)) == allowed.end()) return false;
  }
  *date = iso;
  return true;
}

bool word_at(std::string_view folded, size_t at, std::string_view word) {
  if (folded.compare(at, word.size(), word) != 0) return false;
  size_t e = at + word.size();
  return e == folded.size() || !isalnum(static_cast<unsigned char>(folded[e]));
}

size_t skip_spaces(std::string_view f, size_t at) {
  while (at < f.size() && (f[at] == ' ' || f[at] == ',')) ++at;
  return at;
}

size_t word_end(std::string_view f, size_t at) {
  while (at < f.size() && f[at] != ' ' && f[at] != ',') ++at;
  return at;
}

// The words that may stand between an issuer and its verb: "khóa XII",
// "lần thứ X (2015 – 2020)", "kỳ họp thứ 10", "đã". Returns where they end.
size_t skip_fillers(const Lexicon& lex, std::string_view f, size_t at) {
  for (;;) {
    at = skip_spaces(f, at);
    if (at < f.size() && f[at] == '(') {
      size_t close = f.find(')', at);
      if (close == std::string_view::npos) return at;
      at = close + 1;
      continue;
    }
    bool found = false;
    for (const std::string& w : lex.words.issuer_fillers) {
      if (!word_at(f, at, w)) continue;
      at += w.size();
      // "khóa XII", "kỳ họp thứ 10" take the word after them.
      if (w != "da" && w != "vua" && w != "chinh thuc") at = word_end(f, skip_spaces(f, at));
      found = true;
      break;
    }
    if (!found) return at;
  }
}

// A person's name after a title ("Phó Thủ tướng Chính phủ Trần Hồng Hà ban
// hành …"): the capitalised words from `at`.
size_t skip_name(const HeaderLine& l, size_t at) {
  size_t p = skip_spaces(l.folded, at), e = p;
  while (e < l.folded.size() && starts_capitalised(l, e)) {
    e = word_end(l.folded, e);
    if (e < l.folded.size() && l.folded[e] == ' ') ++e;
  }
  return e > p ? e : at;
}

// The issuer of an act in `l`: an issuer of the lexicon (source "text"),
// the locality written after it, then an issuing verb ("UBND tỉnh Gia Lai tổ
// chức …"). Sets issuer and place, and where the issuer starts and the verb ends.
struct Act {
  std::string issuer, place;
  size_t begin = 0, verb_end = 0;
};

bool locality_after(const Lexicon& lex, const HeaderLine& l, size_t* at, std::string* place) {
  const std::string& f = l.folded;
  size_t p = skip_spaces(f, *at);
  for (const std::string& w : lex.words.header_place_words) {
    if (!word_at(f, p, w)) continue;
    size_t e = p + w.size(), name_begin = skip_spaces(f, e), name_end = name_begin;
    while (name_end < f.size() && starts_capitalised(l, name_end)) {
      e = name_end = word_end(f, name_end);
      if (name_end < f.size() && f[name_end] == ' ') ++name_end;
    }
    if (e > p + w.size()) *place = text_span(l, name_begin, e);
    *at = e;
    return true;
  }
  return false;
}

// The issuers a press text may name ("text" source), in the lexicon's order,
// by the first byte of their pattern: at a position only those starting with
// its byte can stand.
struct TextIssuers {
  std::vector<const LabeledPattern*> by_first_byte[256];
};

const TextIssuers& text_issuers(const Lexicon& lex) {
  return lex.derived.get<TextIssuers>([&] {
    TextIssuers t;
    for (const LabeledPattern& is : lex.issuers)
      if (is.source == "text" && !is.pattern.empty())
        t.by_first_byte[static_cast<unsigned char>(is.pattern[0])].push_back(&is);
    return t;
  });
}

bool find_act(const Lexicon& lex, const HeaderLine& l, Act* act) {
  const std::string& f = l.folded;
  const TextIssuers& issuers = text_issuers(lex);
  for (size_t p = 0; p < f.size(); ++p) {
    if (p > 0 && isalnum(static_cast<unsigned char>(f[p - 1]))) continue;
    for (const LabeledPattern* candidate : issuers.by_first_byte[static_cast<unsigned char>(f[p])]) {
      const LabeledPattern& is = *candidate;
      if (!word_at(f, p, is.pattern)) continue;
      size_t at = p + is.pattern.size(), locality_begin = skip_spaces(f, at);
      std::string place;
      bool local = locality_after(lex, l, &at, &place);
      size_t locality_end = at;
      if (!local) at = skip_name(l, at);
      at = skip_fillers(lex, f, at);
      for (const std::string& verb : lex.words.issuing_verbs) {
        if (!word_at(f, at, verb)) continue;
        act->issuer = is.label;
        if (local) act->issuer += " " + text_span(l, locality_begin, locality_end);
        act->place = place;
        act->begin = p;
        act->verb_end = at + verb.size();
        return true;
      }
      break;  // the longest issuer at this position did not act; go on
    }
  }
  return false;
}

// The last full date written before folded offset `before` ("Ngày 9/12/2022,"
// or "ngày 31 tháng 10 năm 2025,"): the date of the act that follows.
std::string date_before(const HeaderLine& l, size_t before) {
  static const RE2 kDate(
      R"((?:^|[^\d])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[^\d]|$)|ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4}))");
  before = std::min(before, l.folded.size());
  size_t sentence = l.folded.rfind(". ", before);  // the date must be in the act's sentence
  size_t from = sentence == std::string::npos ? 0 : sentence + 2;
  re2::StringPiece input(l.folded.data() + from, before - from);
  re2::StringPiece d1, m1, y1, d2, m2, y2;
  std::string last;
  while (RE2::FindAndConsume(&input, kDate, &d1, &m1, &y1, &d2, &m2, &y2))
    last = d1.empty() ? iso_date(d2, m2, y2) : iso_date(d1, m1, y1);
  return last;
}

// Fills type and number from a reference at folded offset `from` of `l` on.
bool read_doc_ref(const Lexicon& lex, const HeaderLine& l, size_t from, size_t max_gap, DocumentHeader* h) {
  re2::StringPiece input(l.folded), type, number;
  input.remove_prefix(std::min(from, l.folded.size()));
  if (!RE2::PartialMatch(input, *patterns(lex).doc_ref, &type, &number)) return false;
  size_t b = type.data() - l.folded.data();
  if (b - from > max_gap) return false;
  size_t nb = number.data() - l.folded.data();
  if (h->type.empty()) h->type = doc_type_label(lex, type);
  h->number = text_span(l, nb, nb + number.size());
  return true;
}

// "(Theo báo cáo số 438/BC-UBND ngày 04/12/2020)"; the date may be a year
// alone ("… Quyết định 946/QĐ-TTg năm 2025").
// With `quotes_only`, only a reference quoting a part of the act counts.
bool read_reference(const Lexicon& lex, const HeaderLine& l, bool quotes_only, DocumentHeader* h,
                    PressMetadata* seen) {
  re2::StringPiece provided, based, parts, type, number, d, m, y, year;
  if (!RE2::PartialMatch(l.folded, *patterns(lex).reference, &provided, &based, &parts, &type, &number, &d, &m, &y,
                         &year))
    return false;
  if (!based.empty() && parts.empty()) return false;  // "Căn cứ Nghị định …" is a legal basis
  bool quotes = !provided.empty() || !parts.empty();
  if (quotes_only && !quotes) return false;
  seen->quotes_act = quotes;
  size_t nb = number.data() - l.folded.data();
  h->type = doc_type_label(lex, type);
  h->number = text_span(l, nb, nb + number.size());
  if (h->date.empty()) {
    h->date = !d.empty() ? iso_date(d, m, y) : std::string(year);
    if (!h->date.empty()) h->date_source = "text";
  }
  return true;
}

// The piece at *i with the pieces a hard wrap cut from it (continues_wrapped),
// joined by spaces; *i moves to the last of them.
HeaderLine join_wrapped(const Lexicon& lex, const std::vector<HeaderLine>& lines, size_t* i) {
  HeaderLine whole = lines[*i];
  size_t last = *i;
  for (size_t j = *i + 1; j < lines.size(); ++j) {
    if (lines[j].blank()) continue;
    if (!continues_wrapped(lex, lines[last], lines[j]) || whole.folded.size() > kMaxHeadline) break;
    whole.text += " " + lines[j].text;
    whole.folded += " " + lines[j].folded;
    last = j;
  }
  *i = last;
  return whole;
}

// A headline: the first line, short, not a sentence ending in a full stop.
bool is_headline(const HeaderLine& l) {
  if (l.folded.find(' ') == std::string::npos) return false;  // one word ("VỀ"): a fragment
  if (l.text.size() > kMaxHeadline * 3 || code_points_before(l.text, l.text.size()) > kMaxHeadline) return false;
  return l.folded.back() != '.' || l.folded.size() < 3 || l.folded.compare(l.folded.size() - 3, 3, "...") == 0;
}

// The act of the lead: issuer and place, the document it issues, its date.
// The first act gives the issuer; a later one ("HĐND huyện … thông qua 20 chỉ
// tiêu" in the headline, then "… đã thông qua Nghị quyết số 52/NQ-HĐND" in
// the lead) may still name the document and its date. Returns true once the
// document is named.
bool read_lead_act(const Lexicon& lex, const HeaderLine& l, DocumentHeader* h, PressMetadata* seen) {
  Act act;
  if (!find_act(lex, l, &act)) return false;
  bool first = !seen->lead;
  seen->lead = true;
  if (first && h->issuer.empty()) {
    h->issuer = act.issuer;
    if (h->place.empty()) h->place = act.place;
  }
  bool named = h->number.empty() && read_doc_ref(lex, l, act.verb_end, 8, h);
  if (named) {
    size_t end = l.folded.find(". ", act.verb_end);
    if (end == std::string::npos) end = l.folded.size();
    auto [b, e] = byte_range_of_code_points(l.text, act.verb_end, end);
    seen->act_words = l.text.substr(b, e - b);
    seen->act_line = l.line;
  }
  if (h->date.empty() && (first || named)) {
    h->date = date_before(l, act.begin);
    if (!h->date.empty()) h->date_source = "text";
  }
  return named;
}

}  // namespace

PressMetadata read_press_metadata(const Lexicon& lex, const std::vector<HeaderLine>& lines,
                                  DocumentHeader* h) {
  PressMetadata seen;
  if (h->official) return seen;
  std::string dateline_date;
  size_t pieces = 0;
  bool named = false;  // an act has named the document
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].blank()) continue;
    if (++pieces > kLeadPieces) break;
    // A hard wrap may have cut the first line: read it whole.
    HeaderLine l = pieces == 1 ? join_wrapped(lex, lines, &i) : lines[i];
    std::string date;
    if (read_dateline(lex, l, &date)) {
      seen.dateline = true;
      if (dateline_date.empty()) dateline_date = date;
      continue;
    }
    if (pieces == 1 && is_headline(l)) {
      seen.headline = strip_emphasis(l.text);
      seen.headline_line = l.line;
    }
    if (h->number.empty()) read_reference(lex, l, false, h, &seen);
    if (!named) named = read_lead_act(lex, l, h, &seen);
  }
  // A page of sections on one act may quote it first in a later section
  // ("## Quy hoạch tổng mặt bằng …" / "Theo khoản 5 Điều 1 Quyết định
  // 481/QĐ-CNCCN năm 2025, …"): the header's lines are searched for it.
  for (size_t i = 0; i < lines.size() && h->number.empty(); ++i)
    if (!lines[i].blank()) read_reference(lex, lines[i], true, h, &seen);
  // A document the headline names: "Toàn văn Nghị quyết 244/2025/QH15 về …".
  if (h->number.empty() && !seen.headline.empty()) {
    for (const HeaderLine& l : lines) {
      if (l.line != seen.headline_line || l.blank()) continue;
      read_doc_ref(lex, l, 0, l.folded.size(), h);
      break;
    }
  }
  if (h->date.empty() && !dateline_date.empty()) {
    h->date = dateline_date;
    h->date_source = "dateline";
  }
  return seen;
}

}  // namespace chitieu
