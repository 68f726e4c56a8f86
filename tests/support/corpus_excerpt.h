// A few pages of a corpus document for the tests that cannot read it whole
// (OCR takes seconds a page): the run of its lines with the most figures.
#ifndef CHITIEU_TESTS_SUPPORT_CORPUS_EXCERPT_H_
#define CHITIEU_TESTS_SUPPORT_CORPUS_EXCERPT_H_

#include <string>
#include <vector>

namespace chitieu::testing {

// The run of whole lines of `path` (a text file) of at most `max_chars` bytes
// with the most figures in it (ties: the earliest); empty when the file
// cannot be read.
std::vector<std::string> dense_excerpt(const std::string& path, size_t max_chars);

}  // namespace chitieu::testing

#endif  // CHITIEU_TESTS_SUPPORT_CORPUS_EXCERPT_H_
