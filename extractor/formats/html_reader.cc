#include "extractor/formats/html_reader.h"

#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace chitieu {
namespace {

// Deeper markup than any web page has is an attack on the walker's stack.
constexpr int kMaxElementDepth = 256;

// ---- where each run of text is in the file -------------------------------

// A run of text the parser reported: `length` bytes at `offset` in its text
// node's content, read from file bytes [file_begin, file_end).
struct Piece {
  size_t offset = 0, length = 0;
  uint64_t file_begin = 0, file_end = 0;
};

struct Locator {
  std::string_view file;
  size_t cursor = 0;  // the file is read in order: the next run is after this
  std::unordered_map<const xmlNode*, std::vector<Piece>> pieces;

  // The run `text` the parser reported when it had read up to `position`.
  void locate(const xmlNode* node, size_t offset, std::string_view text, size_t position) {
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return;
    size_t window_end = std::min(file.size(), position + 8);
    size_t at = std::string_view::npos;
    if (cursor < window_end) at = file.substr(cursor, window_end - cursor).rfind(text);
    if (at != std::string_view::npos) {
      at += cursor;
    } else {
      at = file.find(text, cursor);  // the parser's position was behind
    }
    Piece p{offset, text.size(), 0, 0};
    if (at != std::string_view::npos) {
      p.file_begin = at;
      p.file_end = at + text.size();
      cursor = p.file_end;
    } else {
      // Decoded text (an entity, a charset other than UTF-8): where the
      // parser was is as close as the file gets.
      p.file_begin = p.file_end = std::min(position, file.size());
    }
    pieces[node].push_back(p);
  }
};

void on_characters(void* ctx, const xmlChar* ch, int len) {
  auto* ctxt = static_cast<htmlParserCtxtPtr>(ctx);
  auto* locator = static_cast<Locator*>(ctxt->_private);
  xmlNodePtr parent = ctxt->node;
  xmlNodePtr last = parent ? parent->last : nullptr;
  size_t before = last && last->type == XML_TEXT_NODE && last->content
                      ? std::strlen(reinterpret_cast<const char*>(last->content))
                      : 0;
  xmlSAX2Characters(ctx, ch, len);
  xmlNodePtr now = parent ? parent->last : nullptr;
  if (now == nullptr || now->type != XML_TEXT_NODE || ctxt->input == nullptr) return;
  if (now != last) before = 0;
  size_t position = static_cast<size_t>(ctxt->input->consumed) +
                    static_cast<size_t>(ctxt->input->cur - ctxt->input->base);
  locator->locate(now, before, std::string_view(reinterpret_cast<const char*>(ch), static_cast<size_t>(len)),
                  position);
}

// ---- which elements hold the main text -----------------------------------

bool named(const xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE && n->name && xmlStrcasecmp(n->name, BAD_CAST name) == 0;
}

std::string attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, BAD_CAST name);
  if (v == nullptr) return "";
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool any_of(const xmlNode* n, std::initializer_list<const char*> names) {
  for (const char* name : names)
    if (named(n, name)) return true;
  return false;
}

// A class or id word that names page furniture: "main-menu", "breadcrumb"…
bool names_furniture(const std::string& words) {
  static const char* kWords[] = {"menu", "navbar", "breadcrumb", "sidebar", "footer", "social", "share", "cookie"};
  for (const char* w : kWords)
    if (words.find(w) != std::string::npos) return true;
  size_t nav = words.find("nav");
  return nav != std::string::npos && (nav + 3 == words.size() || !std::isalpha(static_cast<unsigned char>(words[nav + 3])));
}

// `in_article`: inside <main> or <article>, whose <header> holds the title.
bool is_furniture(const xmlNode* n, bool in_article = false) {
  if (any_of(n, {"script", "style", "noscript", "template", "head", "nav", "footer", "aside", "form",
                 "button", "select", "textarea", "iframe", "svg", "canvas", "object", "embed", "menu", "dialog"}))
    return true;
  if (named(n, "header") && !in_article) return true;
  std::string role = attr(n, "role");
  if (role == "navigation" || role == "banner" || role == "contentinfo" || role == "search" ||
      role == "complementary" || role == "menu" || role == "menubar")
    return true;
  if (attr(n, "aria-hidden") == "true" || xmlHasProp(n, BAD_CAST "hidden")) return true;
  return names_furniture(attr(n, "class")) || names_furniture(attr(n, "id"));
}

