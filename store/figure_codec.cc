#include "store/figure_codec.h"

#include <unicode/utf8.h>

#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>

namespace chitieu {
namespace {

using json = nlohmann::json;

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string string_at(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Writes JSON text exactly as nlohmann's dump(-1, ' ', false, replace) would
// for the same values (keys given in the order a std::map sorts them), without
// building the json objects first: the store writes a reading per figure, and
// building them was a tenth of the writer's time.
class JsonWriter {
 public:
  void key(const char* k) {
    comma();
    out_ += '"';
    out_ += k;
    out_ += "\":";
    first_ = true;  // the value follows without a comma
  }
  void string(std::string_view s) {
    comma();
    if (plain(s)) {
      out_ += '"';
      out_.append(s);
      out_ += '"';
    } else {
      out_ += dump(json(std::string(s)));  // escapes and replaced bytes: as nlohmann does
    }
    first_ = false;
  }
  void number(double v) {
    comma();
    if (!std::isfinite(v)) {
      out_ += "null";
    } else {
      char buf[64];
      out_.append(buf, static_cast<size_t>(nlohmann::detail::to_chars(buf, buf + sizeof buf, v) - buf));
    }
    first_ = false;
  }
  void strings(const std::vector<std::string>& list) {
    open('[');
    for (const std::string& s : list) string(s);
    close(']');
  }
  void open(char c) {
    comma();
    out_ += c;
    first_ = true;
  }
  void close(char c) {
    out_ += c;
    first_ = false;
  }
  std::string take() { return std::move(out_); }

 private:
  void comma() {
    if (!first_) out_ += ',';
  }
  // Valid UTF-8 with nothing to escape: written as it is.
  static bool plain(std::string_view s) {
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    for (int32_t i = 0, n = static_cast<int32_t>(s.size()); i < n;) {
      uint8_t b = p[i];
      if (b < 0x80) {
        if (b < 0x20 || b == '"' || b == '\\') return false;
        ++i;
        continue;
      }
      UChar32 c;
      U8_NEXT(p, i, n, c);
      if (c < 0) return false;
    }
    return true;
  }
  std::string out_;
  bool first_ = true;
};

}  // namespace

std::string warnings_to_json(const std::vector<Warning>& warnings) {
  if (warnings.empty()) return "[]";  // most figures: as nlohmann writes an empty array
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
  // The keys of each object in byte order, as nlohmann's std::map keeps them.
  const Reading& r = f.reading;
  JsonWriter w;
  w.open('{');
  w.key("kind");
  w.open('{');
  w.key("reason");
  w.string(r.kind_reason);
  w.key("value");
  w.string(kind_text(f.kind));
  w.close('}');
  w.key("numbers");
  w.open('[');
  for (const NumberReading& n : r.numbers) {
    w.open('{');
    w.key("reading");
    w.string(n.reading);
    w.key("value");
    w.number(n.value);
    w.key("written");
    w.string(n.written);
    w.close('}');
  }
  w.close(']');
  w.key("qualifier");
  w.open('{');
  w.key("after");
  w.string(r.qualifier_after);
  w.key("before");
  w.strings(r.qualifier_before);
  w.key("comparator");
  w.string(comparator_text(f.comparator));
  w.key("decided_by");
  w.string(r.comparator_decided_by);
  w.close('}');
  if (r.scale != 1.0) {
    w.key("scale");
    w.number(r.scale);
  }
  if (!r.source.empty()) {
    w.key("source");
    w.string(r.source);
  }
  w.key("unit");
  w.open('{');
  w.key("code");
  w.string(f.unit);
  if (!r.unit_from_indicator.empty()) {
    w.key("from_indicator");
    w.string(r.unit_from_indicator);
  }
  if (!r.unit_words.empty()) {
    w.key("words");
    w.strings(r.unit_words);
  }
  w.key("written");
  w.string(r.unit_written);
  w.close('}');
  w.key("year");
  w.open('{');
  w.key("source");
  w.string(r.year_source);
  w.key("value");
  w.string(f.year);
  w.close('}');
  w.close('}');
  return w.take();
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
