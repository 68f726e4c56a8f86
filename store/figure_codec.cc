#include "store/figure_codec.h"

#include <nlohmann/json.hpp>

namespace chitieu {
namespace {

using json = nlohmann::json;

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string string_at(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::string warnings_to_json(const std::vector<Warning>& warnings) {
  json out = json::array();
  for (const Warning& w : warnings) {
    json one = {{"code", std::string(warning_code_name(w.code))}};
    if (!w.subject.empty()) one["subject"] = w.subject;
    if (!w.detail.empty()) one["detail"] = w.detail;
    out.push_back(std::move(one));
  }
  return dump(out);
}

std::vector<Warning> warnings_from_json(std::string_view text) {
  std::vector<Warning> out;
  json j = json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const json& x : j) {
    if (x.is_string()) {
      out.push_back({WarningCode::kOther, "", x.get<std::string>()});
    } else if (x.is_object()) {
      Warning w;
      w.code = parse_warning_code(string_at(x, "code")).value_or(WarningCode::kOther);
      w.subject = string_at(x, "subject");
      w.detail = string_at(x, "detail");
      out.push_back(std::move(w));
    }
  }
  return out;
}

std::string reading_to_json(const Figure& f) {
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
  return dump(j);
}

Reading reading_from_json(std::string_view text) {
  Reading r;
  json j = json::parse(text, nullptr, false);
  if (!j.is_object()) return r;
  r.source = string_at(j, "source");
  if (auto it = j.find("numbers"); it != j.end() && it->is_array())
    for (const json& n : *it) {
      if (!n.is_object()) continue;
      NumberReading nr;
      nr.written = string_at(n, "written");
      nr.value = n.value("value", 0.0);
      nr.reading = string_at(n, "reading");
      r.numbers.push_back(std::move(nr));
    }
  if (auto it = j.find("scale"); it != j.end() && it->is_number()) r.scale = it->get<double>();
  if (auto it = j.find("unit"); it != j.end() && it->is_object()) {
    r.unit_written = string_at(*it, "written");
    r.unit_from_indicator = string_at(*it, "from_indicator");
    if (auto w = it->find("words"); w != it->end() && w->is_array())
      for (const json& x : *w)
        if (x.is_string()) r.unit_words.push_back(x.get<std::string>());
  }
  if (auto it = j.find("qualifier"); it != j.end() && it->is_object()) {
    r.qualifier_after = string_at(*it, "after");
    r.comparator_decided_by = string_at(*it, "decided_by");
    if (auto b = it->find("before"); b != it->end() && b->is_array())
      for (const json& x : *b)
        if (x.is_string()) r.qualifier_before.push_back(x.get<std::string>());
  }
  if (auto it = j.find("year"); it != j.end() && it->is_object()) r.year_source = string_at(*it, "source");
  if (auto it = j.find("kind"); it != j.end() && it->is_object()) r.kind_reason = string_at(*it, "reason");
  return r;
}

}  // namespace chitieu
