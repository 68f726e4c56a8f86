#include "extractor/formats/pdf_reader.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <vector>

#include "extractor/formats/page_furniture.h"

namespace chitieu {
namespace {

// Poppler reports through one global callback; the first message of the
// current read explains a failure better than "cannot be parsed".
thread_local std::string* poppler_message = nullptr;

void on_poppler_message(const std::string& message, void*) {
  if (poppler_message != nullptr && poppler_message->empty()) *poppler_message = message;
}

void silence_poppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(&on_poppler_message, nullptr); });
}

// A word in the coordinates of its own writing direction: `along` grows in
// reading direction, `across` is the centre line of the word's line.
struct Word {
  std::string text;
  int rotation = 0;
  double along = 0, along_end = 0, across = 0, size = 0;
  bool space_after = false;
};

Word make_word(const poppler::text_box& box) {
  Word w;
  poppler::byte_array utf8 = box.text().to_utf8();
  w.text.assign(utf8.begin(), utf8.end());
  w.rotation = box.rotation();
  w.space_after = box.has_space_after();
  poppler::rectf r = box.bbox();
  double x0 = r.left(), x1 = r.right(), y0 = r.top(), y1 = r.bottom();
  switch (w.rotation) {
    case 1:  // top to bottom
      w.along = y0, w.along_end = y1, w.across = -(x0 + x1) / 2, w.size = x1 - x0;
      break;
    case 2:  // upside down
      w.along = -x1, w.along_end = -x0, w.across = -(y0 + y1) / 2, w.size = y1 - y0;
      break;
    case 3:  // bottom to top
      w.along = -y1, w.along_end = -y0, w.across = (x0 + x1) / 2, w.size = x1 - x0;
      break;
    default:
      w.along = x0, w.along_end = x1, w.across = (y0 + y1) / 2, w.size = y1 - y0;
  }
  return w;
}

// Whether `next` goes on the line `prev` ends: same direction, centre lines
// within half a glyph height (a superscript stays), and not back to the left.
bool same_line(const Word& prev, const Word& next) {
  if (prev.rotation != next.rotation) return false;
  double size = std::max(1.0, std::min(prev.size, next.size));
  if (std::fabs(next.across - prev.across) > size / 2) return false;
  return next.along >= prev.along_end - size;
}

void read_page(const poppler::page& page, uint32_t number, DocumentLines* out, size_t* words) {
  std::vector<poppler::text_box> boxes = page.text_list();
  *words += boxes.size();
  std::string line;
  Word prev;
  bool open = false;
  for (const poppler::text_box& box : boxes) {
    Word w = make_word(box);
    // Poppler flags the space only between words it put on one of its own
    // lines. Words on one baseline that it put in separate blocks are table
    // cells or tab-aligned columns when far apart — each becomes a line, the
    // one-cell-per-line shape table_reader.h reads — and words of one phrase
    // when close ("- 7 -" centred at the foot), told apart by the gap as its
    // word breaker does.
    double size = std::max(1.0, std::min(prev.size, w.size));
    double gap = w.along - prev.along_end;
    bool column_break = !prev.space_after && gap > 0.6 * size;
    if (open && same_line(prev, w) && !column_break) {
      if (prev.space_after || gap > 0.1 * size) line += ' ';
    } else if (open) {
      out->add(line, number);
      line.clear();
    }
    line += w.text;
    prev = std::move(w);
    open = true;
  }
  if (open) out->add(line, number);
}

Status read_pdf_or_throw(std::string_view bytes, DocumentLines* out, bool* no_text_layer) {
  silence_poppler();
  // Every PDF ends with %%EOF (after at most some trailing junk); without it
  // the file was cut short, and Poppler would quietly read what is left.
  std::string_view tail = bytes.substr(bytes.size() > 2048 ? bytes.size() - 2048 : 0);
  if (tail.find("%%EOF") == std::string_view::npos) {
    return Status::Error("truncated PDF (no %%EOF at the end)");
  }
  if (bytes.size() > static_cast<size_t>(INT32_MAX)) return Status::Error("PDF too large");

  std::string message;
  poppler_message = &message;
  struct Reset {
    ~Reset() { poppler_message = nullptr; }
  } reset;

  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) {
    return Status::Error("corrupt PDF: " + (message.empty() ? std::string("cannot be parsed") : message));
  }
  if (doc->is_locked()) return Status::Error("encrypted PDF (a password is needed to open it)");
  const int pages = doc->pages();
  if (pages <= 0) {
    return Status::Error("corrupt PDF: no pages" + (message.empty() ? "" : " (" + message + ")"));
  }

  out->clear();
  size_t words = 0;
  for (int i = 0; i < pages; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) return Status::Error("corrupt PDF: page " + std::to_string(i + 1) + " cannot be read");
    read_page(*page, static_cast<uint32_t>(i + 1), out, &words);
    if (out->over_limit()) return out->too_many_lines();
  }
  if (words == 0) {
    if (no_text_layer != nullptr) {
      *no_text_layer = true;
      return Status::Ok();
    }
    return Status::Error("PDF without a text layer (" + std::to_string(pages) +
                         (pages == 1 ? " page" : " pages") + ", a scan?)");
  }
  mark_page_furniture(out);
  return Status::Ok();
}

}  // namespace

Status read_pdf(std::string_view bytes, DocumentLines* out, bool* no_text_layer) {
  if (no_text_layer != nullptr) *no_text_layer = false;
  try {
    return read_pdf_or_throw(bytes, out, no_text_layer);
  } catch (const std::bad_alloc&) {
    return Status::Error("PDF too large to read (out of memory)");
  } catch (const std::exception& e) {
    return Status::Error(std::string("cannot read PDF: ") + e.what());
  } catch (...) {
    return Status::Error("cannot read PDF");
  }
}

}  // namespace chitieu
