import Foundation
import ParzenMath

/// `parzen-bench math FILE.md [--runs N] [--export-markdown]` — times TeX → MathML for every
/// formula of a Markdown file (`$$…$$` display, `$…$` inline with kramdown's backslash escapes
/// removed), as one document: a fresh `MathDocument`, every formula, then reference resolution.
///
/// Prints the median and minimum over `--runs` passes (default 200) after 5 warm-up passes.
/// `--export-markdown` instead prints the same formulas as plain Markdown paragraphs, so
/// bench/math.sh can time `pandoc --mathml` on exactly the same TeX.
enum MathBenchmarks {
    static func run(arguments: [String]) {
        guard let path = arguments.first(where: { !$0.hasPrefix("--") && Int($0) == nil }),
              let markdown = try? String(contentsOfFile: path, encoding: .utf8) else {
            print("usage: parzen-bench math FILE.md [--runs N] [--export-markdown]")
            return
        }
        let formulas = mathSpans(in: markdown)
        if arguments.contains("--export-markdown") {
            for formula in formulas {
                print(formula.display ? "$$\n\(formula.tex)\n$$\n" : "$\(formula.tex)$\n")
            }
            return
        }
        let runs =
            arguments.firstIndex(of: "--runs").flatMap {
                arguments.indices.contains($0 + 1) ? Int(arguments[$0 + 1]) : nil
            } ?? 200
        var errors = 0
        func pass() -> Int {
            let document = MathDocument(macros: [:])
            var bytes = 0
            var problems = 0
            for (index, formula) in formulas.enumerated() {
                let result = document.typeset(formula.tex, display: formula.display, origin: index)
                bytes += result.html.utf8.count
                problems += result.diagnostics.count
            }
            errors = problems
            return bytes
        }
        for _ in 0..<5 { _ = pass() }
        var seconds: [Double] = []
        var bytes = 0
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            bytes = pass()
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        seconds.sort()
        let median = seconds[seconds.count / 2]
        let inline = formulas.filter { !$0.display }.count
        print(String(format: "math %@: %d formulas (%d inline, %d display), %d diagnostics, %d bytes of MathML",
                (path as NSString).lastPathComponent, formulas.count, inline, formulas.count - inline, errors, bytes))
        print(String(format: "parzen median %.3f ms  min %.3f ms  (%d runs)  %.1f µs per formula",
                     median * 1e3, seconds[0] * 1e3, runs, median * 1e6 / Double(max(formulas.count, 1))))
    }

    /// Math spans of a kramdown/Jekyll post, in order.
    private static func mathSpans(in markdown: String) -> [(tex: String, display: Bool)] {
        let pattern = /\$\$(?<display>(?:\\.|[^$])+?)\$\$|\$(?<inline>(?:\\.|[^$\\])+)\$/.dotMatchesNewlines()
        return markdown.matches(of: pattern).map { match in
            if let display = match.output.display {
                return (display.trimmingCharacters(in: .whitespacesAndNewlines), true)
            }
            // kramdown: a backslash before ASCII punctuation is an escape.
            let inline = String(match.output.inline ?? "")
            let unescaped = inline.replacing(/\\([!-\/:-@\[-`{-~])/) { String($0.output.1) }
            return (unescaped, false)
        }
    }
}
