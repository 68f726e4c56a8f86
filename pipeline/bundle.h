// A bundle: one document as extracted, without a database — what `chitieu
// extract` writes (the map step, on any number of machines) and `chitieu load`
// stores. Loading a bundle stores exactly what ingesting its file would have.
//
// Format, version 1 (kBundleVersion): JSON Lines, UTF-8.
//   line 1: the document — {"chitieu_bundle": 1, "extractor_version",
//           "data_sha256" (what extracted it: extractor/extractor_version.h),
//           "path", "absolute_path", "file_name", "sha256", "size_bytes",
//           "format", "encoding", "encoding_confidence", "converted_by",
//           "lines": n, "text_sha256", "figures": m,
//           "header": {"number", "type", "issuer", "place", "date",
//           "date_source", "title", "is_draft", "period", "period_line",
//           "period_quote", "genre", "official"}}
//   then n lines, one per line of text — {"raw"; "repaired" when the repair
//           changed it; "page", "furniture": true, "ocr_confidence",
//           "ocr_words": [[begin, end, confidence], …] and "source": [line,
//           begin, end] (where in the file a converted line was read) when the
//           format has them; "repairs": [{"begin", "end", "replacement",
//           "rule"}] when there are any (byte offsets in "raw")}
//   then m lines, one per figure — the fields of model/figure.h: "line",
//           "line_end", "char_start", "char_end", "number_line", "quote",
//           "parent", "sub", "item", "comparator", "low", "high", "unit",
//           "counted", "year", "kind", "change", "number_text", "unit_text",
//           "warnings" and "reading" (as the store keeps them, store/figure_codec.h).
// A reader refuses a newer version, a count that does not match (a bundle cut
// short), and text whose SHA-256 is not "text_sha256".
//
// File name: "<sha256 of the file>-<8 hex digits of the SHA-256 of its
// path>.bundle.jsonl": the same bytes under two names make two bundles, and
// `load` stores the first by path and finds the other already stored, as
// `ingest` does with a folder.
#ifndef CHITIEU_PIPELINE_BUNDLE_H_
#define CHITIEU_PIPELINE_BUNDLE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"
#include "extractor/extract_document.h"

namespace chitieu {

inline constexpr int kBundleVersion = 1;
inline constexpr std::string_view kBundleSuffix = ".bundle.jsonl";

// What extracted a bundle's document, which `load` stores as the document's
// extractor: the extractor version and the SHA-256 of its data files.
struct BundleExtractor {
  std::string version, data_sha256;
};

// The bundle of `doc` extracted `by` (kInvalidInput when its text is not
// valid UTF-8).
Status encode_bundle(const ExtractedDocument& doc, const BundleExtractor& by, std::string* out);

// `doc`, and what extracted it, from a bundle's text. The repaired lines get
// their text, folded form and repairs; the map back to raw bytes, which the
// store does not keep, is left empty.
Status decode_bundle(std::string_view text, ExtractedDocument* doc, BundleExtractor* by);

// The name of the bundle of the file with these bytes (sha256) and path.
std::string bundle_name(const std::string& sha256, const std::string& path);

// Which document a bundle holds, from its first line read alone: what `load`
// orders bundles by before reading them whole.
struct BundleIdentity {
  std::string path, sha256;  // the document's, as extracted
  uint64_t size_bytes = 0;   // of the document's file
};
Status read_bundle_identity(const std::string& bundle_path, BundleIdentity* identity);

// Reads and decodes the bundle file at `bundle_path`.
Status read_bundle(const std::string& bundle_path, ExtractedDocument* doc, BundleExtractor* by);

// Writes `text` as `dir`/`name`: to a hidden temporary name first, then
// renamed, so a reader (or another machine extracting the same file) sees the
// whole bundle or none.
Status write_bundle(const std::string& dir, const std::string& name, const std::string& text);

}  // namespace chitieu

#endif  // CHITIEU_PIPELINE_BUNDLE_H_
