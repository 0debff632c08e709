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
}
