import Foundation
import ParzenMarkup
import ParzenRunner

/// Spells the runner's formulas in TeX — for the HTML writer (through ParzenMath) and for
/// any writer whose target reads TeX. The one place that knows how a `MathExpression` is
/// written; numbers are printed here, by `NumberFormat.tex`.
enum TeXWriter {
    /// The TeX of an expression.
    static func tex(_ expression: MathExpression) -> String {
        var out = ""
        write(expression, into: &out)
        return out.trimmingCharacters(in: .whitespaces)
    }

    /// An aligned derivation as amsmath's `align`, its last row tagged with `number` (the
    /// derivation's own sequence, "D1") and labelled, the other rows unnumbered.
    static func tex(_ derivation: Derivation, number: String) -> String {
        var rows: [String] = []
        for (index, row) in derivation.rows.enumerated() {
            var line = row.left.map(tex) ?? ""
            line += " &" + tex(row.right)
            if index == derivation.rows.count - 1 {
                line += " \\tag{\(number)}" + (derivation.label.map { "\\label{\($0)}" } ?? "")
            } else {
                line += " \\nonumber \\\\"
            }
            rows.append(line)
        }
        return "\\begin{align}\n" + rows.joined(separator: "\n") + "\n\\end{align}"
    }

    /// Appends TeX, with a space only where a control word would otherwise run into a letter
    /// (`\theta x`, but `\theta(x)`), so the source reads as a person would type it.
    private static func append(_ piece: String, to out: inout String) {
        if let first = piece.first, first.isLetter, endsInControlWord(out) { out += " " }
        out += piece
    }

    private static func endsInControlWord(_ text: String) -> Bool {
        guard let last = text.last, last.isLetter else { return false }
        let letters = text.reversed().prefix { $0.isLetter && $0.isASCII }
        return text.dropLast(letters.count).last == "\\"
    }

    /// A command's argument (`\hat`, `\frac`, `\sqrt`): bare when it is one control word
    /// (`\hat\mu`), else in braces (`\hat{p}` — `\hatp` would be another command).
    private static func commandArgument(_ expression: MathExpression) -> String {
        let body = tex(expression)
        let isControlWord =
            body.first == "\\" && body.count > 1 && body.dropFirst().allSatisfy { $0.isLetter && $0.isASCII }
        return isControlWord ? body : "{" + body + "}"
    }

    /// A script argument: bare when it is one character or one control word.
    private static func argument(_ expression: MathExpression) -> String {
        let body = tex(expression)
        let isSingle =
            body.count == 1
            || (body.first == "\\" && body.dropFirst().allSatisfy { $0.isLetter && $0.isASCII } && body.count > 1)
        return isSingle ? body : "{" + body + "}"
    }

    private static func write(_ expression: MathExpression, into out: inout String) {
        var piece = ""
        write(expression, piece: &piece)
        append(piece, to: &out)
    }

    private static func write(_ expression: MathExpression, piece out: inout String) {
        switch expression {
        case .variable(let name):
            out += name.count == 1 ? name : "\\mathit{\(Escaping.texText(name))}"
        case .greek(let letter):
            out += "\\" + letter.rawValue
        case .number(let quantity):
            out += NumberFormat.tex(quantity.value, digits: quantity.digits)
        case .symbol(let symbol):
            out += spelling(of: symbol)
        case .text(let words):
            out += "\\text{\(Escaping.texText(words))}"
        case .styled(let alphabet, let letters):
            let command = ["calligraphic": "\\mathcal", "blackboard": "\\mathbb", "roman": "\\mathrm"][
                alphabet.rawValue]!
            out += "\(command){\(Escaping.texText(letters))}"
        case .row(let items):
            for item in items { write(item, into: &out) }
            return
        case .fraction(let numerator, let denominator):
            out += "\\frac" + commandArgument(numerator) + commandArgument(denominator)
        case .squareRoot(let radicand):
            out += "\\sqrt{" + tex(radicand) + "}"
        case .subscripted(let base, let script):
            out += group(base) + "_" + argument(script)
        case .superscripted(.subscripted(let base, let sub), let sup):
            // x_i^2 is TeX's own sub-and-superscript; no braces needed.
            out += group(base) + "_" + argument(sub) + "^" + argument(sup)
        case .superscripted(let base, let script):
            out += group(base) + "^" + argument(script)
        case .hat(let base):
            out += "\\hat" + commandArgument(base)
        case .bold(let base):
            // Latin letters as \mathbf (upright bold, as vectors are usually set), Greek as \boldsymbol.
            if case .variable = base {
                out += "\\mathbf{" + tex(base) + "}"
            } else {
                out += "\\boldsymbol" + commandArgument(base)
            }
        case .fenced(let inner, let fence):
            let (open, close): (String, String) = switch fence {
            case .parentheses: ("(", ")")
            case .brackets: ("[", "]")
            case .stretchyParentheses: ("\\left(", "\\right)")
            case .stretchyBrackets: ("\\left[", "\\right]")
            }
            out += open + tex(inner) + close
        case .sum(let from, let to):
            out += "\\sum_" + argument(from) + (to.map { "^" + argument($0) } ?? "")
        case .integral:
            out += "\\int"
        case .matrix(let rows):
            out +=
                "\\begin{pmatrix}" + rows.map { $0.map(tex).joined(separator: " & ") }.joined(separator: " \\\\ ")
                + "\\end{pmatrix}"
        case .thinSpace:
            out += "\\,"
        }
    }

    /// A base that is itself scripted or a row gets braces, so scripts attach to all of it.
    private static func group(_ base: MathExpression) -> String {
        switch base {
        case .variable, .greek, .styled, .text, .hat, .bold, .fenced: tex(base)
        default: "{" + tex(base) + "}"
        }
    }

    private static func spelling(of symbol: MathSymbol) -> String {
        switch symbol {
        case .equals: " = "
        case .approximately: " \\approx "
        case .plus: " + "
        case .minus: " - "
        case .mid: " \\mid "
        case .comma: ", "
        case .lessThan: " < "
        case .greaterThan: " > "
        case .transpose: "\\top"
        case .slash: "/"
        case .parallel: " \\Vert "
        case .integralDifferential: "\\, d"
        case .minimum: "\\min"
        case .logarithm: "\\log"
        }
    }
}
