import ParzenFormat
import ParzenMarkup

/// ```` ```{assert} ````: a conclusion the prose states, checked against the results every
/// time the notebook is built (`that: kde.nll_heldout < gauss.nll_heldout`). When a new data
/// set, seed or version makes it false, the build fails at the comparison with both values;
/// when it holds, the page shows a one-line "✓ Checked" note with the values, so a reader sees
/// the claim was tested.
///
/// `parzen check` parses the claim and checks that its labels exist above, computing nothing;
/// the labels it reads are its inputs, so its cached verdict is renewed when any of them changes.
public enum AssertDirective: Directive {
    public static let name = "assert"
    public static let version = 1
    public static let summary =
        "Check a claim about earlier results, such as one model's NLL being lower than another's, and fail the " +
            "build when it is false."
    public static let resultKind = ResultKind(rawValue: "check")
    public static let example = """
        that: kde.nll_heldout < gauss.nll_heldout
        """

    public static let options = [
        OptionSpec(
            "that", .text, required: true,
            help: "Comparisons of results (`label.key`), numbers and quoted text with <, <=, >, >=, == or !=, "
                + "joined by `and`, e.g. `kde.nll_heldout < gauss.nll_heldout and cmp.best == 'kde'`."),
        OptionSpec(
            "tolerance", .number, default: "0",
            help: "How far apart two numbers may be and still count as equal (for ==, !=, <= and >=, and so that "
                + "< and > need a gap larger than it)."),
    ]

    public static func validate(_ call: DirectiveCall, in context: ValidationContext) throws -> ResultShape {
        let assertion = try parse(call)
        if let tolerance = call.options.number("tolerance"), tolerance < 0 {
            throw DirectiveError("a tolerance of \(NumberFormat.plain(tolerance)) is negative",
                                 fix: "write a tolerance ≥ 0", at: call.options.location(of: "tolerance"))
        }
        for comparison in assertion.comparisons {
            for side in [comparison.left, comparison.right] {
                if case .result(let label, let key) = side.operand {
                    _ = try context.shape(label, at: side.location)
                    try context.checkValue(key, of: label, at: side.location)
                }
            }
        }
        return .opaque(resultKind)
    }

    public static func run(_ call: DirectiveCall, in context: RunContext) throws -> DirectiveResult {
        let assertion = try parse(call)
        let tolerance = call.options.number("tolerance") ?? 0
        var note: [Inline] = [.text("✓ Checked: ")]
        for (index, comparison) in assertion.comparisons.enumerated() {
            let left = try value(of: comparison.left, in: context)
            let right = try value(of: comparison.right, in: context)
            guard try holds(left, comparison.relation, right, tolerance: tolerance, at: comparison) else {
                let shown = [(comparison.left, left), (comparison.right, right)].compactMap { side, value -> String? in
                    guard case .result = side.operand else { return nil }
                    return "\(side.written) = \(text(value, beside: left, right))"
                }
                let within = tolerance > 0 ? " (tolerance \(NumberFormat.plain(tolerance)))" : ""
                throw DirectiveError(
                    "'\(comparison.written)' is false\(within): " + shown.joined(separator: ", "),
                    fix: "the results no longer support this claim: revise the prose that states it and this "
                        + "assertion, or find what changed (data, seed, options)",
                    at: comparison.location)
            }
            if index > 0 { note.append(.text(" and ")) }
            note += [.code(comparison.left.written)] + shownValue(comparison.left, left)
                + [.text(" " + comparison.relation + " "), .code(comparison.right.written)]
                + shownValue(comparison.right, right)
        }
        note.append(.text("."))
        var values = ResultValues()
        values["holds"] = .boolean(true)
        return DirectiveResult(kind: resultKind, values: values, output: [.paragraph(note)])
    }

    private static func parse(_ call: DirectiveCall) throws -> Assertion {
        try Assertion(call.options["that"]!)
    }

    /// What one side stands for: a number or text.
    private enum Value {
        case number(Double)
        case text(String)
    }

    private static func value(of side: Assertion.Side, in context: RunContext) throws -> Value {
        switch side.operand {
        case .number(let x): return .number(x)
        case .text(let s): return .text(s)
        case .result(let label, let key):
            let result = try context.result(label, at: side.location)
            switch result.values[key] {
            case .number(let x): return .number(x)
            case .integer(let n): return .number(Double(n))
            case .text(let s): return .text(s)
            case .boolean(let b): return .text(b ? "true" : "false")
            case .numbers:
                throw DirectiveError("'\(side.written)' is a list of numbers", fix: "compare one number at a time",
                                     at: side.location)
            case nil:
                throw DirectiveError("'\(label)' has no value '\(key)'",
                                     fix: Suggestion.fix(for: key, among: result.values.keys), at: side.location)
            }
        }
    }

    private static func holds(_ left: Value, _ relation: String, _ right: Value, tolerance: Double,
                              at comparison: Assertion.Comparison) throws -> Bool {
        switch (left, right) {
        case (.number(let a), .number(let b)):
            let equal = abs(a - b) <= tolerance
            switch relation {
            case "<": return a < b && !equal
            case "<=": return a < b || equal
            case ">": return a > b && !equal
            case ">=": return a > b || equal
            case "==": return equal
            default: return !equal
            }
        case (.text(let a), .text(let b)):
            guard relation == "==" || relation == "!=" else {
                throw DirectiveError("text can only be compared with == or !=", at: comparison.location)
            }
            return (a == b) == (relation == "==")
        default:
            let textSide = if case .text = left { comparison.left } else { comparison.right }
            throw DirectiveError("'\(comparison.written)' compares a number with text",
                                 fix: "'\(textSide.written)' is text: compare it with quoted text",
                                 at: textSide.location)
        }
    }

    /// A value for a message: six significant digits, all seventeen when six would print two
    /// different numbers alike.
    private static func text(_ value: Value, beside left: Value, _ right: Value) -> String {
        switch value {
        case .text(let s): return "'\(s)'"
        case .number(let x):
            if case .number(let a) = left, case .number(let b) = right, a != b,
               NumberFormat.plain(a, digits: 6) == NumberFormat.plain(b, digits: 6) {
                return NumberFormat.plain(x, digits: 17)
            }
            return NumberFormat.plain(x, digits: 6)
        }
    }

    /// " (0.8123)" after a result's name in the note; nothing after a literal.
    private static func shownValue(_ side: Assertion.Side, _ value: Value) -> [Inline] {
        guard case .result = side.operand else { return [] }
        switch value {
        case .number(let x): return [.text(" ("), .number(x), .text(")")]
        case .text(let s): return [.text(" ('\(s)')")]
        }
    }
}
