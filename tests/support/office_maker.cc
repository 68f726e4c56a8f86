#include "support/office_maker.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include "support/document_maker.h"

namespace chitieu::maker {
namespace {

void put16(std::string* s, size_t at, uint32_t v) {
  (*s)[at] = static_cast<char>(v & 0xFF);
  (*s)[at + 1] = static_cast<char>((v >> 8) & 0xFF);
}
void put32(std::string* s, size_t at, uint32_t v) {
  put16(s, at, v & 0xFFFF);
  put16(s, at + 2, v >> 16);
}

std::vector<uint32_t> code_points(const std::string& utf8) {
  std::vector<uint32_t> out;
  for (size_t i = 0; i < utf8.size();) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    uint32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
    for (int k = 1; k < n && i + k < utf8.size(); ++k) cp = (cp << 6) | (utf8[i + k] & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

std::string utf16le(const std::string& utf8) {
  std::string out;
  for (uint32_t cp : code_points(utf8)) {
    if (cp >= 0x10000) cp = 0xFFFD;  // the tests' text is in the BMP
    out += static_cast<char>(cp & 0xFF);
    out += static_cast<char>(cp >> 8);
  }
  return out;
}

constexpr uint32_t kFree = 0xFFFFFFFF, kEnd = 0xFFFFFFFE, kFatSector = 0xFFFFFFFD, kNone = 0xFFFFFFFF;

// One 128-byte directory entry.
std::string dir_entry(const std::string& name, uint8_t type, uint32_t left, uint32_t right, uint32_t child,
                      uint32_t start, uint32_t size) {
  std::string e(128, '\0');
  std::string n = utf16le(name);
  e.replace(0, n.size(), n);
  put16(&e, 0x40, name.empty() ? 0 : static_cast<uint32_t>(n.size() + 2));
  e[0x42] = static_cast<char>(type);
  e[0x43] = 1;  // black
  put32(&e, 0x44, left);
  put32(&e, 0x48, right);
  put32(&e, 0x4C, child);
  put32(&e, 0x74, start);
  put32(&e, 0x78, size);
  return e;
}

bool plain_number(const std::string& s, double* v) {
  if (s.empty() || s.find_first_not_of("0123456789.-") != std::string::npos) return false;
  char* end = nullptr;
  *v = std::strtod(s.c_str(), &end);
  return end && *end == '\0';
}

}  // namespace

// Sectors 0..F-1 are the FAT, sector F the directory (root and up to three
// streams, in a chain of siblings ordered as the format compares names:
// shorter first), then the streams one after another.
std::string ole_file(const std::vector<std::pair<std::string, std::string>>& streams) {
  if (streams.empty() || streams.size() > 3) throw std::invalid_argument("ole_file: 1 to 3 streams");
  std::vector<std::string> data;
  uint32_t stream_sectors = 0;
  for (const auto& [name, bytes] : streams) {
    std::string d = bytes;
    if (d.size() < 4096) d.resize(4096, '\0');
    d.resize((d.size() + 511) / 512 * 512, '\0');
    stream_sectors += static_cast<uint32_t>(d.size() / 512);
    data.push_back(d);
  }
  // F FAT sectors describe 128 sectors each, themselves and the directory included.
  uint32_t fat_sectors = 1;
  while (fat_sectors * 128 < fat_sectors + 1 + stream_sectors) ++fat_sectors;
  if (fat_sectors > 109) throw std::invalid_argument("ole_file: streams too large");
  std::string fat(512 * fat_sectors, '\0');
  for (size_t i = 0; i < 128 * fat_sectors; ++i) put32(&fat, i * 4, kFree);
  for (uint32_t k = 0; k < fat_sectors; ++k) put32(&fat, k * 4, kFatSector);
  const uint32_t dir_sector = fat_sectors;
  put32(&fat, dir_sector * 4, kEnd);
  uint32_t sector = dir_sector + 1;
  std::vector<uint32_t> starts;
  for (const std::string& d : data) {
    starts.push_back(sector);
    uint32_t n = static_cast<uint32_t>(d.size() / 512);
    for (uint32_t k = 0; k < n; ++k) put32(&fat, (sector + k) * 4, k + 1 < n ? sector + k + 1 : kEnd);
    sector += n;
  }
  // Entries 1..n: a right-leaning chain in name order (a valid, if unbalanced, tree).
  std::vector<size_t> order;
  for (size_t i = 0; i < streams.size(); ++i) order.push_back(i);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const std::string &x = streams[a].first, &y = streams[b].first;
    return x.size() != y.size() ? x.size() < y.size() : x < y;
  });
  std::string dir = dir_entry("Root Entry", 5, kNone, kNone, 1, kEnd, 0);
  for (size_t k = 0; k < order.size(); ++k) {
    size_t i = order[k];
    uint32_t right = k + 1 < order.size() ? static_cast<uint32_t>(k + 2) : kNone;
    dir += dir_entry(streams[i].first, 2, kNone, right, kNone, starts[i],
                     static_cast<uint32_t>(data[i].size()));
  }
  for (size_t k = order.size() + 1; k < 4; ++k) dir += dir_entry("", 0, kNone, kNone, kNone, 0, 0);

