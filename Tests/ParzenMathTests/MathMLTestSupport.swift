import Foundation
import Testing
@testable import ParzenMath
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The presentation MathML of a formula: what `<semantics>` holds before the annotation.
func presentation(_ tex: String, display: Bool = false, in document: MathDocument = MathDocument(macros: [:])) -> String {
    let html = document.typeset(tex, display: display, origin: 0).html
    guard let start = html.range(of: "<semantics>"), let end = html.range(of: "<annotation ") else { return html }
    return String(html[start.upperBound..<end.lowerBound])
}

/// Whether `markup` is well-formed XML (MathML written as XML is what the HTML parser reads too).
func isWellFormedXML(_ markup: String) -> Bool {
    let parser = XMLParser(data: Data(markup.utf8))
    return parser.parse()
}

/// Shorthands for the MathML every test writes by hand, following MathML Core.
enum M {
    static func mi(_ text: String) -> String { "<mi>\(text)</mi>" }
    static func upright(_ text: String) -> String { "<mi mathvariant=\"normal\">\(text)</mi>" }
    static func mn(_ text: String) -> String { "<mn>\(text)</mn>" }
    static func mo(_ text: String) -> String { "<mo>\(text)</mo>" }
    static func row(_ children: String...) -> String { "<mrow>" + children.joined() + "</mrow>" }
    /// A bracket written without \left/\right: it never stretches.
    static func fixed(_ text: String) -> String { "<mo stretchy=\"false\">\(text)</mo>" }
    /// A bar used as an ordinary symbol (`\vert`, `|`).
    static func bar(_ text: String = "|") -> String { "<mo stretchy=\"false\" lspace=\"0em\" rspace=\"0em\">\(text)</mo>" }
    /// A `\\left` fence around tall material: it stretches.
    static func open(_ text: String) -> String { "<mo form=\"prefix\" fence=\"true\" stretchy=\"true\">\(text)</mo>" }
    static func close(_ text: String) -> String { "<mo form=\"postfix\" fence=\"true\" stretchy=\"true\">\(text)</mo>" }
    /// A `\\left` fence around material no taller than a line: the normal glyph, as in TeX.
    static func flatOpen(_ text: String) -> String { "<mo form=\"prefix\" fence=\"true\" stretchy=\"false\">\(text)</mo>" }
    static func flatClose(_ text: String) -> String { "<mo form=\"postfix\" fence=\"true\" stretchy=\"false\">\(text)</mo>" }
    /// An operator inside a script: TeX drops relation and binary spacing in script style.
    static func tight(_ text: String) -> String { "<mo lspace=\"0em\" rspace=\"0em\">\(text)</mo>" }
    static let apply = "<mo>\u{2061}</mo>"
    static let thin = "<mspace width=\"0.1667em\"></mspace>"
}
