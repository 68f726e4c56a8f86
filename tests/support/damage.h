// Deterministic damage generator for robustness tests.
//
// From clean UTF-8 Vietnamese text it produces the kinds of damaged copies that
// archivists receive: text without (some) diacritics, OCR tone confusion, PDF
// "ƣ" for "ư", decomposed Unicode, old tone placement, legacy 8-bit encodings
// (TCVN3, VNI-Windows, Windows-1258), TCVN3 text mis-read as Windows-1252
// ("font-mapped"), hard-wrapped lines, CRLF line ends and UTF-16.
//
// Invariant for every kind: the digits, and the characters . , % / - between
// digits, come through unchanged and in order (after decoding the legacy
// encodings). Only letters, their marks, line breaks and spaces between words
// are touched.
//
// Characters a legacy encoding cannot represent are substituted BEFORE encoding,
// always the same way (see damage.cc for the full list):
//   ƣ Ƣ (PDF stand-ins for ư Ư)  -> ư Ư        for tcvn3, vni, cp1258, font-mapped-tcvn3
//   “ ” „ -> "   ‘ ’ -> '   – — -> -   … -> ... for tcvn3 only (raw TCVN3 bytes have no
//                                               Windows punctuation; vni/cp1258 keep them
//                                               at their Windows-1252 byte, and
//                                               font-mapped text keeps them as Unicode)
//   anything else not representable -> "?"
// Legacy encoders work on the NFC form of the text.
//
// tcvn3 is glibc's TCVN5712-1 exactly (round trip with iconv is lossless): the
// upper-case toned vowels it adds to the ABC set (VN1) land on C0 control bytes
// (Ú = 0x01, Ỵ = 0x17), on 0x80–0x9F (Ủ = 0x9E) and in gaps of 0xA1–0xFF
// (Ế = 0xDA). font-mapped-tcvn3 uses only the 74 codes of the ABC fonts (VN3),
// so there those letters take the lower-case code, as text typed in the
// upper-case font .VnTimeH does when copied: "CỘNG HÒA" → "CéNG HßA"; repairing it
// gives "CộNG HòA" (case lost on toned capitals, nothing else).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace chitieu::damage {

enum class Kind {
  kStripAllDiacritics,   // "strip-all"
  kStripSomeDiacritics,  // "strip-some"
  kConfuseDiacritics,    // "confuse"
  kUHorn,                // "u-horn"
  kNfd,                  // "nfd"
  kOldTonePlacement,     // "old-tones"
  kTcvn3Bytes,           // "tcvn3"
  kVniBytes,             // "vni"
  kFontMappedTcvn3,      // "font-mapped-tcvn3"
  kWindows1258,          // "cp1258"
  kHardWrap,             // "hard-wrap"
  kCrlf,                 // "crlf"
  kUtf16Bom              // "utf16"
};

// Every kind, in the order of the enum.
std::vector<Kind> all_kinds();

// "strip-all", "strip-some", "confuse", "u-horn", "nfd", "old-tones", "tcvn3", "vni",
// "font-mapped-tcvn3", "cp1258", "hard-wrap", "crlf", "utf16".
const char* kind_name(Kind k);

// Applies one kind of damage to clean UTF-8 text and returns the damaged BYTES:
// UTF-8 for the text-level kinds (including font-mapped-tcvn3), legacy bytes for
// tcvn3 / vni / cp1258, UTF-16LE with a BOM (FF FE) for utf16.
// Deterministic for a given seed (the generator uses its own PRNG, not <random>
// distributions, so the bytes are the same with every standard library).
// Never changes a digit. Invalid UTF-8 in the input is read as U+FFFD.
// Throws std::runtime_error if data/vni.tsv cannot be read (kind vni only) or if
// iconv/ICU lack a converter this machine is expected to have.
std::string apply_damage(Kind kind, const std::string& clean_utf8, uint32_t seed);

}  // namespace chitieu::damage
