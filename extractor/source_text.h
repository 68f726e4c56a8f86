// Reading a document from disk into lines of UTF-8 text.
//
// The source text is what provenance refers to: line numbers are 1-based indexes
// into `lines`, offsets are code points within a line. Reading checks the bytes
// before anything else sees them and turns bad input into a one-line error:
// unreadable path, empty file, a binary or unsupported format, invalid UTF-8.
// The content decides the format (formats/format_detect.h), not the name: text
// in any of the encodings of legacy_encoding.h, a PDF's text layer
// (formats/pdf_reader.h), a Word .docx (formats/docx_reader.h), a Word 97 .doc
// (formats/word97_reader.h), RTF (formats/rtf_reader.h), a spreadsheet
// (formats/spreadsheet_reader.h, formats/xls_reader.h), a web page
// (formats/html_reader.h), Markdown named .md (formats/markdown_reader.h), or by OCR a
// scanned PDF or a PNG, JPEG or TIFF image (formats/ocr_reader.h).
#ifndef CHITIEU_EXTRACTOR_SOURCE_TEXT_H_
#define CHITIEU_EXTRACTOR_SOURCE_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "extractor/formats/document_lines.h"
#include "extractor/legacy_encoding.h"
#include "normalizer/lexicon.h"

namespace chitieu {

class OcrCache;  // formats/ocr_reader.h

struct SourceText {
  std::string path;       // as given by the user
  std::string absolute_path;  // where it was read: absolute, normalized (empty: not read from a file)
  std::string file_name;  // last path component
  std::string sha256;     // hex digest of the file's bytes
  uint64_t size_bytes = 0;
  std::string format;     // "text", "markdown", "pdf", "docx", "doc", "rtf", "xlsx", "xls",
                          // "ods", "html", or OCRed: "pdf-ocr", "png-ocr", "jpeg-ocr",
                          // "tiff-ocr" (detected from the content; Markdown by its name)
  std::string encoding;   // as detected or forced (legacy_encoding.h)
  double encoding_confidence = 1.0;
  FontForm form = FontForm::kUnicode;  // glyph mapping the line repair undoes
  std::vector<std::string> lines;  // decoded text, without line terminators
  std::vector<uint32_t> pages;     // 1-based page of each line; empty when the format has none
  std::vector<bool> boilerplate;   // running header/footer/page number lines (kept out of
                                   // figures); empty when there are none
  std::vector<float> line_confidence;  // OCR: mean word confidence (0..100) of each line;
                                       // empty when the text was not OCRed
  std::vector<std::vector<OcrWord>> line_words;  // OCR: each line's words and their confidence;
                                                 // empty when not OCRed or not known
  // Converted formats: what converted the file ("catdoc 0.95 (-w -d utf-8)",
  // "libxml2 HTML parser", "markdown"…), empty when the lines are the file's
  // text or a library's reading of a PDF, .docx or scan. Web pages and
  // Markdown also map each line back to the file (`sources`, else empty).
  std::string converted_by;
  std::vector<LineSource> sources;
};

// Largest file read; larger ones are refused rather than read into memory.
// This bounds the containers (a scanned PDF is often tens of megabytes).
inline constexpr uint64_t kMaxSourceBytes = 256ull << 20;

// Largest plain text. Ingest holds a document with its repaired lines and
// figures in memory at once: measured, about 25 bytes per byte of prose, so
// 16 MiB of prose peaks near 450 MB. A long resolution is 50 KB; this leaves a
// factor of 300. Every format, plain text included, also has at most
// kMaxDocumentLines lines (formats/document_lines.h).
inline constexpr uint64_t kMaxTextBytes = 16ull << 20;

// Reads, decodes and validates `path`. `forced_encoding` (one of
// known_encodings(), or empty to detect) overrides detection. On failure
// returns the reason, without the path. OCRed pages are looked up in and
// saved to `ocr_cache` when one is given.
Status read_source_text(const Lexicon& lex, const std::string& path,
                        const std::string& forced_encoding, SourceText* out,
                        OcrCache* ocr_cache = nullptr);

// Same on bytes already in memory (`name` becomes file_name and path).
Status source_text_from_bytes(const Lexicon& lex, std::string_view bytes, const std::string& name,
                              const std::string& forced_encoding, SourceText* out,
                              OcrCache* ocr_cache = nullptr);

// The SourceText of a document extraction reads again from what the store
// keeps (`reextract`, `verify`): its raw lines, the page of each (0 or an empty
// vector: no pages), each line's OCR confidence (empty: not OCRed), the
// encoding it was decoded as and its format. Page furniture is marked again
// from lines and pages where the format's reader marks it (PDF, OCR).
SourceText rebuild_source_text(std::vector<std::string> lines, std::vector<uint32_t> pages,
                               std::vector<float> line_confidence, const std::string& encoding,
                               const std::string& format);

// True for the formats whose readers mark page furniture (formats/pdf_reader,
// formats/ocr_reader): "pdf" and the OCRed ones ("…-ocr"). A Word document
// has pages but no furniture marked.
bool format_marks_page_furniture(const std::string& format);

// The bytes of the regular file at `path` (at most kMaxSourceBytes); the
// reasons are read_source_text's ("cannot read: …", "file too large (…)").
Status read_file_bytes(const std::string& path, std::string* bytes);

// Hashes a file without decoding it (verify --sources).
Status hash_file(const std::string& path, std::string* sha256);

// Hex SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);

// Hex SHA-256 of the lines joined by "\n": the fingerprint of the stored text
// that `verify` recomputes from the database.
std::string lines_sha256_hex(const std::vector<std::string>& lines);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_SOURCE_TEXT_H_
