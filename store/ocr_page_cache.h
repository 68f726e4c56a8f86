// The OCR cache (extractor/formats/ocr_reader.h) kept in the store's
// ocr_pages table: what `ingest` hands the reader, so a page OCRed once —
// in an earlier run, or before a crash cut a batch short — is not OCRed again.
#ifndef CHITIEU_STORE_OCR_PAGE_CACHE_H_
#define CHITIEU_STORE_OCR_PAGE_CACHE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "extractor/formats/ocr_reader.h"
#include "store/store.h"

namespace chitieu {

class OcrPageCache : public OcrCache {
 public:
  explicit OcrPageCache(Store* store) : store_(store) {}

  // A database error is not the document's failure: the page is recognised
  // (lookup) or simply not kept (save).
  bool find(const std::string& sha256, uint32_t page, const std::string& reader,
            std::vector<OcrLine>* lines) override {
    bool found = false;
    return store_->ocr_page(sha256, page, reader, lines, &found).ok() && found;
  }
  void save(const std::string& sha256, uint32_t page, const std::string& reader,
            const std::vector<OcrLine>& lines) override {
    keep_if_possible(store_->save_ocr_page(sha256, page, reader, lines));
  }

 private:
  // Saving is best effort: a page the database could not keep is recognised
  // again on the next run, which costs time but changes no result, so the
  // failure is not the document's and is not reported.
  static void keep_if_possible(const Status& /*saved*/) {}

  Store* store_;
};

}  // namespace chitieu

#endif  // CHITIEU_STORE_OCR_PAGE_CACHE_H_
