#include "extractor/formats/ocr_lines.h"

#include <tesseract/resultiterator.h>

#include <algorithm>
#include <memory>

namespace chitieu {

std::vector<OcrLine> read_ocr_lines(tesseract::ResultIterator* it) {
  std::vector<OcrLine> lines;
  std::vector<LineBox> boxes;
  OcrLine line;
  LineBox box;
  double sum = 0;
  auto flush = [&] {
    if (!line.words.empty()) {
      line.confidence = static_cast<float>(sum / static_cast<double>(line.words.size()));
      lines.push_back(std::move(line));
      boxes.push_back(box);
    }
    line = OcrLine();
    sum = 0;
  };
  do {
    if (it->Empty(tesseract::RIL_WORD)) continue;
    if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) {
      flush();
      // The baseline, not the box: a line's box grows with its diacritics
      // and capitals, its baseline is where every line's letters stand.
      int x1 = 0, y1 = 0, x2 = 0, y2 = 0;
      box = it->Baseline(tesseract::RIL_TEXTLINE, &x1, &y1, &x2, &y2) ? LineBox{(y1 + y2) / 2} : LineBox();
    }
    std::unique_ptr<char[]> word(it->GetUTF8Text(tesseract::RIL_WORD));
    if (!word || word[0] == '\0') continue;
    if (!line.text.empty()) line.text += ' ';
    OcrWord w;
    w.begin = static_cast<uint32_t>(line.text.size());
    line.text += word.get();
    w.end = static_cast<uint32_t>(line.text.size());
    w.confidence = std::clamp(it->Confidence(tesseract::RIL_WORD), 0.0f, 100.0f);
    sum += w.confidence;
    line.words.push_back(w);
  } while (it->Next(tesseract::RIL_WORD));
  flush();
  return with_paragraph_gaps(std::move(lines), boxes);
}

std::vector<OcrLine> with_paragraph_gaps(std::vector<OcrLine> lines, const std::vector<LineBox>& boxes) {
  if (lines.size() != boxes.size() || lines.size() < 3) return lines;
  std::vector<int> pitches;
  for (size_t i = 1; i < boxes.size(); ++i) {
    int pitch = boxes[i].baseline - boxes[i - 1].baseline;
    if (pitch > 0) pitches.push_back(pitch);
  }
  if (pitches.empty()) return lines;
  std::nth_element(pitches.begin(), pitches.begin() + static_cast<std::ptrdiff_t>(pitches.size() / 2), pitches.end());
  const double usual = pitches[pitches.size() / 2];
  std::vector<OcrLine> out;
  out.reserve(lines.size() * 2);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) {
      int pitch = boxes[i].baseline - boxes[i - 1].baseline;
      if (pitch > 1.3 * usual && pitch <= 4 * usual) out.push_back(OcrLine());
    }
    out.push_back(std::move(lines[i]));
  }
  return out;
}

}  // namespace chitieu
