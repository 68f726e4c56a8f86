#include "extractor/formats/docx_reader.h"

#include "extractor/formats/zip_parts.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <new>
#include <pugixml.hpp>
#include <string>

namespace chitieu {
namespace {

// Deeper XML than any Word file has is an attack on the walker's stack.
constexpr int kMaxXmlDepth = 256;

// Element name without its namespace prefix: documents written by other tools
// than Word may bind the WordprocessingML namespace to another prefix.
const char* local_name(const pugi::xml_node& n) {
  const char* name = n.name();
  const char* colon = std::strrchr(name, ':');
  return colon ? colon + 1 : name;
}

bool is(const pugi::xml_node& n, const char* local) {
  return n.type() == pugi::node_element && std::strcmp(local_name(n), local) == 0;
}

pugi::xml_node child_named(const pugi::xml_node& n, const char* local) {
  for (pugi::xml_node c : n.children())
    if (is(c, local)) return c;
  return pugi::xml_node();
}

std::string attribute(const pugi::xml_node& n, const char* local) {
  for (pugi::xml_attribute a : n.attributes()) {
    const char* name = a.name();
    const char* colon = std::strrchr(name, ':');
    if (std::strcmp(colon ? colon + 1 : name, local) == 0) return a.value();
  }
  return "";
}

// The main document part named by the package relationships; Word always
// writes word/document.xml, other producers sometimes another name.
std::string main_part_name(const std::string& rels_xml) {
  pugi::xml_document doc;
  if (!doc.load_buffer(rels_xml.data(), rels_xml.size())) return "word/document.xml";
  for (pugi::xml_node r : doc.document_element().children()) {
    if (!is(r, "Relationship")) continue;
    std::string type = attribute(r, "Type");
    if (type.size() >= 15 && type.compare(type.size() - 15, 15, "/officeDocument") == 0) {
      std::string target = attribute(r, "Target");
      while (!target.empty() && target[0] == '/') target.erase(0, 1);
      if (!target.empty()) return target;
    }
  }
  return "word/document.xml";
}

class Walker {
 public:
  Walker(DocumentLines* out, bool paged) : out_(out), paged_(paged) {}

  Status body(const pugi::xml_node& container) {
    blocks(container, 0);
    end_line();
    return too_deep_ ? Status::Error("corrupt docx: XML nested too deeply") : Status::Ok();
  }

 private:
  // Block-level content: paragraphs and tables, and the wrappers that hold them.
  void blocks(const pugi::xml_node& container, int depth) {
    if (depth > kMaxXmlDepth) {
      too_deep_ = true;
      return;
    }
    for (pugi::xml_node c : container.children()) {
      if (is(c, "p")) {
        paragraph(c, depth + 1);
      } else if (is(c, "tbl")) {
        table(c, depth + 1);
      } else if (is(c, "sdt")) {
        blocks(child_named(c, "sdtContent"), depth + 1);
      } else if (is(c, "customXml") || is(c, "ins") || is(c, "moveTo") || is(c, "sdtContent")) {
        blocks(c, depth + 1);
      }
    }
  }

  // A paragraph is a line, an empty one too: the stored text keeps the
  // document's spacing.
  void paragraph(const pugi::xml_node& p, int depth) {
    inline_content(p, depth);
    if (in_cell_) separate_in_cell();
    else force_line();
  }

  void inline_content(const pugi::xml_node& n, int depth) {
    if (depth > kMaxXmlDepth) {
      too_deep_ = true;
      return;
    }
    for (pugi::xml_node c : n.children()) {
      if (c.type() != pugi::node_element) continue;
      const char* name = local_name(c);
      if (std::strcmp(name, "t") == 0) {
        text(c.child_value());
      } else if (std::strcmp(name, "tab") == 0) {
        text("\t");
      } else if (std::strcmp(name, "br") == 0 || std::strcmp(name, "cr") == 0) {
        if (in_cell_) separate_in_cell();
        else force_line();
      } else if (std::strcmp(name, "noBreakHyphen") == 0) {
        text("-");
      } else if (std::strcmp(name, "lastRenderedPageBreak") == 0) {
        ++page_;
      } else if (std::strcmp(name, "pPr") == 0 || std::strcmp(name, "rPr") == 0 ||
                 std::strcmp(name, "del") == 0 || std::strcmp(name, "moveFrom") == 0 ||
                 std::strcmp(name, "drawing") == 0 || std::strcmp(name, "pict") == 0 ||
                 std::strcmp(name, "object") == 0 || std::strcmp(name, "AlternateContent") == 0 ||
                 std::strcmp(name, "instrText") == 0 || std::strcmp(name, "delText") == 0) {
        // properties (tab stops are w:tab too), removed revisions, field
        // codes, pictures and text boxes: not running text
      } else {
        inline_content(c, depth + 1);  // r, hyperlink, ins, smartTag, sdt, fldSimple, …
      }
    }
  }