void find_main(xmlNode* n, std::vector<xmlNode*>* mains, std::vector<xmlNode*>* articles, int depth) {
  for (xmlNode* c = n->children; c && depth < kMaxElementDepth; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || is_furniture(c)) continue;
    if (named(c, "main") || attr(c, "role") == "main") {
      mains->push_back(c);
      continue;
    }
    if (named(c, "article")) {
      articles->push_back(c);
      continue;
    }
    find_main(c, mains, articles, depth + 1);
  }
}

bool has_table(const xmlNode* n, int depth) {
  for (const xmlNode* c = n->children; c && depth < kMaxElementDepth; c = c->next) {
    if (named(c, "table") || (c->type == XML_ELEMENT_NODE && has_table(c, depth + 1))) return true;
  }
  return false;
}

bool is_block(const xmlNode* n) {
  return any_of(n, {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
                    "section", "article", "main", "blockquote", "pre", "table", "tr", "td", "th", "thead",
                    "tbody", "tfoot", "caption", "figure", "figcaption", "hr", "address", "center", "body",
                    "html", "fieldset", "details", "summary"});
}

// ---- the text, line by line ----------------------------------------------

class LineWriter {
 public:
  LineWriter(const Locator& locator, DocumentLines* out) : locator_(locator), out_(out) {
    for (size_t i = 0; i < locator.file.size(); ++i)
      if (locator.file[i] == '\n') newlines_.push_back(i);
  }

  // Text node content, white space collapsed (kept in <pre>).
  void text(const xmlNode* node, bool pre) {
    const char* s = reinterpret_cast<const char*>(node->content);
    if (s == nullptr) return;
    auto it = locator_.pieces.find(node);
    size_t n = std::strlen(s);
    for (size_t i = 0; i < n; ++i) {
      char c = s[i];
      if (pre && c == '\n') {
        end_line();
        continue;
      }
      if (!pre && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')) {
        space_ = !line_.empty() && !after_tab_;
        continue;
      }
      if (space_) line_ += ' ';
      space_ = false;
      after_tab_ = false;
      line_ += c == '\t' ? ' ' : c;
      if (it != locator_.pieces.end()) cover(it->second, i);
    }
  }

  void space() { space_ = !line_.empty() && !after_tab_; }

  void cell_break(int extra_empty_cells) {
    while (!line_.empty() && line_.back() == ' ') line_.pop_back();
    line_.append(1 + static_cast<size_t>(extra_empty_cells), '\t');
    space_ = false;
    after_tab_ = true;
  }

  void end_line() {
    while (!line_.empty() && (line_.back() == ' ' || line_.back() == '\t')) line_.pop_back();
    if (line_.find_first_not_of(" \t") != std::string::npos) {
      LineSource src;
      if (begin_ <= end_) {
        src.begin = begin_;
        src.end = end_;
        src.line = static_cast<uint32_t>(std::upper_bound(newlines_.begin(), newlines_.end(), begin_) -
                                         newlines_.begin() + 1);
      }
      out_->add(line_, src);
    }
    line_.clear();
    space_ = after_tab_ = false;
    begin_ = std::numeric_limits<uint64_t>::max();
    end_ = 0;
  }

 private:
  // Widens the line's file range by the piece holding content byte `i`.
  void cover(const std::vector<Piece>& pieces, size_t i) {
    for (const Piece& p : pieces) {
      if (i < p.offset || i >= p.offset + p.length) continue;
      begin_ = std::min(begin_, p.file_begin);
      end_ = std::max(end_, p.file_end);
      return;
    }
  }

  const Locator& locator_;
  DocumentLines* out_;
  std::vector<size_t> newlines_;
  std::string line_;
  bool space_ = false, after_tab_ = false;
  uint64_t begin_ = std::numeric_limits<uint64_t>::max(), end_ = 0;
};

class Walker {
 public:
  Walker(LineWriter* w, bool in_article) : w_(w), in_article_(in_article) {}

