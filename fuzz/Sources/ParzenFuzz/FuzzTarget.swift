import Foundation

/// What a fuzz harness feeds Parzen, and the invariants it checks on every input besides "no
/// crash, no hang, no leak" (which the sanitizers and libFuzzer's timeouts check).
///
/// The library is part of the normal build so that `ParzenFuzzTests` replays the committed
/// corpus and every minimised finding through the same checks; only the libFuzzer entry points
/// (`fuzz/Harnesses/`) need the special flags, see the Makefile's `fuzz` target.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// A notebook through `parzen check`'s path (front matter, Markdown, math, every
    /// directive's option checking): every diagnostic in the notebook lies inside it.
    case notebook
    /// A formula to MathML, inline and display, then the page's reference resolution: the
    /// MathML is well-formed XML and every diagnostic's offset lies inside the formula.
    case tex
    /// A CSV file through the reader: a problem lies inside the file; a table is rectangular.
    case csv
    /// A directive's YAML body (first line: the directive's name) through the YAML reader
    /// and the option checker: every diagnostic lies inside the input.
    case options
    /// A `.bib` file through the reader and the reference list of every entry in both
    /// styles: every diagnostic lies inside the file.
    case bib

    /// Where the fuzzed notebook or directive pretends to be: beside the bundled notebooks, so
    /// that relative data paths in the seeds (`data/old-faithful.csv`) resolve. Located from
    /// this source file, so the current directory does not matter.
    static let notebookPath: String = {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        for _ in 0..<4 { url.deleteLastPathComponent() }  // fuzz/Sources/ParzenFuzz/FuzzTarget.swift
        return url.appendingPathComponent("notebooks/fuzz.md").path
    }()

    /// The invariants `input` breaks; empty when all hold.
    public func violations(_ input: [UInt8]) -> [String] {
        let text = String(decoding: input, as: UTF8.self)
        switch self {
        case .notebook: return NotebookFuzzing.violations(text)
        case .tex: return TeXFuzzing.violations(text)
        case .csv: return CSVFuzzing.violations(text)
        case .options: return OptionsFuzzing.violations(text)
        case .bib: return BibFuzzing.violations(text)
        }
    }

    /// Checks `input` and stops the process with the broken invariants, so that libFuzzer
    /// records the input as a crash.
    public func run(_ input: UnsafeBufferPointer<UInt8>) {
        let broken = violations(Array(input))
        if !broken.isEmpty { fatalError("\(rawValue) invariant broken: " + broken.joined(separator: "; ")) }
    }
}
