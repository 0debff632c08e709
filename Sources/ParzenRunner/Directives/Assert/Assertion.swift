import Foundation
import ParzenFormat

/// A claim about results, as `{assert}`'s `that:` writes it:
/// `kde.nll_heldout < gauss.nll_heldout and cmp.best == 'kde'`.
///
/// Grammar: comparisons joined by `and`; a comparison is `operand relation operand`, the
/// relation one of `<`, `<=`, `>`, `>=`, `==`, `!=`; an operand is a result `label.key`, a
/// number (`0.5`, `-1e-3`) or text in single or double quotes. Two numbers within the
/// tolerance of each other count as equal: `==` holds when |a − b| ≤ tolerance, `<` when
/// a < b and they are not equal, `<=` when a < b or they are equal. Text compares with `==`
/// and `!=` only.
struct Assertion: Sendable {
    enum Operand: Sendable, Equatable {
        case result(label: String, key: String)
        case number(Double)
        case text(String)
    }

    /// One side of a comparison with where it is written.
    struct Side: Sendable {
        var operand: Operand
        var written: String
        var location: SourceLocation
    }

    struct Comparison: Sendable {
        var left: Side
        var relation: String
        var right: Side
        var location: SourceLocation
        var written: String { left.written + " " + relation + " " + right.written }
    }

    var comparisons: [Comparison]

    static let relations = ["<", "<=", ">", ">=", "==", "!="]

    /// Parses the text option `that`; each error is at its culprit's column where the text maps
    /// onto the notebook column for column (`OptionValue.location(ofCharacter:)`).
    init(_ that: OptionValue) throws {
        guard case .text(let text) = that.content else { preconditionFailure("'that' is declared as text") }
        let location = that.location
        var comparisons: [Comparison] = []
        var group: [Token] = []
        var lastAnd: Token?
        for token in try Self.tokens(text, at: that.location(ofCharacter:)) {
            if token.text == "and", !token.quoted {
                comparisons.append(try Self.comparison(group, beside: token))
                group = []
                lastAnd = token
            } else {
                group.append(token)
            }
        }
        guard !group.isEmpty || lastAnd != nil else {
            throw DirectiveError("'that' is empty", fix: "write a comparison, e.g. kde.nll_heldout < 1.5", at: location)
        }
        comparisons.append(try Self.comparison(group, beside: lastAnd))
        self.comparisons = comparisons
    }

    /// A word, a relation or quoted text, with its location.
    private struct Token {
        var text: String
        var quoted: Bool
        var location: SourceLocation
        var isRelation: Bool { !quoted && Assertion.relations.contains(text) }
    }

    private static func tokens(_ text: String, at: (Int) -> SourceLocation) throws -> [Token] {
        let characters = Array(text)
        var tokens: [Token] = []
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if c == " " || c == "\t" {
                i += 1
            } else if c == "'" || c == "\"" {
                guard let close = characters[(i + 1)...].firstIndex(of: c) else {
                    throw DirectiveError("text opened with \(c) is not closed", fix: "end it with \(c)", at: at(i))
                }
                tokens.append(Token(text: String(characters[(i + 1)..<close]), quoted: true, location: at(i)))
                i = close + 1
            } else if "<>=!".contains(c) {
                var j = i + 1
                while j < characters.count, "<>=!".contains(characters[j]) { j += 1 }
                let relation = String(characters[i..<j])
                guard relations.contains(relation) else {
                    throw DirectiveError("'\(relation)' is not a comparison",
                                         fix: relation == "=" ? "write '==' to compare for equality"
                                             : "use one of " + relations.joined(separator: " "), at: at(i))
                }
                tokens.append(Token(text: relation, quoted: false, location: at(i)))
                i = j
            } else {
                var j = i
                while j < characters.count, !" \t'\"<>=!".contains(characters[j]) { j += 1 }
                tokens.append(Token(text: String(characters[i..<j]), quoted: false, location: at(i)))
                i = j
            }
        }
        return tokens
    }

    /// The comparison `group` holds; `and` is the `and` next to it, where an empty one is reported.
    private static func comparison(_ group: [Token], beside and: Token?) throws -> Comparison {
        guard let first = group.first else {
            throw DirectiveError("'and' needs a comparison on each side", fix: "write e.g. a.x < b.x and b.x < 2",
                                 at: and?.location)
        }
        guard group.count == 3, group[1].isRelation, !group[0].isRelation, !group[2].isRelation else {
            let written = group.map { $0.quoted ? "'\($0.text)'" : $0.text }.joined(separator: " ")
            throw DirectiveError("'\(written)' is not one comparison",
                                 fix: "write operand, relation, operand, e.g. kde.nll_heldout < gauss.nll_heldout",
                                 at: first.location)
        }
        let left = try side(group[0]), right = try side(group[2])
        let relation = group[1].text
        for side in [left, right] where relation != "==" && relation != "!=" {
            if case .text = side.operand {
                throw DirectiveError("text can only be compared with == or !=", fix: "compare numbers with \(relation)",
                                     at: side.location)
            }
        }
        return Comparison(left: left, relation: relation, right: right, location: first.location)
    }

    private static func side(_ token: Token) throws -> Side {
        if token.quoted {
            return Side(operand: .text(token.text), written: "'\(token.text)'", location: token.location)
        }
        if let number = Double(token.text), number.isFinite {
            return Side(operand: .number(number), written: token.text, location: token.location)
        }
        let parts = token.text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let isName = { (s: String) in !s.isEmpty && s.allSatisfy { $0.isLetter || $0.isNumber || "_-".contains($0) } }
        guard parts.count == 2, isName(parts[0]), isName(parts[1]) else {
            throw DirectiveError("'\(token.text)' is neither a result label.key, a number nor quoted text",
                                 fix: "write e.g. kde.nll_heldout, 1.5 or 'kde'", at: token.location)
        }
        return Side(operand: .result(label: parts[0], key: parts[1]), written: token.text, location: token.location)
    }
}
