import Testing
import ParzenMarkup

@Suite struct EscapingTests {
    @Test func textEscapesMarkupCharacters() {
        #expect(Escaping.text("a < b && c > \"d\"") == "a &lt; b &amp;&amp; c &gt; &quot;d&quot;")
    }

    @Test func plainTextIsUnchanged() {
        #expect(Escaping.text("β = 0.25, N = 272") == "β = 0.25, N = 272")
    }

    @Test func attributeEscapesQuotes() {
        #expect(Escaping.attribute("x\"><script>") == "x&quot;&gt;&lt;script&gt;")
    }

    /// XML 1.0 has no way to write C0 controls (other than tab, LF, CR), U+FFFE or U+FFFF, not
    /// even as references: they become their Control Pictures (U+2400 + code) and U+FFFD.
    @Test func charactersXMLCannotCarryAreShownVisibly() {
        #expect(Escaping.text("a\u{0}b\u{1}c\u{1F}\t\n\r") == "a\u{2400}b\u{2401}c\u{241F}\t\n\r")
        #expect(Escaping.attribute("x\u{1B}\"\u{FFFE}\u{FFFF}é") == "x\u{241B}&quot;\u{FFFD}\u{FFFD}é")
        #expect(Escaping.text("\u{7F}漢字") == "\u{7F}漢字")
    }

    /// One terminal line: C0 and C1 controls as escapes, everything else as it is.
    @Test func lineTextEscapesControlCharacters() {
        #expect(Escaping.lineText("a\nb\r\tc\u{1B}[31m\u{7F}\u{9B}é") == "a\\nb\\r\\tc\\u{1B}[31m\\u{7F}\\u{9B}é")
        #expect(Escaping.lineText("plain ✓") == "plain ✓")
    }
}
