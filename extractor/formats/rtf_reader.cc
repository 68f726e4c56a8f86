#include "extractor/formats/rtf_reader.h"

#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <set>
#include <string>
#include <vector>

namespace chitieu {
namespace {

constexpr size_t kMaxGroupDepth = 512;
// Most text read, as for a plain text file (source_text.h's 16 MiB); the file
// itself may be larger, pictures take most of many.
constexpr size_t kMaxTextBytes = 16u << 20;

// Groups that hold no body text (RTF 1.9.1 destinations).
const std::set<std::string>& skipped_destinations() {
  static const std::set<std::string> kSkipped = {
      "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "header", "headerl", "headerr", "headerf",
      "footer", "footerl", "footerr", "footerf", "footnote", "fldinst", "themedata", "colorschememapping",
      "datastore", "latentstyles", "listtable", "listoverridetable", "rsidtbl", "generator", "xmlnstbl",
      "mmathPr", "filetbl", "revtbl", "pgdsctbl", "shppict", "nonshppict", "annotation", "atnid", "atnauthor",
      "bkmkstart", "bkmkend", "template", "docvar", "userprops", "wgrffmtfilter", "fchars", "lchars", "sp"};
  return kSkipped;
}

void append_utf8(uint32_t cp, std::string* out) {
  if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Bytes of code page `codepage` ("\'e1") into UTF-8, by iconv.
std::string decode_codepage(const std::string& bytes, int codepage) {
  std::string name = "CP" + std::to_string(codepage);
  iconv_t cd = iconv_open("UTF-8", name.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) cd = iconv_open("UTF-8", "CP1252");
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::string(bytes.size(), '?');
  std::string out(bytes.size() * 4 + 8, '\0');
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size(), out_left = out.size();
  char* o = out.data();
  while (in_left > 0) {
    if (iconv(cd, &in, &in_left, &o, &out_left) != static_cast<size_t>(-1)) break;
    if (errno == E2BIG) break;
    // An undefined byte: U+FFFD, then go on.
    if (out_left >= 3) {
      std::memcpy(o, "\xEF\xBF\xBD", 3);
      o += 3;
      out_left -= 3;
    }
    ++in;
    --in_left;
  }
  iconv(cd, nullptr, nullptr, &o, &out_left);
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

class RtfParser {
 public:
  RtfParser(std::string_view in, DocumentLines* out) : in_(in), out_(out) {
    for (size_t i = 0; i < in.size(); ++i)
      if (in[i] == '\n') newlines_.push_back(i);
    groups_.push_back(Group());
  }

  Status run() {
    while (pos_ < in_.size()) {
      char c = in_[pos_];
      if (c == '{') {
        if (groups_.size() > kMaxGroupDepth) return Status::Error("rtf: groups nested too deeply");
        flush_bytes();
        groups_.push_back(groups_.back());
        fresh_ = true;
        ++pos_;
      } else if (c == '}') {
        flush_bytes();
        if (groups_.size() > 1) groups_.pop_back();
        fresh_ = false;
        ++pos_;
      } else if (c == '\\') {
        control();
      } else if (c == '\r' || c == '\n') {
        ++pos_;
      } else {
        fresh_ = false;
        if (static_cast<unsigned char>(c) >= 0x80) {
          byte(static_cast<unsigned char>(c), pos_, pos_ + 1);
        } else {
          flush_bytes();
          text(std::string(1, c), pos_, pos_ + 1);
        }
        ++pos_;
      }
      if (out_->over_limit()) return out_->too_many_lines();
      if (text_bytes_ > kMaxTextBytes) return Status::Error("rtf: too much text (over 16 MiB)");
    }
    flush_bytes();
    if (!line_.empty()) end_line();
    return Status::Ok();
  }

 private:
  struct Group {
    int uc = 1;           // fallback characters after \uN
    bool skip = false;    // a destination that is not body text
  };

  void control() {
    size_t start = pos_++;
    if (pos_ >= in_.size()) return;
    char c = in_[pos_];
    if (!std::isalpha(static_cast<unsigned char>(c))) {
      ++pos_;
      symbol(c, start);
      return;
    }
    size_t name_start = pos_;
    while (pos_ < in_.size() && std::isalpha(static_cast<unsigned char>(in_[pos_])) && pos_ - name_start < 32) ++pos_;
    std::string word(in_.substr(name_start, pos_ - name_start));
    bool has_param = false;
    long param = 0;
    size_t num_start = pos_;
    if (pos_ < in_.size() && (in_[pos_] == '-' || std::isdigit(static_cast<unsigned char>(in_[pos_])))) {
      ++pos_;
      while (pos_ < in_.size() && std::isdigit(static_cast<unsigned char>(in_[pos_])) && pos_ - num_start < 11) ++pos_;
      param = std::strtol(std::string(in_.substr(num_start, pos_ - num_start)).c_str(), nullptr, 10);
      has_param = pos_ - num_start > (in_[num_start] == '-' ? 1u : 0u);
    }
    if (pos_ < in_.size() && in_[pos_] == ' ') ++pos_;
    bool was_fresh = fresh_;
    fresh_ = false;
    if (was_fresh && skipped_destinations().count(word)) groups_.back().skip = true;
    word_(word, has_param, param, start);
  }

  void word_(const std::string& w, bool has_param, long param, size_t start) {
    if (w == "bin" && has_param && param > 0) {
      pos_ = std::min(in_.size(), pos_ + static_cast<size_t>(param));
      return;
    }
    if (w == "uc") {
      groups_.back().uc = has_param ? static_cast<int>(std::clamp(param, 0L, 8L)) : 1;
      return;
    }
    if (w == "ansicpg" && has_param) {
      codepage_ = static_cast<int>(param);
      return;
    }
    if (w == "u" && has_param) {
      flush_bytes();
      std::string s;
      append_utf8(static_cast<uint32_t>(param < 0 ? param + 65536 : param), &s);
      text(s, start, pos_);
      skip_fallback_ = groups_.back().uc;
      return;
    }
    if (skip_fallback_ > 0) --skip_fallback_;  // a control word counts as one fallback character
    if (w == "par" || w == "line" || w == "sect" || w == "page") {
      flush_bytes();
      if (in_table_) space();
      else end_line();
    } else if (w == "pard") {
      in_table_ = false;
    } else if (w == "intbl") {
      in_table_ = true;
    } else if (w == "cell" || w == "nestcell") {
      flush_bytes();
      while (!line_.empty() && line_.back() == ' ') line_.pop_back();
      if (!groups_.back().skip) line_ += '\t';
    } else if (w == "row" || w == "nestrow") {
      flush_bytes();
      if (!line_.empty() && line_.back() == '\t') line_.pop_back();
      end_line();
    } else if (w == "tab") {
      if (!groups_.back().skip) space();
    } else {
      static const struct { const char* word; const char* text; } kSymbols[] = {
          {"emdash", "\u2014"}, {"endash", "\u2013"}, {"bullet", "\u2022"}, {"lquote", "\u2018"},
          {"rquote", "\u2019"}, {"ldblquote", "\u201C"}, {"rdblquote", "\u201D"}, {"emspace", " "},
          {"enspace", " "}, {"qmspace", " "}};
      for (const auto& s : kSymbols)
        if (w == s.word) text(s.text, start, pos_);
    }
  }

  void symbol(char c, size_t start) {
    if (c == '\'') {
      if (pos_ + 2 > in_.size()) return;
      char hex[3] = {in_[pos_], in_[pos_ + 1], 0};
      pos_ += 2;
      byte(static_cast<unsigned char>(std::strtoul(hex, nullptr, 16)), start, pos_);
      return;
    }
    fresh_ = false;
    if (c == '*') {
      groups_.back().skip = true;  // an optional destination: never body text
    } else if (c == '{' || c == '}' || c == '\\') {
      flush_bytes();
      text(std::string(1, c), start, pos_);
    } else if (c == '~') {
      text("\u00A0", start, pos_);
    } else if (c == '_') {
      text("-", start, pos_);
    } else if (c == '\n' || c == '\r') {
      flush_bytes();
      in_table_ ? space() : end_line();
    }
  }

  // A code page byte; decoded with its neighbours so multi-byte code pages
  // and CP1258's combining tones come out whole.
  void byte(unsigned char b, size_t begin, size_t end) {
    if (groups_.back().skip) return;
    if (skip_fallback_ > 0) {
      --skip_fallback_;
      return;
    }
    if (bytes_.empty()) bytes_begin_ = begin;
    bytes_ += static_cast<char>(b);
    bytes_end_ = end;
  }

  void flush_bytes() {
    if (bytes_.empty()) return;
    std::string decoded = decode_codepage(bytes_, codepage_);
    bytes_.clear();
    append(decoded, bytes_begin_, bytes_end_);
  }

  void text(const std::string& s, size_t begin, size_t end) {
    if (groups_.back().skip) return;
    if (skip_fallback_ > 0) {
      --skip_fallback_;
      return;
    }
    append(s, begin, end);
  }

  // A space the structure implies (a paragraph inside a cell, a tab), once.
  void space() {
    if (!line_.empty() && line_.back() != ' ' && line_.back() != '\t') line_ += ' ';
  }

  void append(const std::string& s, size_t begin, size_t end) {
    line_ += s;
    text_bytes_ += s.size();
    if (end > begin) {
      begin_ = std::min<uint64_t>(begin_, begin);
      end_ = std::max<uint64_t>(end_, end);
    }
  }

  void end_line() {
    while (!line_.empty() && (line_.back() == ' ' || line_.back() == '\t')) line_.pop_back();
    LineSource src;
    if (begin_ <= end_) {
      src.begin = begin_;
      src.end = end_;
      src.line = static_cast<uint32_t>(std::upper_bound(newlines_.begin(), newlines_.end(), begin_) -
                                       newlines_.begin() + 1);
    }
    if (!(line_.empty() && out_->lines.empty())) out_->add(line_, src);
    line_.clear();
    begin_ = std::numeric_limits<uint64_t>::max();
    end_ = 0;
  }

  std::string_view in_;
  DocumentLines* out_;
  size_t pos_ = 0;
  std::vector<Group> groups_;
  std::vector<size_t> newlines_;
  bool fresh_ = false, in_table_ = false;
  int codepage_ = 1252, skip_fallback_ = 0;
  size_t text_bytes_ = 0;
  std::string bytes_;
  size_t bytes_begin_ = 0, bytes_end_ = 0;
  std::string line_;
  uint64_t begin_ = std::numeric_limits<uint64_t>::max(), end_ = 0;
};

}  // namespace

Status read_rtf(std::string_view bytes, DocumentLines* out) {
  out->clear();
  RtfParser parser(bytes, out);
  Status st = parser.run();
  if (!st.ok()) return st;
  if (out->lines.empty()) return Status::Error("rtf without text");
  out->converted_by = "chitieu RTF reader (body text, tables as tab rows)";
  return Status::Ok();
}

}  // namespace chitieu
