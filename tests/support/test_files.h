// Files as the tests handle them: a whole file read, text cut into lines, a
// path quoted for a shell, and a fresh folder of a test's own.
#ifndef CHITIEU_TESTS_SUPPORT_TEST_FILES_H_
#define CHITIEU_TESTS_SUPPORT_TEST_FILES_H_

#include <filesystem>
#include <string>
#include <vector>

namespace chitieu::testing {

// The file's bytes ("" when it cannot be read: the test's own checks fail).
std::string read_file(const std::filesystem::path& path);

// The lines of `text`, without their '\n'; no empty last line for a final '\n'.
std::vector<std::string> split_lines(const std::string& text);

// `s` in single quotes for /bin/sh, quotes inside escaped.
std::string shell_quote(const std::string& s);

// An empty folder under the system's temporary one, named
// "chitieu-PREFIX-PID-TEST" after the running GoogleTest test (any earlier one
// of that name is removed), so that tests in parallel never share one.
std::filesystem::path fresh_test_dir(const std::string& prefix);

}  // namespace chitieu::testing

#endif  // CHITIEU_TESTS_SUPPORT_TEST_FILES_H_
