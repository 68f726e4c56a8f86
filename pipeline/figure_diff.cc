#include "pipeline/figure_diff.h"

#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "pipeline/export.h"
#include "store/figure_codec.h"

namespace chitieu {
namespace {

// Collects "name stored -> fresh" for each field that differs.
class Differences {
 public:
  void text(const char* name, const std::string& a, const std::string& b) {
    if (a != b) out_.push_back(std::string(name) + " " + quoted(a) + " -> " + quoted(b));
  }
  void number(const char* name, int64_t a, int64_t b) {
    if (a != b) out_.push_back(std::string(name) + " " + std::to_string(a) + " -> " + std::to_string(b));
  }
  void real(const char* name, double a, double b) {
    if (a == b) return;
    std::string x = format_number(a), y = format_number(b);
    if (x == y) {  // apart beyond 15 digits: show them all
      x = exact(a);
      y = exact(b);
    }
    out_.push_back(std::string(name) + " " + x + " -> " + y);
  }
  // A field too long to show (the reading): named only.
  void named(const char* name, bool differ) {
    if (differ) out_.push_back(std::string(name) + " differs");
  }
  std::vector<std::string> take() { return std::move(out_); }

 private:
  static std::string quoted(const std::string& s) { return nlohmann::json(s).dump(); }
  static std::string exact(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
  }
  std::vector<std::string> out_;
};

std::string warnings_text(const Figure& f) { return nlohmann::json(f.rendered_warnings()).dump(); }

}  // namespace

std::vector<std::string> figure_differences(const Figure& a, int64_t a_page, const Figure& b, int64_t b_page) {
  Differences d;
  d.number("line", a.line, b.line);
  d.number("line_end", a.line_end, b.line_end);
  d.number("char_start", a.char_start, b.char_start);
  d.number("char_end", a.char_end, b.char_end);
  d.number("number_line", a.number_line, b.number_line);
  d.number("page", a_page, b_page);
  d.text("quote", a.quote, b.quote);
  d.text("indicator", a.indicator.display(), b.indicator.display());
  d.text("parent", a.indicator.parent, b.indicator.parent);
  d.text("item", a.item, b.item);
  d.text("comparator", std::string(comparator_text(a.comparator)), std::string(comparator_text(b.comparator)));
  d.real("low", a.low, b.low);
  d.real("high", a.high, b.high);
  d.text("unit", a.unit, b.unit);
  d.text("counted", a.counted, b.counted);
  d.text("year", a.year, b.year);
  d.text("kind", std::string(kind_text(a.kind)), std::string(kind_text(b.kind)));
  d.text("change", std::string(change_text(a.change)), std::string(change_text(b.change)));
  d.text("number_text", a.number_text, b.number_text);
  d.text("unit_text", a.unit_text, b.unit_text);
  if (a.warnings != b.warnings) d.text("warnings", warnings_text(a), warnings_text(b));
  d.named("reading", reading_to_json(a) != reading_to_json(b));
  return d.take();
}

std::vector<std::string> header_differences(const DocumentHeader& a, const DocumentHeader& b) {
  Differences d;
  d.text("number", a.number, b.number);
  d.text("type", a.type, b.type);
  d.text("issuer", a.issuer, b.issuer);
  d.text("place", a.place, b.place);
  d.text("date", a.date, b.date);
  d.text("date_source", a.date_source, b.date_source);
  d.text("title", a.title, b.title);
  d.number("draft", a.is_draft, b.is_draft);
  d.text("period", a.period, b.period);
  d.number("period_line", a.period_line, b.period_line);
  d.text("period_quote", a.period_quote, b.period_quote);
  d.text("genre", std::string(genre_name(a.genre)), std::string(genre_name(b.genre)));
  return d.take();
}

std::string join_differences(const std::vector<std::string>& differences) {
  std::string out;
  for (const std::string& s : differences) out += (out.empty() ? "" : "; ") + s;
  return out;
}

FigurePairs pair_figures(const std::vector<const Figure*>& stored, const std::vector<Figure>& fresh) {
  FigurePairs out;
  std::vector<bool> stored_paired(stored.size()), fresh_paired(fresh.size());
  auto place = [](const Figure& f) { return std::make_tuple(f.line, f.char_start, f.line_end, f.char_end, f.number_line); };
  auto number = [](const Figure& f) { return std::make_tuple(f.number_line, f.number_text); };
  // Each key's unpaired fresh figures, in order; a stored figure takes the first.
  auto pass = [&](auto key) {
    std::map<decltype(key(fresh[0])), std::vector<size_t>> waiting;
    for (size_t j = fresh.size(); j-- > 0;)
      if (!fresh_paired[j]) waiting[key(fresh[j])].push_back(j);
    for (size_t i = 0; i < stored.size(); ++i) {
      if (stored_paired[i]) continue;
      auto it = waiting.find(key(*stored[i]));
      if (it == waiting.end() || it->second.empty()) continue;
      size_t j = it->second.back();
      it->second.pop_back();
      stored_paired[i] = fresh_paired[j] = true;
      out.pairs.emplace_back(i, j);
    }
  };
  if (!fresh.empty()) {
    pass(place);
    pass(number);
  }
  for (size_t i = 0; i < stored.size(); ++i)
    if (!stored_paired[i]) out.stored_only.push_back(i);
  for (size_t j = 0; j < fresh.size(); ++j)
    if (!fresh_paired[j]) out.fresh_only.push_back(j);
  return out;
}

}  // namespace chitieu
