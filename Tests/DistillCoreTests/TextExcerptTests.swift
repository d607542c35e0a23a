import DistillCore
import Testing

@Suite struct TextExcerptTests {
    /// 250 characters cut at 200: the first 200 kept and "50 more" (250 - 200) said.
    @Test func longTextIsCutWithTheCountLeft() {
        let text = String(repeating: "z", count: 250)
        #expect(text.excerpt() == String(repeating: "z", count: 200) + "... (50 more characters)")
    }

    /// ESC (0x1B) and BEL (0x07) could drive a terminal; U+FFFD is what invalid UTF-8 decodes to.
    @Test func invisibleCharactersAreWrittenAsEscapes() {
        #expect("a\u{1B}[2Jb\u{7}\u{FFFD}".excerpt() == "a\\u{1B}[2Jb\\u{7}\\u{FFFD}")
        #expect("line one\nline\ttwo".excerpt() == "line one\nline\ttwo")
    }

    /// A diagnostic quoting a 100,000-character value keeps 400 characters (twice the limit) of it.
    @Test func diagnosticsQuoteOnlyAnExcerpt() {
        let diagnostic = Diagnostic(field: "input_tokens", message: String(repeating: "9", count: 100_000))
        #expect(diagnostic.message.count == 400 + "... (99600 more characters)".count)
    }
}
