import ParzenFormat

import ParzenMarkup

/// The mistakes in directives that every directive can make — in its body, its options, the
/// labels it uses and the files it reads — as typed cases, with all their wording (the
/// problem, then the fix) in this one file, as swift-argument-parser keeps its messages in
/// one generator. Checks say *which* mistake; this file says how it reads, so `check`,
/// `render` and `parzen fit` word it alike. Option names arrive already spelt for where they
/// were written (`'beta'` in a notebook, `--beta` on the command line).
public enum DirectiveProblem: Sendable, Equatable {
    case bodyIsNotAMapping(directive: String, found: String, firstOption: String)
    case unknownOption(String, directive: String, known: [String])
    case missingOption(String, type: String, directive: String)
    /// `example` is a setting of the right type, spelt as the option is (`n: 10`, `--n 10`).
    case wrongType(option: String, expected: String, found: String, example: String)
    /// `example`: the first choice as a setting, for when no choice is close to `found`.
    case unknownChoice(option: String, expected: String, found: String, choices: [String], example: String)
    /// `wanted`: the kinds the option takes, in words (`fitted model`); `candidates`: the
    /// labels above of those kinds.
    case wrongLabelKind(option: String, expected: String, label: String, line: Int, kind: String,
                        wanted: String, candidates: [String])
    /// `expected`: the kind of result wanted (`fitted model`), when the caller knows it.
    case unusableResult(label: String, kind: String, expected: String?)
    case fileNotFound(written: String, resolved: String)
    case pathOutsideProject(written: String, root: String)
    /// A file the option names that exists but cannot be read (its permissions).
    case unreadableFile(written: String)
    /// A folder where a file is wanted; `example` is a file in it, if it has one.
    case folderNotFile(written: String, example: String?)
    /// A file that is not UTF-8: the first invalid byte, where it is in the file.
    case notUTF8(written: String, invalid: InvalidUTF8)
    case noResult(label: String, labelsAbove: [String])
    case failedDependency(label: String, line: Int)
    case unknownDirective(String, known: [String])
    case duplicateLabel(String, firstLine: Int)
    case expectedErrorDidNotHappen
    case needsOneOf(directive: String, options: [String], example: String)
    case onlyOneOf(options: [String], given: [String])
    case notTogether(first: String, firstMeaning: String, second: String, secondMeaning: String)
    case onlyWith(option: String, meaning: String, other: String)
    case onlyWhenSet(option: String, allowed: String)
    case doesNotApply(option: String, setting: String, allowed: String)
    case malformedResultReference(option: String, found: String)
    case missingResultValue(label: String, key: String, keys: [String])
    case resultValueDoesNotFit(option: String, reference: String, expected: String, found: String)
    /// An option of a directive with several kinds (`{plot}`) that the kind in effect does not
    /// use; `suggestion` is the closest option it does use, if one is close.
    case notUsedByKind(option: String, kind: String, usedBy: [String], suggestion: String?)

    /// What is wrong, as a sentence fragment.
    public var message: String {
        switch self {
        case .bodyIsNotAMapping(let directive, let found, _):
            "the body of {\(directive)} must be 'option: value' lines, found \(found)"
        case .unknownOption(let name, let directive, _): "unknown option '\(name)' for {\(directive)}"
        case .missingOption(let name, let type, let directive): "{\(directive)} needs the option '\(name)' (\(type))"
        case .wrongType(let option, let expected, let found, _): "option \(option) expects \(expected), found \(found)"
        case .unknownChoice(let option, let expected, let found, _, _):
            "option \(option) expects \(expected), found '\(found)'"
        case .wrongLabelKind(let option, let expected, let label, let line, let kind, _, _):
            "option '\(option)' needs \(expected), but '\(label)' (line \(line)) is a \(kind)"
        case .unusableResult(let label, let kind, _): "'\(label)' is a \(kind), which cannot be used here"
        case .fileNotFound(let written, let resolved): "file '\(written)' not found (looked for \(resolved))"
        case .pathOutsideProject(let written, let root): "path '\(written)' leaves the project folder \(root)"
        case .unreadableFile(let written): "cannot read the file '\(written)'"
        case .folderNotFile(let written, _): "'\(written)' is a folder, not a file"
        case .notUTF8(let written, let invalid):
            "\(written) (line \(invalid.location.line), column \(invalid.location.column)): \(invalid.byteName) is "
                + "not UTF-8 text"
        case .noResult(let label, _): "no result labelled '\(label)' above this point"
        case .failedDependency(let label, let line): "'\(label)' failed at line \(line)"
        case .unknownDirective(let name, _): "unknown directive '{\(name)}'"
        case .duplicateLabel(let label, let line): "label '\(label)' is already used at line \(line)"
        case .expectedErrorDidNotHappen: "this directive was expected to fail (expect: error) but it succeeded"
        case .needsOneOf(let directive, let options, _): "{\(directive)} needs one of \(Self.list(options, "or"))"
        case .onlyOneOf(let options, let given):
            "give only one of \(Self.list(options, "and")) (found \(given.joined(separator: " and ")))"
        case .notTogether(let first, let firstMeaning, let second, let secondMeaning):
            "give either \(first) (\(firstMeaning)) or \(second) (\(secondMeaning)), not both"
        case .onlyWith(let option, let meaning, _): "\(option) only applies to \(meaning)"
        case .onlyWhenSet(let option, let allowed): "\(option) only applies to \(allowed)"
        case .doesNotApply(let option, let setting, _): "\(option) does not apply to \(setting)"
        case .malformedResultReference(let option, let found):
            "option \(option) takes an earlier result as {from: label.key}, found \(found)"
        case .missingResultValue(let label, let key, _): "'\(label)' has no value '\(key)'"
        case .resultValueDoesNotFit(let option, let reference, let expected, let found):
            "option \(option) expects \(expected), but \(reference) is \(found)"
        case .notUsedByKind(let option, let kind, let usedBy, _):
            "kind '\(kind)' does not use \(option) (only \(Self.list(usedBy, "and")) "
                + (usedBy.count == 1 ? "does)" : "do)")
        }
    }

