import ParzenCitations
import Testing

/// TeX in field values → Unicode, checked against the characters LaTeX prints for each command
/// (Lamport, *LaTeX*, 2nd ed., tables 3.1–3.2; the `textcomp` names).
@Suite struct TeXTextTests {
    private func text(_ tex: String) -> [BibText] {
        parseBib("@misc{k, title = {\(tex)}}").0.entry(forKey: "k")?["title"]?.text ?? []
    }

    private func plain(_ tex: String) -> String { BibText.plainText(text(tex)) }

    @Test(arguments: [
        (#"{\"o}"#, "ö"), (#"\"{o}"#, "ö"), (#"\"o"#, "ö"), (#"{\'e}"#, "é"), (#"\'{e}"#, "é"), (#"\`a"#, "à"),
        (#"\^o"#, "ô"), (#"\~n"#, "ñ"), (#"\=a"#, "ā"), (#"\.z"#, "ż"), (#"\u{g}"#, "ğ"), (#"\v{s}"#, "š"),
        (#"\v s"#, "š"), (#"\H{o}"#, "ő"), (#"\c{c}"#, "ç"), (#"\c c"#, "ç"), (#"\k{a}"#, "ą"), (#"\r{a}"#, "å"),
        (#"\d{s}"#, "ṣ"), (#"\'{\i}"#, "í"), (#"\'\i"#, "í"), (#"{\"U}ber"#, "Über"), (#"\"{\i}"#, "ï"),
    ])
    func accentsBecomePrecomposedLetters(tex: String, expected: String) {
        #expect(plain(tex) == expected)
    }

    @Test(arguments: [
        (#"\ss"#, "ß"), (#"{\ss}e"#, "ße"), (#"Stra{\ss}e"#, "Straße"), (#"\aa"#, "å"), (#"{\AA}"#, "Å"),
        (#"\o"#, "ø"),
        (#"{\O}"#, "Ø"), (#"\l"#, "ł"), (#"\L{}odz"#, "Łodz"), (#"\ae"#, "æ"), (#"\OE"#, "Œ"), (#"\i"#, "ı"),
        (#"\&"#, "&"), (#"\%"#, "%"), (#"\$"#, "$"), (##"\#"##, "#"), (#"\_"#, "_"), (#"\{x\}"#, "{x}"),
        (#"\S 3"#, "§3"), (#"\ldots"#, "…"), (#"\TeX"#, "TeX"), (#"\LaTeX{} rocks"#, "LaTeX rocks"),
    ])
    func lettersAndSigns(tex: String, expected: String) {
        #expect(plain(tex) == expected)
    }

    @Test func dashesQuotesAndTies() {
        #expect(plain("1--2 a---b x-y") == "1–2 a—b x-y")
        #expect(plain("``quoted'' and `single' it's") == "“quoted” and ‘single’ it’s")
        #expect(plain("Fig.~3") == "Fig.\u{00A0}3")
        #expect(plain("a\\,b") == "a\u{2009}b")
    }

    @Test func whitespaceCollapses() {
        #expect(plain("  A\n    long\t title  ") == "A long title")
    }

    @Test func bracesProtectCaseAndNest() {
        #expect(text("The {B}ayesian {DNA} way") == [
            .text("The "), .protected([.text("B")]), .text("ayesian "), .protected([.text("DNA")]), .text(" way"),
        ])
        #expect(text("{a {b} c}") == [.protected([.text("a "), .protected([.text("b")]), .text(" c")])])
    }

    @Test func aBraceGroupOpeningWithACommandIsASpecialCharacterNotProtection() {
        #expect(text(#"{\"o}"#) == [.text("ö")])
        #expect(text(#"{\em emphasised} and {\bf bold}"#) == [
            .emphasis([.text("emphasised")]), .text(" and "), .strong([.text("bold")]),
        ])
    }

    @Test func fontCommands() {
        #expect(text(#"\emph{a} \textit{b} \textbf{c} \textsc{d}"#) == [
            .emphasis([.text("a")]), .text(" "), .emphasis([.text("b")]), .text(" "), .strong([.text("c")]),
            .text(" d"),
        ])
    }

    @Test func mathIsATeXSpan() {
        #expect(text(#"The $L^2$ risk of $\hat{f}_h$"#) == [
            .text("The "), .math("L^2"), .text(" risk of "), .math(#"\hat{f}_h"#),
        ])
        #expect(text(#"Bound \(\sqrt{n}\) rate"#) == [.text("Bound "), .math(#"\sqrt{n}"#), .text(" rate")])
        #expect(text(#"Escaped \$5 is not math"#) == [.text("Escaped $5 is not math")])
    }

    @Test func mathKeepsBracesAndSpacesAsWritten() {
        #expect(text(#"$\mathcal{N}(\mu,  \sigma^{2})$"#) == [.math(#"\mathcal{N}(\mu,  \sigma^{2})"#)])
    }
}
