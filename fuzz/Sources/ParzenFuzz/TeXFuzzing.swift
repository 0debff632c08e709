import Foundation
import ParzenMath
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A formula to MathML: ``FuzzTarget/tex``.
enum TeXFuzzing {
    static func violations(_ tex: String) -> [String] {
        var broken: [String] = []
        let document = MathDocument(macros: [:])
        // Both passes, as a page runs them: parse (numbering), then write with every label known.
        let parsed = [false, true].enumerated().map { document.parse(tex, display: $1, origin: $0) }
        for formula in parsed {
            let display = formula.display
            let result = document.write(formula) { label in
                document.equationNumbers[label].map {
                    ReferenceTarget(text: $0, anchor: MathDocument.anchor(for: label))
                }
            }
            if !isWellFormedXML(result.html) { broken.append("display \(display): MathML is not well-formed XML") }
            for diagnostic in result.diagnostics where !(0...tex.utf8.count).contains(diagnostic.offset) {
                broken.append("display \(display): offset \(diagnostic.offset) outside 0...\(tex.utf8.count): "
                              + diagnostic.message)
            }
        }
        return broken
    }

    /// Whether `markup` parses as XML (one root added, as MathML sits inside a page).
    static func isWellFormedXML(_ markup: String) -> Bool {
        XMLParser(data: Data(("<page>" + markup + "</page>").utf8)).parse()
    }
}
