// Writes the fuzz targets' seed inputs from the corpus documents, at test time
// (no seed corpus is kept in the repository):
//
//   make_fuzz_seeds <corpus dir> <out dir>
//
// <out>/seeds/repair_line/        corpus lines, prefixed by the font byte (0
//                                 none; every tenth line also with 1 TCVN3 and
//                                 2 VNI, and 3: OCRed), font-mapped samples and
//                                 numbers as OCR splits them
// <out>/seeds/vietnamese_number/  every number as written in the corpus
// <out>/seeds/extract_document/   the documents cut into chunks of whole lines
//                                 (at most 1.5 KB), some also as UTF-16 and TCVN3
// <out>/work/<target>/            emptied: where libFuzzer keeps what it finds
#include <iconv.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

constexpr size_t kChunkBytes = 1536;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class SeedWriter {
 public:
  explicit SeedWriter(fs::path dir) : dir_(std::move(dir)) { fs::create_directories(dir_); }
  void add(const std::string& bytes) {
    if (!seen_.insert(bytes).second) return;
    char name[32];
    std::snprintf(name, sizeof name, "seed-%05zu", seen_.size());
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
  }
  size_t count() const { return seen_.size(); }

 private:
  fs::path dir_;
  std::set<std::string> seen_;
};

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream ss(text);
  std::string l;
  while (std::getline(ss, l)) lines.push_back(l);
  return lines;
}

// UTF-8 to UTF-16LE with a BOM (the corpus is valid UTF-8).
std::string utf16le(const std::string& s) {
  std::string out = "\xFF\xFE";
  auto put = [&](uint32_t u) {
    out += static_cast<char>(u & 0xFF);
    out += static_cast<char>(u >> 8);
  };
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    uint32_t cp;
    size_t n;
    if (c < 0x80) cp = c, n = 1;
    else if ((c >> 5) == 6) cp = c & 0x1F, n = 2;
    else if ((c >> 4) == 14) cp = c & 0x0F, n = 3;
    else cp = c & 0x07, n = 4;
    for (size_t k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    i += n;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      put(0xD800 + (cp >> 10));
      put(0xDC00 + (cp & 0x3FF));
    } else {
      put(cp);
    }
  }
  return out;
}

// The chunk as an RTF document, each line a paragraph, letters beyond ASCII
// as \uN? (Word's way), and as a web page around it.
std::string rtf(const std::string& s) {
  std::string out = "{\\rtf1\\ansi\\ansicpg1258\\uc1{\\fonttbl{\\f0 Times;}}\\pard ";
  std::string utf16 = utf16le(s);
  for (size_t i = 2; i + 1 < utf16.size(); i += 2) {
    uint32_t u = static_cast<unsigned char>(utf16[i]) | (static_cast<unsigned char>(utf16[i + 1]) << 8);
    if (u == '\n') out += "\\par\n";
    else if (u == '\\' || u == '{' || u == '}') out += std::string("\\") + static_cast<char>(u);
    else if (u < 0x80) out += static_cast<char>(u);
    else out += "\\u" + std::to_string(u < 0x8000 ? static_cast<int>(u) : static_cast<int>(u) - 65536) + "?";
  }
  return out + "}";
}

std::string html(const std::string& s) {
  std::string out = "<!DOCTYPE html><html><head><script>x=\"1%\"</script></head><body><nav>Menu</nav><main><p>";
  for (char c : s) {
    if (c == '\n') out += "</p>\n<p>";
    else if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else out += c;
  }
  return out + "</p></main></body></html>";
}

