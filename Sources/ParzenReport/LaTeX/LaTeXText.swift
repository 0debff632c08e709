import ParzenMarkup

/// Text for LaTeX's text mode (pdflatex, `inputenc` UTF-8, OT1 fonts): TeX's special
/// characters escaped by `Escaping.texText`, the ASCII characters OT1's roman font has
/// no glyph for (`<`, `>`, `|`) spelled as commands, straight double quotes as TeX's curly
/// ones. The Unicode math symbols and Greek
/// letters authors type (`±`, `−`, `θ`, …), which `inputenc` alone rejects, are declared
/// in the preamble (`declarations(for:)`), so they work in text, math and code alike.
enum LaTeXText {
    /// `s` escaped for text mode.
    static func escaped(_ s: String) -> String {
        var out = ""
        var superscript = ""
        for c in s {
            if let raised = superscripts[c] {
                superscript += raised
                continue
            }
            if !superscript.isEmpty {
                out += "\\textsuperscript{" + superscript + "}"
                superscript = ""
            }
            if c == "\"" {
                // OT1 has no straight double quote: an opening one after a space or bracket.
                out += out.isEmpty || out.last!.isWhitespace || "([{".contains(out.last!) ? "``" : "''"
            } else if let spelled = spellings[c] {
                out += spelled
            } else if let accented = accented(c) {
                out += accented
            } else {
                out += Escaping.texText(String(c))
            }
        }
        return out + (superscript.isEmpty ? "" : "\\textsuperscript{" + superscript + "}")
    }

    /// A letter with one combining accent (`x̂`, one grapheme) as a text accent (`\^{x}`).
    private static func accented(_ c: Character) -> String? {
        let scalars = Array(c.unicodeScalars)
        guard scalars.count == 2, scalars[0].isASCII, let accent = accents[scalars[1]] else { return nil }
        return "\\" + accent + "{" + Escaping.texText(String(scalars[0])) + "}"
    }

    private static let accents: [Unicode.Scalar: String] = [
        "\u{0300}": "`", "\u{0301}": "'", "\u{0302}": "^", "\u{0303}": "~", "\u{0304}": "=", "\u{0307}": ".",
        "\u{0308}": "\"",
    ]

    /// Number formatting writes exponents as superscript digits ("10⁻⁵").
    private static let superscripts: [Character: String] = [
        "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
        "⁻": "\\ensuremath{-}", "⁺": "+",
    ]

    /// `s` for `\texttt`: escaped, spaces kept, and a break allowed after `/`, `.`, `_` and
    /// `-` so that long names and paths do not run into the margin.
    static func code(_ s: String) -> String {
        var out = ""
        for c in s {
            out += c == " " ? "\\ " : c == "\"" ? "\\char`\\\"" : escaped(String(c))
            if "/._-".contains(c) { out += "\\allowbreak{}" }
        }
        return "\\texttt{" + out + "}"
    }

    /// A `\label`/`\ref` key: the label itself when it holds only characters LaTeX keys
    /// allow everywhere, else an identifier spelled from its bytes.
    static func key(_ label: String) -> String {
        let safe = label.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ":.-_".unicodeScalars.contains($0))
        }
        return safe && !label.isEmpty ? label : Escaping.identifier(label, prefix: "label-")
    }

    /// A URL for `\href`: the characters hyperref reads specially escaped.
    static func url(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "#", "%", "{", "}", "\\", "~", "^", "&", "$": out += "\\" + String(c)
            default: out.append(c)
            }
        }
        return out
    }

    /// `\DeclareUnicodeCharacter` for each symbol of the table that occurs in `document`.
    static func declarations(for document: String) -> String {
        let present = Set(document.unicodeScalars.filter { !$0.isASCII }.map(Character.init))
        return mathSymbols.filter { present.contains($0.key) }.sorted { $0.key < $1.key }.map { c, symbol in
            let hex = String(c.unicodeScalars.first!.value, radix: 16, uppercase: true)
            return "\\DeclareUnicodeCharacter{" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                + "}{\\ensuremath{" + symbol + "}}\n"
        }.joined()
    }

    private static let spellings: [Character: String] = [
        "<": "\\textless{}", ">": "\\textgreater{}", "|": "\\textbar{}",
        "\u{00A0}": "~", "\u{2009}": "\\,", "\u{202F}": "\\,",
    ]

    private static let mathSymbols: [Character: String] = [
        "±": "\\pm", "−": "-", "×": "\\times", "÷": "\\div", "·": "\\cdot", "≈": "\\approx", "≠": "\\neq",
        "≤": "\\leq", "≥": "\\geq", "→": "\\to", "←": "\\leftarrow", "↔": "\\leftrightarrow", "⇒": "\\Rightarrow",
        "∞": "\\infty", "∑": "\\sum", "∏": "\\prod", "∫": "\\int", "∂": "\\partial", "∇": "\\nabla",
        "∈": "\\in", "∼": "\\sim", "∝": "\\propto", "√": "\\surd", "°": "^\\circ", "′": "'", "…": "\\ldots",
        "α": "\\alpha", "β": "\\beta", "γ": "\\gamma", "δ": "\\delta", "ε": "\\varepsilon", "ζ": "\\zeta",
        "η": "\\eta", "θ": "\\theta", "ι": "\\iota", "κ": "\\kappa", "λ": "\\lambda", "μ": "\\mu", "ν": "\\nu",
        "ξ": "\\xi", "π": "\\pi", "ρ": "\\rho", "σ": "\\sigma", "τ": "\\tau", "υ": "\\upsilon", "φ": "\\phi",
        "χ": "\\chi", "ψ": "\\psi", "ω": "\\omega", "Γ": "\\Gamma", "Δ": "\\Delta", "Θ": "\\Theta",
        "Λ": "\\Lambda", "Ξ": "\\Xi", "Π": "\\Pi", "Σ": "\\Sigma", "Φ": "\\Phi", "Ψ": "\\Psi", "Ω": "\\Omega",
        "ℓ": "\\ell", "∅": "\\emptyset", "∀": "\\forall", "∃": "\\exists", "⊂": "\\subset", "∪": "\\cup",
        "∩": "\\cap", "½": "\\tfrac12",
    ]
}
