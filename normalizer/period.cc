#include "normalizer/period.h"

#include <re2/re2.h>

#include <algorithm>

#include "common/text.h"
#include "normalizer/unit_parser.h"

namespace chitieu {

bool looks_like_year(std::string_view s, size_t b, size_t e) {
  if (e - b != 4) return false;
  for (size_t i = b; i < e; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  int y = std::stoi(std::string(s.substr(b, 4)));
  return y >= 1900 && y <= 2100;
}

namespace {

// Whether "19dd" or "20dd" occurs in `folded`: every year mention has one.
bool has_year_digits(std::string_view f) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (size_t i = f.find_first_of("12"); i != std::string_view::npos && i + 3 < f.size();
       i = f.find_first_of("12", i + 1)) {
    if (((f[i] == '1' && f[i + 1] == '9') || (f[i] == '2' && f[i + 1] == '0')) && digit(f[i + 2]) && digit(f[i + 3]))
      return true;
  }
  return false;
}

// Whether the words right before `lead_begin` name a law the year then
// completes: "Luật Tổ chức chính quyền địa phương năm 2025", "Hiến pháp năm
// 2013" — a law's title word (data/words.tsv law_title), a few words of its
// name and nothing that ends a phrase in between; "kỷ luật", "pháp luật" are
// no title (law_title_compound).
bool names_law(const Lexicon& lex, std::string_view folded, size_t lead_begin) {
  constexpr size_t kNameBytes = 60;
  constexpr int kMaxNameWords = 8;
  size_t from = lead_begin > kNameBytes ? lead_begin - kNameBytes : 0;
  std::string_view before = folded.substr(from, lead_begin - from);
  for (const std::string& title : lex.words.law_titles) {
    for (size_t at = before.rfind(title); at != std::string_view::npos;
         at = at == 0 ? std::string_view::npos : before.rfind(title, at - 1)) {
      size_t end = at + title.size();
      if ((at > 0 && is_folded_word_char(before[at - 1])) || end >= before.size() || before[end] != ' ') continue;
      // The name runs to the year: no stop, no bracket, no year of its own
      // ("Luật Nhà ở năm 2023 để khởi công trong năm 2025").
      std::string_view name = before.substr(end);
      if (name.find_first_of(",.;:()\"0123456789") != std::string_view::npos) break;
      int words = 0;
      for (size_t i = 0; i < name.size(); ++i)
        if (name[i] != ' ' && (i == 0 || name[i - 1] == ' ')) ++words;
      if (words > kMaxNameWords) break;
      size_t word_end = at;
      while (word_end > 0 && before[word_end - 1] == ' ') --word_end;
      size_t word_begin = word_end;
      while (word_begin > 0 && is_folded_word_char(before[word_begin - 1])) --word_begin;
      std::string_view word_before = before.substr(word_begin, word_end - word_begin);
      const std::vector<std::string>& compounds = lex.words.law_title_compounds;
      if (std::find(compounds.begin(), compounds.end(), word_before) != compounds.end()) break;
      return true;
    }
  }
  return false;
}

}  // namespace

// "Quyết định 481/QĐ-CNCCN năm 2025", "Quyết định 1347/QĐ-UBND 2025": a year
// right after an act's number (a code with a "/") is the day the act was
// signed, no year of what it fixes.
bool dates_an_act(std::string_view folded, size_t lead_begin, size_t year_begin) {
  std::string_view lead = folded.substr(lead_begin, year_begin - lead_begin);
  if (!lead.empty() && lead != "nam ") return false;
  size_t end = lead_begin;
  while (end > 0 && folded[end - 1] == ' ') --end;
  size_t begin = end;
  while (begin > 0 && folded[begin - 1] != ' ') --begin;
  // The number as acts are numbered: digits, "/", then letters, digits and
  // dashes ending on a letter ("481/qd-cncn", "4546/hd-nhcs"); not "7%/nam.".
  std::string_view code = folded.substr(begin, end - begin);
  size_t slash = code.find('/');
  if (slash == std::string_view::npos || slash == 0 || !isdigit(static_cast<unsigned char>(code[0])) ||
      !(code.back() >= 'a' && code.back() <= 'z'))
    return false;
  return std::all_of(code.begin(), code.end(), [](char c) {
    return isdigit(static_cast<unsigned char>(c)) || (c >= 'a' && c <= 'z') || c == '/' || c == '-';
  });
}

std::vector<YearMention> find_year_mentions(const Lexicon& lex, std::string_view folded) {
  // The lead-in words are optional; a bare year still counts ("đến 2030"). A
  // period may end on a day: "từ năm 2021 đến ngày 30/6/2025" is 2021-2025.
  static const RE2 kYear(
      R"(((?:(?:den|toi|vao|trong)\s+)?(?:(?:cuoi|dau|giua)\s+)?(?:(?:nam|giai doan|nhiem ky|thoi ky|ky|ke hoach|tu nam)\s+)?)((?:19|20)\d\d)(?:(\s*-\s*|\s+(?:den|toi)\s+(?:nam\s+|ngay\s+\d{1,2}/\d{1,2}/)?|\s+)((?:19|20)\d\d))?)");
  static const RE2 kDateBefore(R"(thang\s+\d{1,2}\s+(?:nam\s+)?$)");
  // The year compared against: "so (với) (cùng kỳ | ước thực hiện | quý IV) năm 2024",
  // "so UTH 2025", "bằng mức năm 2000", "So sánh năm 2026 với ƯTH năm 2025" (the year right after
  // "so sánh" is the one compared), "giá so sánh năm 2010" (a price base). The
  // "số" of "dân số", "chỉ số", "hệ số" folds to the same "so" and is not a
  // comparison.
  static const std::string kQualifier =
      "(?:cung ky|uoc thuc hien|thuc hien|ket qua|ke hoach|du toan|uth|th|kh|dt|quy\\s+(?:i|ii|iii|iv|[1-4]))";
  static const RE2 kBaseBefore(R"((?:^|[^a-z])(?:([a-z]+)\s+)?(?:so(?:\s+voi)?(?:\s+)" + kQualifier +
                               R"()?|so\s+sanh\s+)" + kQualifier + R"(|so\s+sanh\s.*\svoi(?:\s+)" + kQualifier +
                               R"()?|gia\s+so\s+sanh|bang\s+muc)\s+(?:nam\s+)?$)");
  static const RE2 kQuarterBefore(R"((?:^|[^a-z])(quy\s+(?:i|ii|iii|iv|[1-4])/)$)");
  std::vector<YearMention> out;
  if (!has_year_digits(folded)) return out;  // most blocks: no pattern to run
  re2::StringPiece input(folded.data(), folded.size());
  re2::StringPiece lead, y1, sep, y2;
  const char* base = folded.data();
  while (RE2::FindAndConsume(&input, kYear, &lead, &y1, &sep, &y2)) {
    size_t b = lead.data() - base;
    size_t yb = y1.data() - base;
    size_t e = (y2.data() ? y2.data() + y2.size() : y1.data() + y1.size()) - base;
    // A quarter of a year, "quý I/2025": the year; but not a document's
    // number ("48/2025/NQ-HĐND"). ("tháng 10/2024" is a date: find_date_years.)
    std::string_view up_to_year = folded.substr(0, yb);
    re2::StringPiece quarter_context(up_to_year.data() + (yb > 24 ? yb - 24 : 0), yb > 24 ? 24 : yb);
    re2::StringPiece quarter;
    bool of_quarter = yb > 0 && folded[yb - 1] == '/' && RE2::PartialMatch(quarter_context, kQuarterBefore, &quarter);
    if (of_quarter) b = quarter.data() - base;
    // Part of a longer number or code: "12.2030", "2030/QĐ", "Covid-2019", a
    // standard's edition "TCVN 12250:2018".
    if (!of_quarter && yb > 0 &&
        (isdigit(static_cast<unsigned char>(folded[yb - 1])) || folded[yb - 1] == '.' || folded[yb - 1] == ',' ||
         folded[yb - 1] == '/' ||
         (folded[yb - 1] == ':' && yb > 1 && isdigit(static_cast<unsigned char>(folded[yb - 2])))))
      continue;
    // The year of a date written with dashes: "15-10-2020", "11-12-2023" (a
    // dateline or a time stamp), never a period.
    if (yb > 1 && folded[yb - 1] == '-' && isdigit(static_cast<unsigned char>(folded[yb - 2])))
      continue;
    size_t ye = y1.data() + y1.size() - base;
    // Followed by more digits, a slash or a decimal part: "2030/QĐ", "2019,5".
    if (ye < folded.size() && (isdigit(static_cast<unsigned char>(folded[ye])) ||
                               folded[ye] == '/' ||
                               ((folded[ye] == '.' || folded[ye] == ',') && ye + 1 < folded.size() &&
                                isdigit(static_cast<unsigned char>(folded[ye + 1])))))
      continue;
    // A bare year with a measure after it is a quantity: "Gia Bình 1960 ha".
    if (lead.empty() && !y2.data()) {
      UnitReading unit = read_unit(lex, folded, ye);
      if (unit.matched && unit.base != "year") continue;
    }
    std::string_view lead_and_before =
        folded.substr(b > 40 ? b - 40 : 0, yb - (b > 40 ? b - 40 : 0));
    re2::StringPiece context(lead_and_before.data(), lead_and_before.size());
    if (RE2::PartialMatch(context, kDateBefore)) continue;
    YearMention m;
    m.begin = b;
    m.end = e;
    m.year_begin = yb;
    m.period = std::string(y1.data(), y1.size());
    if (y2.data()) {
      int a = std::stoi(m.period), z = std::stoi(std::string(y2.data(), y2.size()));
      if (z > a && z - a <= 30) {
        m.period += "-" + std::string(y2.data(), y2.size());
      } else {
        m.end = ye;  // "2025 2030" that is not a period: keep the first year only
      }
    }
    std::string word_before_so;
    const std::vector<std::string>& nouns = lex.words.so_compound_words;
    // A quarter's own words ("quý IV/") stand between the base's "so với" and
    // its year: the base is read before them.
    re2::StringPiece base_context =
        of_quarter ? re2::StringPiece(folded.data() + (b > 40 ? b - 40 : 0), b > 40 ? 40 : b) : context;
    m.comparison_base = RE2::PartialMatch(base_context, kBaseBefore, &word_before_so) &&
                        std::find(nouns.begin(), nouns.end(), word_before_so) == nouns.end();
    m.names_law = names_law(lex, folded, b) || dates_an_act(folded, b, yb);
    out.push_back(m);
  }
  return out;
}

std::vector<YearMention> find_date_years(std::string_view folded) {
  static const RE2 kDate(
      R"(((?:ngay\s+\d{1,2}\s+)?thang\s+\d{1,2}\s+(?:nam\s+)?|(?:thang\s+)?\d{1,2}/\d{1,2}/|thang\s+\d{1,2}/|\d{1,2}\.\d{1,2}\.)((?:19|20)\d\d))");
  std::vector<YearMention> out;
  re2::StringPiece input(folded.data(), folded.size());
  re2::StringPiece lead, year;
  while (RE2::FindAndConsume(&input, kDate, &lead, &year)) {
    size_t b = lead.data() - folded.data();
    size_t e = year.data() + year.size() - folded.data();
    // Part of a longer number or code: "1.20.10.2021", "20.10.2021.5".
    auto joins = [](char c) { return isdigit(static_cast<unsigned char>(c)) || c == '/' || c == '.'; };
    if (b > 0 && joins(folded[b - 1])) continue;
    if (e < folded.size() && (joins(folded[e]) && e + 1 < folded.size() && isdigit(static_cast<unsigned char>(folded[e + 1]))))
      continue;
    if (e < folded.size() && (isdigit(static_cast<unsigned char>(folded[e])) || folded[e] == '/')) continue;
    YearMention m;
    m.begin = b;
    m.end = e;
    m.year_begin = year.data() - folded.data();
    m.period = std::string(year.data(), year.size());
    out.push_back(m);
  }
  return out;
}

}  // namespace chitieu