  std::string header(512, '\0');
  header.replace(0, 8, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  put16(&header, 0x18, 0x3E);
  put16(&header, 0x1A, 3);
  put16(&header, 0x1C, 0xFFFE);
  put16(&header, 0x1E, 9);
  put16(&header, 0x20, 6);
  put32(&header, 0x2C, fat_sectors);
  put32(&header, 0x30, dir_sector);
  put32(&header, 0x38, 4096);
  put32(&header, 0x3C, kEnd);
  put32(&header, 0x44, kEnd);
  for (uint32_t i = 0; i < 109; ++i) put32(&header, 0x4C + i * 4, i < fat_sectors ? i : kFree);
  std::string out = header + fat + dir;
  for (const std::string& d : data) out += d;
  return out;
}

// The FIB of Word 97 (nFib 0xC1) with the text at 0x400 in UTF-16 and one
// piece covering it, in the table stream "1Table".
std::string word97_doc(const std::vector<std::string>& paragraphs, const Rows& table) {
  std::string text;
  for (const std::string& p : paragraphs) text += p + "\r";
  for (const auto& row : table) {
    for (const std::string& cell : row) text += cell + "\x07";
    text += "\x07";
  }
  std::string utf16 = utf16le(text);
  uint32_t chars = static_cast<uint32_t>(utf16.size() / 2);
  std::string word(0x400, '\0');
  put16(&word, 0x00, 0xA5EC);
  put16(&word, 0x02, 0x00C1);
  put16(&word, 0x06, 0x0409);
  put16(&word, 0x0A, 0x0200 | 0x1000);  // fWhichTblStm (1Table), fExtChar
  put16(&word, 0x0C, 0x00BF);
  put32(&word, 0x18, 0x400);                                        // fcMin
  put32(&word, 0x1C, 0x400 + static_cast<uint32_t>(utf16.size()));  // fcMac
  put16(&word, 0x20, 14);    // csw
  put16(&word, 0x3E, 22);    // cslw
  put32(&word, 0x40, 0x400 + static_cast<uint32_t>(utf16.size()));  // cbMac
  put32(&word, 0x4C, chars);  // ccpText
  put16(&word, 0x98, 0x5D);  // cbRgFcLcb
  std::string clx;
  clx += '\x02';
  std::string plc(16, '\0');
  put32(&plc, 0, 0);
  put32(&plc, 4, chars);
  put16(&plc, 8, 0);
  put32(&plc, 10, 0x400);  // fc; bit 30 clear: UTF-16
  put16(&plc, 14, 0);
  std::string lcb(4, '\0');
  put32(&lcb, 0, static_cast<uint32_t>(plc.size()));
  clx += lcb + plc;
  put32(&word, 0x1A2, 0);  // fcClx
  put32(&word, 0x1A6, static_cast<uint32_t>(clx.size()));
  word += utf16;
  return ole_file({{"WordDocument", word}, {"1Table", clx}});
}

std::string rtf_document(const std::vector<std::string>& paragraphs, const Rows& table) {
  auto escape = [](const std::string& s) {
    std::string out;
    for (uint32_t cp : code_points(s)) {
      if (cp == '\\' || cp == '{' || cp == '}') out += std::string("\\") + static_cast<char>(cp);
      else if (cp < 0x80) out += static_cast<char>(cp);
      else out += "\\u" + std::to_string(cp < 0x8000 ? static_cast<int>(cp) : static_cast<int>(cp) - 65536) + "?";
    }
    return out;
  };
  std::string out = "{\\rtf1\\ansi\\ansicpg1252\\deff0\\uc1{\\fonttbl{\\f0\\froman Times New Roman;}}\n"
                    "{\\*\\generator chitieu tests;}{\\info{\\title T\\u234?n}}\n";
  for (const std::string& p : paragraphs) out += "\\pard\\plain " + escape(p) + "\\par\n";
  for (const auto& row : table) {
    out += "\\trowd";
    for (size_t c = 0; c < row.size(); ++c) out += "\\cellx" + std::to_string(2000 * (c + 1));
    out += "\n";
    for (const std::string& cell : row) out += "\\pard\\intbl " + escape(cell) + "\\cell\n";
    out += "\\row\n";
  }
  return out + "}\n";
}

namespace {

std::string record(uint16_t type, const std::string& data) {
  std::string r(4, '\0');
  put16(&r, 0, type);
  put16(&r, 2, static_cast<uint32_t>(data.size()));
  return r + data;
}

std::string bytes16(uint32_t v) {
  std::string s(2, '\0');
  put16(&s, 0, v);
  return s;
}

std::string bytes32(uint32_t v) {
  std::string s(4, '\0');
  put32(&s, 0, v);
  return s;
}

// A BIFF8 BOF record: `kind` 0x0005 for the workbook globals, 0x0010 for a sheet.
std::string bof(uint16_t kind) {
  return record(0x0809, bytes16(0x0600) + bytes16(kind) + bytes16(0x0DBB) + bytes16(0x07CC) + bytes32(0) +
                              bytes32(0x06));
}

// A BIFF8 unicode string: its length, then UTF-16 characters.
std::string biff_string(const std::string& utf8, bool one_byte_length) {
  std::string chars = utf16le(utf8);
  uint32_t n = static_cast<uint32_t>(chars.size() / 2);
  std::string length = one_byte_length ? std::string(1, static_cast<char>(n)) : bytes16(n);
  return length + '\x01' + chars;
}

}  // namespace

std::string xls_workbook(const Sheet& sheet) {
  std::vector<std::string> strings;
  for (const auto& row : sheet.rows)
    for (const std::string& c : row) {
      double v = 0;
      if (!c.empty() && !plain_number(c, &v) && std::find(strings.begin(), strings.end(), c) == strings.end())
        strings.push_back(c);
    }
  std::string sst = bytes32(static_cast<uint32_t>(strings.size())) + bytes32(static_cast<uint32_t>(strings.size()));
  for (const std::string& s : strings) sst += biff_string(s, false);
  auto globals = [&](uint32_t sheet_at) {
    return bof(0x0005) + record(0x0042, bytes16(1200)) +
           record(0x0085, bytes32(sheet_at) + std::string(2, '\0') + biff_string(sheet.name, true)) +
           record(0x00FC, sst) + record(0x000A, "");
  };
  std::string body = bof(0x0010);
  for (size_t r = 0; r < sheet.rows.size(); ++r) {
    for (size_t c = 0; c < sheet.rows[r].size(); ++c) {
      const std::string& cell = sheet.rows[r][c];
      double v = 0;
      std::string at = bytes16(static_cast<uint32_t>(r)) + bytes16(static_cast<uint32_t>(c)) + bytes16(0);
      if (cell.empty()) continue;
      if (plain_number(cell, &v)) {
        std::string d(8, '\0');
        std::memcpy(d.data(), &v, 8);
        body += record(0x0203, at + d);
      } else {
        size_t index = std::find(strings.begin(), strings.end(), cell) - strings.begin();
        body += record(0x00FD, at + bytes32(static_cast<uint32_t>(index)));
      }
    }
  }
  body += record(0x000A, "");
  std::string head = globals(0);
  return ole_file({{"Workbook", globals(static_cast<uint32_t>(head.size())) + body}});
}

bool write_xlsx(const std::vector<Sheet>& sheets, const std::string& path, std::string* error) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (wb == nullptr) {
    *error = "workbook_new failed";
    return false;
  }
  for (const Sheet& s : sheets) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, s.name.c_str());
    for (size_t r = 0; r < s.rows.size(); ++r) {
      for (size_t c = 0; c < s.rows[r].size(); ++c) {
        const std::string& cell = s.rows[r][c];
        double v = 0;
        if (cell.empty()) continue;
        if (plain_number(cell, &v)) worksheet_write_number(ws, r, c, v, nullptr);
        else worksheet_write_string(ws, r, c, cell.c_str(), nullptr);
      }
    }
  }
  lxw_error e = workbook_close(wb);
  if (e != LXW_NO_ERROR) {
    *error = lxw_strerror(e);
    return false;
  }
  return true;
}

