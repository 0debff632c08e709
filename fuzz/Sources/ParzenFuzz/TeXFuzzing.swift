import Foundation
import ParzenMath
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A formula to MathML: ``FuzzTarget/tex``.
enum TeXFuzzing {
    static func violations(_ input: String) -> [String] {
        let tex = KnownFindings.withoutControlCharacters(input)
        var broken: [String] = []
        let document = MathDocument(macros: [:])
        var pages: [String] = []
        for (origin, display) in [false, true].enumerated() {
            let result = document.typeset(tex, display: display, origin: origin)
            pages.append(result.html)
            if !isWellFormedXML(result.html) { broken.append("display \(display): MathML is not well-formed XML") }
            for diagnostic in result.diagnostics where !(0...tex.utf8.count).contains(diagnostic.offset) {
                broken.append("display \(display): offset \(diagnostic.offset) outside 0...\(tex.utf8.count): "
                              + diagnostic.message)
            }
        }
        // The page step: equation numbers and `\eqref` placeholders resolved in the formulas'
        // HTML and in prose (here the formula's own text stands for the prose).
        _ = document.resolveReferences(in: pages.joined() + KnownFindings.withoutReferencePlaceholders(tex))
        return broken
    }

    /// Whether `markup` parses as XML (one root added, as MathML sits inside a page).
    static func isWellFormedXML(_ markup: String) -> Bool {
        XMLParser(data: Data(("<page>" + markup + "</page>").utf8)).parse()
    }
}
