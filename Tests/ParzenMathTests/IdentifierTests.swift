import Testing
@testable import ParzenMath

/// Letters, numbers, Greek and math alphabets. MathML Core italicises a single-letter `<mi>`
/// and sets longer ones upright; other alphabets are Unicode Mathematical Alphanumerics.
@Suite struct IdentifierTests {
    @Test func lettersAreSeparateIdentifiers() {
        #expect(presentation("xy") == M.row(M.mi("x"), M.mi("y")))
    }

    @Test func digitsAndDecimalPointFormOneNumber() {
        #expect(presentation("3.14x") == M.row(M.mn("3.14"), M.mi("x")))
    }

    @Test func trailingPointIsNotPartOfTheNumber() {
        #expect(presentation("2.") == M.row(M.mn("2"), "<mo lspace=\"0em\" rspace=\"0em\">.</mo>"))
    }

    @Test func lowercaseGreekIsItalicCapitalGreekUpright() {
        #expect(presentation("\\theta\\Theta\\varepsilon") == M.row(M.mi("θ"), M.upright("Θ"), M.mi("ε")))
    }

    @Test func varCapitalsAreItalic() {
        #expect(presentation("\\varGamma") == M.mi("Γ"))
    }

    @Test func mathcalAndMathbbUseMathematicalAlphanumerics() {
        // U+1D49F SCRIPT CAPITAL D, U+1D53C DOUBLE-STRUCK CAPITAL E, U+211D ℝ (letterlike hole).
        #expect(presentation("\\mathcal{D}\\mathbb{E}\\mathbb{R}") == M.row(M.mi("\u{1D49F}"), M.mi("\u{1D53C}"), M.mi("ℝ")))
    }

    @Test func mathcalFillsLetterlikeHoles() {
        // ℒ U+2112 and ℋ U+210B are not in the U+1D49C block.
        #expect(presentation("\\mathcal{L}\\mathcal{H}") == M.row(M.mi("ℒ"), M.mi("ℋ")))
    }

    @Test func mathbfMapsLettersAndDigitsToBold() {
        // U+1D431 MATHEMATICAL BOLD SMALL X, U+1D7CE BOLD DIGIT ZERO.
        #expect(presentation("\\mathbf{x}\\mathbf{0}") == M.row(M.mi("\u{1D431}"), M.mn("\u{1D7CE}")))
    }

    @Test func boldsymbolMakesGreekBoldItalic() {
        // U+1D73D MATHEMATICAL BOLD ITALIC SMALL THETA; capitals stay upright bold (U+1D6BA Σ).
        #expect(presentation("\\boldsymbol{\\theta}\\boldsymbol{\\Sigma}") == M.row(M.mi("\u{1D73D}"), M.mi("\u{1D6BA}")))
    }

    @Test func mathrmRunIsOneUprightIdentifier() {
        #expect(presentation("\\mathrm{KL}") == M.mi("KL"))
        #expect(presentation("\\mathrm{d}x") == M.row(M.upright("d"), M.mi("x")))
    }

    @Test func mathitItalicisesEveryLetter() {
        // ℎ U+210E is the italic h outside the block.
        #expect(presentation("\\mathit{ah}") == M.mi("\u{1D44E}ℎ"))
    }

    @Test func sansSerifMonospaceAndFraktur() {
        #expect(presentation("\\mathsf{A}\\mathtt{A}\\mathfrak{g}") == M.row(M.mi("\u{1D5A0}"), M.mi("\u{1D670}"), M.mi("\u{1D524}")))
    }

    @Test func ordinarySymbols() {
        #expect(presentation("\\infty\\partial\\nabla\\ell") == M.row(M.mi("∞"), M.mi("∂"), M.upright("∇"), M.mi("ℓ")))
    }

    @Test func unicodeLettersTypedDirectly() {
        #expect(presentation("θ≤1") == M.row(M.mi("θ"), M.mo("≤"), M.mn("1")))
    }
}