bool write_ods(const std::vector<Sheet>& sheets, const std::string& path, std::string* error) {
  std::string body;
  for (const Sheet& s : sheets) {
    body += "<table:table table:name=\"" + xml_escape(s.name) + "\">";
    for (const auto& row : s.rows) {
      body += "<table:table-row>";
      for (const std::string& cell : row) {
        double v = 0;
        if (cell.empty()) body += "<table:table-cell/>";
        else if (plain_number(cell, &v))
          body += "<table:table-cell office:value-type=\"float\" office:value=\"" + cell + "\"><text:p>" + cell +
                  "</text:p></table:table-cell>";
        else
          body += "<table:table-cell office:value-type=\"string\"><text:p>" + xml_escape(cell) +
                  "</text:p></table:table-cell>";
      }
      body += "</table:table-row>";
    }
    body += "</table:table>";
  }
  std::string content =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
      "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
      "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
      "<office:body><office:spreadsheet>" +
      body + "</office:spreadsheet></office:body></office:document-content>";
  std::string manifest =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
      "<manifest:file-entry manifest:full-path=\"/\" "
      "manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>"
      "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
      "</manifest:manifest>";
  return write_zip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                    {"content.xml", content},
                    {"META-INF/manifest.xml", manifest}},
                   path, error);
}

}  // namespace chitieu::maker
