import ArgumentParser
import Foundation
import ParzenFormat
import ParzenRunner

/// How diagnostics are printed on standard error.
public enum DiagnosticsFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// `path:line:column: severity: message`, one per line (the compilers' format).
    case text
    /// One JSON array of objects with file, line, column, severity, message, fix.
    case json

    public func print(_ diagnostics: [Diagnostic]) {
        let output: String
        switch self {
        case .text:
            guard !diagnostics.isEmpty else { return }
            output = diagnostics.map(\.description).joined(separator: "\n") + "\n"
        case .json:
            output = JSONValue.array(diagnostics.map(\.json)).serialized() + "\n"
        }
        FileHandle.standardError.write(Data(output.utf8))
    }
}