  // `inline_only`: inside a table cell, where blocks are joined by spaces.
  void walk(const xmlNode* n, bool inline_only, bool pre, int depth) {
    if (depth > kMaxElementDepth) return;
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
        w_->text(c, pre);
      } else if (c->type != XML_ELEMENT_NODE || is_furniture(c, in_article_)) {
        continue;
      } else if (named(c, "br")) {
        inline_only ? w_->space() : w_->end_line();
      } else if (named(c, "table") && !inline_only && !has_table(c, 0)) {
        w_->end_line();
        table(c, depth + 1);
      } else if (is_block(c)) {
        inline_only ? w_->space() : w_->end_line();
        walk(c, inline_only, pre || named(c, "pre"), depth + 1);
        inline_only ? w_->space() : w_->end_line();
      } else {
        walk(c, inline_only, pre, depth + 1);
      }
    }
  }

 private:
  // A data table: a line per row, cells separated by tabs.
  void table(const xmlNode* n, int depth) {
    if (depth > kMaxElementDepth) return;
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE || is_furniture(c, in_article_)) continue;
      if (named(c, "tr")) {
        row(c, depth + 1);
      } else if (named(c, "caption")) {
        walk(c, false, false, depth + 1);
        w_->end_line();
      } else {
        table(c, depth + 1);  // thead, tbody, tfoot
      }
    }
  }

  void row(const xmlNode* tr, int depth) {
    bool first = true;
    for (const xmlNode* c = tr->children; c; c = c->next) {
      if (!named(c, "td") && !named(c, "th")) continue;
      if (!first) w_->cell_break(0);
      first = false;
      walk(c, true, false, depth + 1);
      std::string span = attr(c, "colspan");
      int extra = span.empty() ? 0 : std::clamp(std::atoi(span.c_str()), 1, 64) - 1;
      if (extra > 0) w_->cell_break(extra - 1);
    }
    w_->end_line();
  }

  LineWriter* w_;
  bool in_article_;
};

bool valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct CtxtFree {
  void operator()(htmlParserCtxt* c) const { htmlFreeParserCtxt(c); }
};

}  // namespace

Status read_html(std::string_view bytes, DocumentLines* out) {
  // The parser's tree takes several times the page: a bound as for plain text.
  if (bytes.size() > kMaxHtmlBytes) {
    return Status::Error("web page too large (" + std::to_string(bytes.size()) + " bytes; limit " +
                         std::to_string(kMaxHtmlBytes) + ")");
  }
  std::unique_ptr<htmlParserCtxt, CtxtFree> ctxt(htmlNewParserCtxt());
  if (!ctxt || ctxt->sax == nullptr) return Status::Error("html: cannot parse (out of memory)");
  Locator locator;
  locator.file = bytes;
  ctxt->_private = &locator;
  ctxt->sax->characters = on_characters;
  // A page without a charset declaration is most often UTF-8 here; libxml2
  // would take it for Latin-1.
  const char* encoding = valid_utf8(bytes) ? "UTF-8" : nullptr;
  std::unique_ptr<xmlDoc, DocFree> doc(
      htmlCtxtReadMemory(ctxt.get(), bytes.data(), static_cast<int>(bytes.size()), nullptr, encoding,
                         HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
  if (!doc) return Status::Error("html: cannot parse");
  xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr) return Status::Error("html without text");

  std::vector<xmlNode*> mains, articles;
  find_main(root, &mains, &articles, 0);
  std::vector<xmlNode*> roots = !mains.empty() ? std::vector<xmlNode*>{mains.front()}
                                : !articles.empty() ? articles
                                                    : std::vector<xmlNode*>{root};
  out->clear();
  LineWriter writer(locator, out);
  Walker walker(&writer, roots.front() != root);
  for (xmlNode* r : roots) {
    walker.walk(r, false, false, 0);
    writer.end_line();
  }
  if (out->over_limit()) return out->too_many_lines();
  if (out->lines.empty()) return Status::Error("html without text");
  out->converted_by = std::string("libxml2 ") + LIBXML_DOTTED_VERSION + " HTML parser (main text, tables as tab rows)";
  return Status::Ok();
}

}  // namespace chitieu
