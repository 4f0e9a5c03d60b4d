// Character classes, folding, normalisation and widths come from Unicode's
// tables; these cases were wrong with the hand-written ones.
#include <catch2/catch.hpp>

#include "core/text.h"
#include "core/unicode.h"
#include "extract/tokenizer.h"

namespace kg {
namespace {

// A tokenizer with no abbreviations, clitics or pack words: only its
// character classes are under test.
DocumentAnalysis Tokenize(std::string_view text) {
  static const WordIndex kNoWords;
  static const Tokenizer kTokenizer({}, {}, &kNoWords);
  DocumentAnalysis doc;
  doc.text = text;  // literals: they outlive the analysis
  kTokenizer.Tokenize(text, &doc);
  return doc;
}

bool FirstTokenCapitalized(std::string_view text) {
  const DocumentAnalysis doc = Tokenize(text);
  return !doc.tokens.empty() && doc.tokens.front().Is(kTokenCapitalized);
}

}  // namespace

TEST_CASE("upper-case letters of Latin Extended-A are upper case, whatever their parity",
          "[core][unicode]") {
  // The old table guessed by parity: U+0141 Ł is odd and was taken for lower case.
  for (char32_t cp : {U'Ł', U'Ž', U'Ľ', U'Ń', U'Ź', U'Ż', U'Ś', U'Ć', U'Ğ', U'İ', U'Đ'}) {
    CHECK(unicode::IsUpper(cp));
  }
  for (char32_t cp : {U'ł', U'ž', U'ľ', U'ń', U'ź', U'ż', U'ğ', U'ı', U'đ', U'ß'}) {
    CHECK_FALSE(unicode::IsUpper(cp));
  }
  CHECK(unicode::IsUpper(U'Σ'));
  CHECK(unicode::IsUpper(U'Ж'));
  CHECK(unicode::IsUpper(U'ǅ'));  // title case
}

TEST_CASE("names in Polish, Czech and Turkish start capitalised tokens", "[core][unicode]") {
  CHECK(FirstTokenCapitalized("Łukasz Nowak"));
  CHECK(FirstTokenCapitalized("Žaneta Kovářová"));
  CHECK(FirstTokenCapitalized("Ľubomír Kováč"));
  CHECK(FirstTokenCapitalized("Źdźbło"));
  CHECK(FirstTokenCapitalized("İsmail Şahin"));
  CHECK_FALSE(FirstTokenCapitalized("łukasz"));
}

TEST_CASE("spaces of every kind separate tokens and punctuation is not a letter",
          "[core][unicode]") {
  for (char32_t cp : {U' ', U'\t', char32_t{0xA0}, char32_t{0x2009}, char32_t{0x3000},
                      char32_t{0x2028}, char32_t{0x200B}, char32_t{0xFEFF}}) {
    CHECK(unicode::IsSpace(cp));
  }
  CHECK_FALSE(unicode::IsSpace(U'a'));
  const DocumentAnalysis doc = Tokenize("Nguyễn\u00A0Văn An");
  REQUIRE(doc.tokens.size() == 3);
  CHECK(doc.Norm(0) == "nguyễn");
  for (char32_t cp : {U'«', U'»', U'、', U'。', U'؟', U'—', U'€', U'😀'}) {
    CHECK_FALSE(unicode::IsWordChar(cp));
  }
  for (char32_t cp : {U'ễ', U'ع', U'中', U'٣', char32_t{0x0301}, char32_t{0x200D}}) {
    CHECK(unicode::IsWordChar(cp));
  }
}

TEST_CASE("case folding is Unicode's, so lookups ignore case in every script", "[core][unicode]") {
  CHECK(FoldName("ÁNGEL RUIZ") == FoldName("ángel ruiz"));
  CHECK(FoldName("ŁUKASZ NOWAK") == "łukasz nowak");
  CHECK(FoldName("ΣΩΚΡΆΤΗΣ") == FoldName("σωκράτης"));
  CHECK(FoldName("Straße") == FoldName("STRASSE"));
  CHECK(FoldName("Nguyễn Văn An") == FoldName("NGUYỄN VĂN AN"));
  // Arabic and Chinese have no case: folding leaves them as they are.
  CHECK(FoldName("محمد عباس") == "محمد عباس");
  CHECK(FoldName("习近平") == "习近平");
}

TEST_CASE("composed and decomposed accents fold and slug alike; NFC composes", "[core][unicode]") {
  const std::string composed = "Jos\u00E9 Ruiz";
  const std::string decomposed = "Jose\u0301 Ruiz";
  CHECK(composed != decomposed);
  CHECK(unicode::Nfc(decomposed) == composed);
  CHECK(unicode::Nfc(composed) == composed);
  CHECK(FoldName(composed) == FoldName(decomposed));
  CHECK(Slugify(composed) == Slugify(decomposed));
  CHECK(Slugify(composed) == "jos\u00E9-ruiz");
}

TEST_CASE("invisible characters do not split or change a name", "[core][unicode]") {
  CHECK(FoldName("Joe Bi\u200Dden") == "joe biden");
  CHECK(FoldName("Biden\u200E") == "biden");
  CHECK(Slugify("Joe\u00A0Biden") == "joe-biden");
}

TEST_CASE("ids hold no control or space characters other than the separator", "[core][unicode]") {
  CHECK(Slugify("a\u0001b") == "a-b");
  CHECK(Slugify("a\tb\nc") == "a-b-c");
  CHECK(Slugify("Anna\u2003Kowalska") == "anna-kowalska");
  CHECK(Slugify("Recep Tayyip Erdoğan") == "recep-tayyip-erdoğan");
  CHECK(Slugify("محمود عباس") == "محمود-عباس");
  CHECK(Slugify("王毅") == "王毅");
}

TEST_CASE("a very long name gives a bounded id that stays distinct", "[core][unicode]") {
  std::string a, b;
  for (int i = 0; i < 5000; ++i) a += "Alpha ";
  b = a + "Bravo";
  const std::string slug_a = Slugify(a);
  const std::string slug_b = Slugify(b);
  CHECK(slug_a.size() <= 200);
  CHECK(slug_b.size() <= 200);
  CHECK(slug_a != slug_b);
  CHECK(slug_a.rfind("alpha-alpha-", 0) == 0);
}

TEST_CASE("display width counts wide characters twice and marks not at all", "[core][unicode]") {
  CHECK(unicode::DisplayWidth("Biden") == 5);
  CHECK(unicode::DisplayWidth("习近平") == 6);
  CHECK(unicode::DisplayWidth("Jose\u0301") == 4);
  CHECK(unicode::DisplayWidth("محمد") == 4);
}

TEST_CASE("text that is not text is found with its offset and named", "[core][unicode]") {
  CHECK_FALSE(unicode::FindNonText("plain\ttext\r\n").has_value());
  const std::string control =
      "ab\x01"
      "c";
  CHECK(unicode::FindNonText(control) == size_t{2});
  CHECK(unicode::DescribeNonText(control, 2) == "control character U+0001");
  const std::string nonchar = "y\xEF\xBF\xBE";
  CHECK_FALSE(unicode::FindNonText(nonchar).has_value());  // articles may hold one
  CHECK(unicode::FindNonIdText(nonchar) == size_t{1});     // ids may not
  CHECK(unicode::DescribeNonText(nonchar, 1) == "noncharacter U+FFFE");
  CHECK_FALSE(unicode::FindNonText("page\fbreak").has_value());
  CHECK(unicode::FindNonIdText("page\fbreak") == size_t{4});
  const std::string surrogate = "a\xED\xB0\x80";  // what a lone \udc00 escape decodes to
  CHECK(unicode::FindNonText(surrogate) == size_t{1});
  CHECK(unicode::DescribeNonText(surrogate, 1) == "invalid UTF-8");
  CHECK(unicode::FindNonText(std::string("a\0b", 3)) == size_t{1});
  CHECK_FALSE(unicode::FindNonText("\xC2\x85").has_value());  // C1 controls are XML characters
}

TEST_CASE("printable text has no escape sequences or carriage returns", "[core][unicode]") {
  CHECK(unicode::Printable("A\x1B[2JB\rC") == "A [2JB C");
  CHECK(unicode::Printable("Zoë\xC2\x9B") == "Zoë ");
}

TEST_CASE("slugs hold only what an XML name may, so GraphML ids are xs:NMTOKENs",
          "[core][unicode]") {
  // A private-use character (an icon font's glyph) separates like a space.
  CHECK(Slugify("Acme\uE000Corp") == "acme-corp");
  // NFKC turns a superscript two into a digit; a fraction slash separates.
  CHECK(Slugify("Area\u00B2 \u00BD") == "area2-1-2");
  for (char32_t cp : {U'a', U'é', U'ł', U'ễ', U'ع', U'中', char32_t{0x0301}, U'-', U'.'}) {
    CHECK(unicode::IsXmlNameChar(cp));
  }
  for (char32_t cp : {U' ', char32_t{0xA0}, char32_t{0xE000}, U'½', U'²', U'×', U'"', U'<'}) {
    CHECK_FALSE(unicode::IsXmlNameChar(cp));
  }
}

}  // namespace kg