// UTF-8 to TCVN3 bytes with glibc iconv; empty when a character has no code.
std::string tcvn3(const std::string& s) {
  iconv_t cd = iconv_open("TCVN5712-1", "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) return "";
  std::string out(s.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(s.data());
  size_t in_left = s.size(), out_left = out.size();
  char* o = out.data();
  size_t rc = iconv(cd, &in, &in_left, &o, &out_left);
  iconv_close(cd);
  if (rc == static_cast<size_t>(-1)) return "";
  out.resize(out.size() - out_left);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: make_fuzz_seeds <corpus dir> <out dir>\n";
    return 2;
  }
  fs::path corpus = argv[1], out = argv[2];
  std::vector<fs::path> docs;
  for (const auto& e : fs::directory_iterator(corpus))
    if (e.path().extension() == ".txt") docs.push_back(e.path());
  std::sort(docs.begin(), docs.end());
  if (docs.empty()) {
    std::cerr << "make_fuzz_seeds: no .txt documents in " << corpus << "\n";
    return 1;
  }
  const char* targets[] = {"repair_line", "vietnamese_number", "extract_document"};
  for (const char* t : targets) {
    fs::remove_all(out / "seeds" / t);
    fs::remove_all(out / "work" / t);
    fs::create_directories(out / "work" / t);
  }
  SeedWriter lines_out(out / "seeds" / "repair_line");
  SeedWriter numbers_out(out / "seeds" / "vietnamese_number");
  SeedWriter docs_out(out / "seeds" / "extract_document");

  // Font-mapped and damaged samples (see ../../shared/FIELD_NOTES.md).
  for (const char* s : {"\x01NghÞ quyÕt sè 59-NQ/TW", "\x01t¨ng tr\xC2\xADëng b×nh qu©n ®Çu ng\xC2\xADêi",
                        "\x02Vieät Nam phaán ñaáu ñaït 10%", "\x00Tăng trƣởng [bookmark: _GoBack]đạt 7%",
                        "\x00Nghi\xCC\xA3 quye\xCC\x82\xCC\x81t\xC2\xA0\xE2\x80\x8Bso\xCC\x82\xCC\x81 10,5%",
                        "\x03đạt 12. 800 tỷ đồng, 33, 5% và 1. 234. 567 người năm 2O25",
                        "\x03**II, MỤC TIÊU** l5% 1O,5%"}) {
    lines_out.add(std::string(1, s[0]) + std::string(s + 1));
  }
  for (const char* s : {"717.000", "8.500.000", "10,5", "10.5", "1,600", "05", "1.234,56", "0,25"})
    numbers_out.add(s);

  size_t line_no = 0;
  for (const fs::path& doc : docs) {
    std::string text = slurp(doc);
    std::vector<std::string> lines = split_lines(text);
    std::string chunk;
    size_t chunks = 0;
    auto flush = [&] {
      if (chunk.empty()) return;
      docs_out.add(chunk);
      if (chunks % 8 == 0) docs_out.add(utf16le(chunk));
      if (chunks % 8 == 4) {
        std::string legacy = tcvn3(chunk);
        if (!legacy.empty()) docs_out.add(legacy);
      }
      if (chunks % 8 == 2) docs_out.add(rtf(chunk));
      if (chunks % 8 == 6) docs_out.add(html(chunk));
      ++chunks;
      chunk.clear();
    };
    for (std::string line : lines) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!line.empty() && line.size() <= 1024) {
        lines_out.add(std::string(1, '\0') + line);
        if (line_no % 10 == 0) {
          lines_out.add(std::string(1, '\1') + line);
          lines_out.add(std::string(1, '\2') + line);
          lines_out.add(std::string(1, '\3') + line);
        }
        ++line_no;
      }
      // Numbers: a digit, then digits and the marks, ending on a digit.
      for (size_t i = 0; i < line.size(); ++i) {
        if (line[i] < '0' || line[i] > '9' || (i > 0 && line[i - 1] >= '0' && line[i - 1] <= '9')) continue;
        size_t j = i;
        while (j < line.size() && ((line[j] >= '0' && line[j] <= '9') || line[j] == '.' || line[j] == ','))
          ++j;
        while (j > i && (line[j - 1] == '.' || line[j - 1] == ',')) --j;
        numbers_out.add(line.substr(i, j - i));
      }
      if (chunk.size() + line.size() + 1 > kChunkBytes) flush();
      size_t keep = std::min(line.size(), kChunkBytes - 1);
      while (keep < line.size() && keep > 0 && (line[keep] & 0xC0) == 0x80) --keep;  // whole code points
      chunk += line.substr(0, keep) + "\n";
    }
    flush();
  }
  std::cout << "make_fuzz_seeds: " << lines_out.count() << " lines, " << numbers_out.count()
            << " numbers, " << docs_out.count() << " document chunks from " << docs.size()
            << " documents\n";
  return 0;
}