    /// What to do about it, when there is something to say.
    public var fix: String? {
        switch self {
        case .bodyIsNotAMapping(_, _, let first): "write one option per line, e.g. '\(first): …'"
        case .unknownOption(let name, _, let known): Suggestion.fix(for: name, among: known)
        case .missingOption(let name, _, _): "add a line '\(name): …' to its body"
        case .unknownChoice(_, _, let found, let choices, let example):
            Suggestion.didYouMean(found, among: choices) ?? "write e.g. \(example)"
        case .fileNotFound: "paths are relative to the notebook's folder"
        case .pathOutsideProject: "move the file into the project, or run with --allow-outside"
        case .noResult(let label, let labels):
            Suggestion.didYouMean(label, among: labels)
                ?? "a directive can only use results labelled above it"
                + (labels.isEmpty ? "" : " (so far: \(labels.joined(separator: ", ")))")
        case .failedDependency: "fix the error there first"
        case .unknownDirective(let name, let known): Suggestion.fix(for: name, among: known)
        case .duplicateLabel: "labels must be unique in a notebook; rename one"
        case .expectedErrorDidNotHappen: "remove 'expect: error' or change the input so that it fails"
        case .needsOneOf(_, _, let example): "e.g. \(example)"
        case .onlyWith(_, _, let other): "remove it, or use \(other)"
        case .onlyWhenSet(_, let allowed): "remove it, or set \(allowed)"
        case .doesNotApply(_, _, let allowed): "it applies to \(allowed); remove it"
        case .malformedResultReference:
            "write the label of a directive above, a dot and the name of one of its values, e.g. {from: scan.best_beta}"
        case .missingResultValue(let label, let key, let keys):
            Suggestion.didYouMean(key, among: keys)
                ?? "its values are: " + keys.joined(separator: ", ") + " (docs/directives.md lists them)"
        case .resultValueDoesNotFit: "take another value, or write the number itself"
        case .notUsedByKind(_, _, let usedBy, let suggestion):
            suggestion.map { "did you mean '\($0)'?" } ?? "remove it, or set kind: \(usedBy[0])"
        case .wrongType(_, _, _, let example): "write e.g. \(example)"
        case .wrongLabelKind(_, _, _, _, _, let wanted, let candidates):
            candidates.isEmpty
                ? "there is no \(wanted) above this directive: add one, label it, and use that label"
                : "use \(Self.list(candidates.map { "'\($0)'" }, "or"))"
        case .unusableResult(_, _, let expected):
            expected.map { "use the label of a \($0)" } ?? "use the label of a result this option accepts"
        case .unreadableFile: "check the file's permissions (ls -l)"
        case .folderNotFile(let written, let example):
            example.map { "name a file in it, e.g. '\($0)'" }
                ?? "it holds no files; name the file to read, e.g. '\(written.hasSuffix("/") ? written : written + "/")"
                + "data.csv'"
        case .notUTF8(let written, let invalid):
            // A UTF-16 byte-order mark (FF FE or FE FF) opens the file; anything else is most
            // often Latin-1 or Windows-1252 from a spreadsheet.
            (invalid.location == SourceLocation(line: 1, column: 1) && invalid.byte >= 0xFE
                ? "save the file as UTF-8; from UTF-16: iconv -f utf-16 -t utf-8 "
                : "save the file as UTF-8; from Latin-1: iconv -f latin1 -t utf-8 ")
                + "\(Self.shell(written)) > \(Self.shell(Self.utf8Name(written))), then use that file"
        case .onlyOneOf(_, let given): "keep \(given[0]) and remove \(given.dropFirst().joined(separator: " and "))"
        case .notTogether(let first, _, let second, _): "remove \(second), or remove \(first)"
        }
    }

    /// `data/x.csv` → `data/x-utf8.csv`, the name suggested for a file saved as UTF-8.
    private static func utf8Name(_ path: String) -> String {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        guard let dot = path[slash...].lastIndex(of: "."), dot != slash else { return path + "-utf8" }
        return path[..<dot] + "-utf8" + path[dot...]
    }

    /// `path` as one shell word: quoted when it holds anything but letters, digits and `._/-`.
    private static func shell(_ path: String) -> String {
        let plain = path.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || "0123456789._/-".unicodeScalars.contains($0)
        }
        return plain ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// "a, b or c".
    private static func list(_ names: [String], _ conjunction: String) -> String {
        names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " \(conjunction) " + names.last!
    }
}

extension DirectiveError {
    /// The error for `problem`, at `location` (the fence when nil).
    public init(_ problem: DirectiveProblem, at location: SourceLocation? = nil) {
        self.init(problem.message, fix: problem.fix, at: location)
    }
}

extension Diagnostic {
    /// An error diagnostic for `problem` in `file` at `location`.
    init(_ problem: DirectiveProblem, file: String, at location: SourceLocation) {
        self.init(.error, file: file, at: location, problem.message, fix: problem.fix)
    }
}