  void table(const pugi::xml_node& tbl, int depth) {
    if (depth > kMaxXmlDepth) {
      too_deep_ = true;
      return;
    }
    // A table starts on a line of its own even inside a cell.
    end_line();
    for (pugi::xml_node c : tbl.children()) {
      if (is(c, "tr")) {
        row(c, depth + 1);
      } else if (is(c, "sdt")) {
        table(child_named(c, "sdtContent"), depth + 1);
      } else if (is(c, "customXml") || is(c, "sdtContent")) {
        table(c, depth + 1);
      }
    }
  }

  void row(const pugi::xml_node& tr, int depth) {
    if (depth > kMaxXmlDepth) {
      too_deep_ = true;
      return;
    }
    for (pugi::xml_node c : tr.children()) {
      if (is(c, "tc")) {
        cell(c, depth + 1);
      } else if (is(c, "sdt")) {
        row(child_named(c, "sdtContent"), depth + 1);
      } else if (is(c, "customXml") || is(c, "sdtContent")) {
        row(c, depth + 1);
      }
    }
  }

  // One line per cell, its paragraphs joined by spaces; an empty cell is an
  // empty line, so the table keeps its shape for a reader of the stored text.
  void cell(const pugi::xml_node& tc, int depth) {
    bool outer = in_cell_;
    in_cell_ = true;
    blocks(tc, depth);
    trim_trailing_space();
    force_line();
    in_cell_ = outer;
  }

  void text(const char* s) {
    if (!line_page_set_) {
      for (const char* q = s; *q; ++q) {
        if (*q != ' ' && *q != '\t') {
          line_page_ = page_;
          line_page_set_ = true;
          break;
        }
      }
    }
    line_ += s;
  }

  void separate_in_cell() {
    if (!line_.empty() && line_.back() != ' ') line_ += ' ';
  }

  void trim_trailing_space() {
    while (!line_.empty() && line_.back() == ' ') line_.pop_back();
  }

  // Ends the current line unless nothing was written since the last one.
  void end_line() {
    if (!line_.empty()) force_line();
  }

  void force_line() {
    out_->add(line_, paged_ ? (line_page_set_ ? line_page_ : page_) : 0);
    line_.clear();
    line_page_set_ = false;
  }

  DocumentLines* out_;
  bool paged_;
  bool in_cell_ = false;
  bool too_deep_ = false;
  uint32_t page_ = 1;
  uint32_t line_page_ = 1;
  bool line_page_set_ = false;
  std::string line_;
};

Status read_docx_or_throw(std::string_view bytes, DocumentLines* out) {
  ZipParts zip("docx");
  Status st = zip.open(bytes);
  if (!st.ok()) return st;
  bool found = false;
  std::string xml;
  st = zip.read("_rels/.rels", &xml, &found);
  if (!st.ok()) return st;
  const std::string part = found ? main_part_name(xml) : "word/document.xml";
  st = zip.read(part, &xml, &found);
  if (!st.ok()) return st;
  if (!found) return Status::Error("docx without " + part);

  pugi::xml_document doc;
  // Whitespace-only runs (<w:t xml:space="preserve"> </w:t>) are text.
  pugi::xml_parse_result parsed = doc.load_buffer_inplace(
      xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single, pugi::encoding_auto);
  if (!parsed) {
    return Status::Error("corrupt docx: " + part + ": " + parsed.description() + " at byte " +
                         std::to_string(parsed.offset));
  }
  pugi::xml_node root = doc.document_element();
  pugi::xml_node body = child_named(root, "body");
  if (!is(root, "document") || !body) return Status::Error("corrupt docx: " + part + " has no w:body");

  // Page numbers only when Word recorded its page breaks.
  bool paged = false;
  struct Finder : pugi::xml_tree_walker {
    bool found = false;
    bool for_each(pugi::xml_node& n) override {
      if (is(n, "lastRenderedPageBreak")) found = true;
      return !found;
    }
  } finder;
  body.traverse(finder);
  paged = finder.found;

  out->clear();
  Walker walker(out, paged);
  st = walker.body(body);
  if (!st.ok()) return st;
  if (out->over_limit()) return out->too_many_lines();
  bool any = false;
  for (const std::string& l : out->lines) any |= l.find_first_not_of(" \t") != std::string::npos;
  if (!any) return Status::Error("docx without text");
  return Status::Ok();
}

}  // namespace

Status read_docx(std::string_view bytes, DocumentLines* out) {
  try {
    return read_docx_or_throw(bytes, out);
  } catch (const std::bad_alloc&) {
    return Status::Error("docx too large to read (out of memory)");
  } catch (const std::exception& e) {
    return Status::Error(std::string("cannot read docx: ") + e.what());
  } catch (...) {
    return Status::Error("cannot read docx");
  }
}

}  // namespace chitieu
