import ParzenChart
import Foundation
import ParzenFormat
import ParzenReport
import ParzenRunner
import ParzenTestSupport

/// Paths of the repository (see ``Fixtures``).
enum Repository {
    static let root = Fixtures.repositoryRoot.path
    static let templates = root + "/templates"
}

/// A directive for report tests: shows a number, a formula and a table; fails on request.
enum Echo: Directive {
    static let name = "echo"
    static let version = 1
    static let summary = "Shows a number."
    static let resultKind = ResultKind(rawValue: "echo")
    static let example = "value: 2\n"
    static let options = [
        OptionSpec("value", .number, required: true, help: "The number."),
        OptionSpec("fail", .boolean, help: "Throw on purpose."),
        OptionSpec("caption", .text, help: "A figure caption."),
        OptionSpec("table-caption", .text, help: "A caption for the result table."),
    ]
    static func citables(label: String?, body: YAMLValue?) -> [ReferenceDeclaration.Kind] {
        body?["caption"] == nil ? [] : [.figure]
    }
    static func run(_ call: DirectiveCall, in context: RunContext) throws -> DirectiveResult {
        let value = call.options.number("value")!
        if call.options.boolean("fail") == true {
            throw DirectiveError("echo failed as asked", at: call.options.location(of: "fail"))
        }
        var values = ResultValues()
        values["value"] = .number(value)
        values["name"] = .text("<b>&</b>")
        let v = MathExpression.variable("v")
        var output: [OutputBlock] = [
            .paragraph([.text("The value is "), .math(.row([v, .symbol(.equals), .num(value)])), .text(".")]),
            .table(ResultTable(header: [[.text("quantity")], [.text("value")]], rows: [[[.math(v)], [.number(value)]]],
                               caption: call.options.text("table-caption").map { [.text($0)] })),
        ]
        if let caption = call.options.text("caption") {
            let chart = Chart(id: "echo", marks: [.line(Line(x: [0, 1], y: [0, value]))])
            output.append(.figure(FigureOutput(.chart(chart), caption: AuthoredText(caption, at: call.options.location(of: "caption")!))))
        }
        return DirectiveResult(kind: resultKind, values: values, output: output)
    }
}

/// Writes `text` as a notebook in a fresh temporary folder and returns its path.
func temporaryNotebook(_ text: String, name: String = "nb.md") throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-report-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

let testRegistry = DirectiveRegistry([Echo.self])

func build(_ text: String, checkOnly: Bool = false) throws -> NotebookBuild {
    let path = try temporaryNotebook(text)
    return ReportBuilder(registry: testRegistry, allowOutside: false).build(path: path, checkOnly: checkOnly)
}

/// The text content of HTML: tags removed, the common entities decoded, whitespace collapsed.
func textContent(_ html: String) -> String {
    var out = ""
    var inTag = false
    for c in html {
        if c == "<" { inTag = true; out.append(" "); continue }
        if c == ">" { inTag = false; continue }
        if !inTag { out.append(c) }
    }
    for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
        out = out.replacingOccurrences(of: entity, with: character)
    }
    return out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
}
