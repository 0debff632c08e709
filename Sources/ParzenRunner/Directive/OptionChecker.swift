import ParzenFormat
import ParzenMarkup

/// Checks a directive body (YAML) against the directive's declared options: unknown names
/// (did you mean?), missing required options, wrong types (naming the option, the expected
/// type and the value seen), labels that don't exist above or are of the wrong kind, and
/// paths that are missing or leave the project. Every message points at the value itself.
struct OptionChecker {
    let file: String
    let context: RunContext
    /// How messages spell option names: notebook options, or `parzen fit`'s flags.
    let spelling: OptionSpelling
    var diagnostics: [Diagnostic] = []

    init(file: String, context: RunContext, spelling: OptionSpelling = .notebook) {
        self.file = file
        self.context = context
        self.spelling = spelling
    }

    /// Options every directive accepts, whatever it declares.
    static let commonOptions: [OptionSpec] = [
        OptionSpec("expect", .choice(["error"]),
                   help: "Set to `error` to show an intended failure (e.g. a kernel Parzen refuses) without failing "
                       + "the build; the run fails if the directive then succeeds."),
        OptionSpec("echo", .boolean, default: "the front matter's `echo`, else false",
                   help: "Show the directive's source above its output, folded in a `<details>`."),
        OptionSpec("output", .choice(OutputDetail.allCases.map(\.rawValue)),
                   default: "the front matter's `output`, else full",
                   help: "How much of the output to show: `none` (figures and tables only), `brief` (also "
                       + "formulas with their numbers) or `full` (also the sentences and derivations)."),
    ]

    mutating func check(_ source: DirectiveSource, as directive: any Directive.Type) -> OptionValues {
        let specs = directive.options + Self.commonOptions
        let (yaml, yamlDiagnostics) = YAMLReader.read(source.body, file: file, firstLine: source.bodyLine,
                                                      firstColumn: source.bodyColumn)
        diagnostics += yamlDiagnostics.map { Self.withinBody($0, of: source) }
        // A body that is not valid YAML has no options to check: anything said about them
        // ("needs the option 'data'" when `data:` is there) would be false.
        if yamlDiagnostics.contains(where: { $0.severity == .error }) { return OptionValues([:]) }
        var values: [String: OptionValue] = [:]
        let entries: [YAMLEntry]
        switch yaml {
        case nil: entries = []
        case .mapping(let list, _)?: entries = list
        case let other?:
            error(at: other.location, .bodyIsNotAMapping(directive: source.name, found: other.kindDescription,
                                                         firstOption: specs[0].name))
            return OptionValues([:])
        }
        for entry in entries {
            guard let spec = specs.first(where: { $0.name == entry.key }) else {
                error(
                    at: entry.keyLocation, .unknownOption(entry.key, directive: source.name, known: specs.map(\.name)))
                continue
            }
            if let value = convert(entry.value, to: spec.type, option: spec.name) {
                values[spec.name] = value
            }
        }
        let written = Set(entries.map(\.key))
        for spec in specs where spec.isRequired && values[spec.name] == nil && !written.contains(spec.name) {
            error(at: source.location, .missingOption(spec.name, type: spec.type.description, directive: source.name))
        }
        return OptionValues(values)
    }

    /// A YAML error found at the end of the stream (an unclosed `[` or quote) of a body that
    /// ends with a line break is at the start of the line after it, which is the closing
    /// fence; it belongs at the end of the body's last line. Lines split at "\n" scalars (as
    /// Characters, "\r\n" would not split), the end of a line being before its "\r".
    private static func withinBody(_ diagnostic: Diagnostic, of source: DirectiveSource) -> Diagnostic {
        var lines = source.body.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        if source.body.unicodeScalars.last == "\n" { lines.removeLast() }
        let lastLine = source.bodyLine + lines.count - 1
        guard let last = lines.last, diagnostic.location.line > lastLine else { return diagnostic }
        var moved = diagnostic
        let length = last.count - (last.last == "\r" ? 1 : 0)
        moved.location = SourceLocation(line: lastLine, column: source.bodyColumn + length)
        return moved
    }

    /// Checks command-line values, as typed, against `specs` (every flag must be declared
    /// there); no option is required, the argument parser sees to that.
    mutating func check(flags: [(name: String, text: String)], specs: [OptionSpec]) -> OptionValues {
        var values: [String: OptionValue] = [:]
        for (name, text) in flags {
            let spec = specs.first { $0.name == name }!
            let location = SourceLocation(line: 1, column: 1)
            if let value = convert(.scalar(text, isPlain: true, at: location), to: spec.type, option: name) {
                values[name] = value
            }
        }
        return OptionValues(values)
    }

    private mutating func error(at location: SourceLocation, _ problem: DirectiveProblem) {
        diagnostics.append(Diagnostic(.error, file: file, at: location, problem.message, fix: problem.fix))
    }

    /// `whole` is the option's own type when `expected` is that of one of its list items, so
    /// the example is a whole setting (`values: [1, 2.5]`).
    private mutating func wrongType(_ value: YAMLValue, option: String, expected: OptionType,
                                    whole: OptionType? = nil) {
        error(at: value.location,
              .wrongType(option: spelling.name(option), expected: expected.description, found: value.kindDescription,
                         example: spelling.setting(option, (whole ?? expected).example { labels(of: $0).last })))
    }

    /// `{from: label.key}` in a numeric option: the label must name an earlier result, and the
    /// key one of the values its directive declares for its shape, of a kind the option takes
    /// (a whole number for an integer option, else a number). A label whose directive failed
    /// declared nothing: the run says where it failed.
    private mutating func resultReference(_ value: YAMLValue, option: String, type: OptionType) -> OptionValue? {
        guard let text = value.scalarText, let dot = text.firstIndex(of: "."), dot != text.startIndex,
              text.index(after: dot) != text.endIndex else {
            error(at: value.location, .malformedResultReference(option: spelling.name(option),
                                                                found: value.scalarText ?? value.kindDescription))
            return nil
        }
        let label = String(text[..<dot]), key = String(text[text.index(after: dot)...])
        guard context.declaredKind(of: label) != nil else {
            error(at: value.location, context.missingProblem(label))
            return nil
        }
        if let declarations = context.resultKeys[label] {
            guard let kind = declarations.kind(of: key) else {
                error(at: value.location, declarations.missing(key, of: label)!)
                return nil
            }
            let fits: Bool = if case .integer = type { kind == .integer } else { [.number, .integer].contains(kind) }
            guard fits else {
                let expected = if case .integer = type { "a whole number" } else { "a number" }
                error(at: value.location, .resultValueDoesNotFit(option: spelling.name(option), reference: text,
                                                                 expected: expected, found: kind.description))
                return nil
            }
        }
        return OptionValue(.result(label: label, key: key), at: value.location)
    }

    /// The labels declared above of one of `kinds`, in page order.
    private func labels(of kinds: [ResultKind]) -> [String] {
        context.declaredLabels.compactMap { label in
            context.declaredKind(of: label).flatMap { kinds.contains($0.kind) ? (label, $0.location) : nil }
        }
        .sorted { $0.1 < $1.1 }.map(\.0)
    }

    /// `whole`: as in `wrongType`.
    private mutating func convert(_ value: YAMLValue, to type: OptionType, option: String,
                                  whole: OptionType? = nil) -> OptionValue? {
        let at = value.location
        if type.isNumeric, case .mapping(let entries, _) = value, entries.map(\.key) == ["from"] {
            return resultReference(entries[0].value, option: option, type: type)
        }
        func refuse() -> OptionValue? {
            wrongType(value, option: option, expected: type, whole: whole)
            return nil
        }
        switch type {
        case .number, .positiveNumber, .fraction:
            guard case .scalar(let text, true, _, _) = value, let x = Double(text), x.isFinite else { return refuse() }
            if case .positiveNumber = type, !(x > 0) { return refuse() }
            if case .fraction = type, !(x >= 0 && x < 1) { return refuse() }
            return OptionValue(.number(x), at: at)
        case .integer(let range):
            guard case .scalar(let text, true, _, _) = value, let n = Int(text), range.contains(n) else {
                return refuse()
            }
            return OptionValue(.integer(n), at: at)
        case .text:
            guard case .scalar(let text, _, _, let start) = value else { return refuse() }
            return OptionValue(.text(text), at: at, textStart: start)
        case .boolean:
            let words = ["true": true, "false": false, "yes": true, "no": false]
            guard case .scalar(let text, true, _, _) = value, let b = words[text] else {
                return refuse()
            }
            return OptionValue(.boolean(b), at: at)
        case .choice(let words):
            return choice(value, words: words, option: option, type: type)
        case .numberOrChoice(let words):
            // `.inf` is no word of the choice but a number that is not finite.
            if case .scalar(let text, true, _, _) = value, YAMLValue.nonFinite(text) != nil { return refuse() }
            if case .scalar(let text, true, _, _) = value, let x = Double(text) {
                guard x.isFinite, x > 0 else { return refuse() }
                return OptionValue(.number(x), at: at)
            }
            return choice(value, words: words, option: option, type: type)
        case .list(let itemType):
            let items: [YAMLValue]
            if case .sequence(let list, _) = value { items = list } else { items = [value] }
            var converted: [OptionValue] = []
            for item in items {
                guard let c = convert(item, to: itemType, option: option, whole: whole ?? type) else { return nil }
                converted.append(c)
            }
            return OptionValue(.list(converted), at: at)
        case .label(let kinds):
            guard let label = value.scalarText, !label.isEmpty else {
                return refuse()
            }
            guard let declared = context.declaredKind(of: label) else {
                error(at: at, context.missingProblem(label))
                return nil
            }
            guard kinds.contains(declared.kind) else {
                let line = declared.location.line
                error(at: at, .wrongLabelKind(option: option, expected: type.description, label: label, line: line,
                                              kind: declared.kind.rawValue,
                                              wanted: kinds.map(\.rawValue).joined(separator: " or "),
                                              candidates: labels(of: kinds)))
                return nil
            }
            return OptionValue(.label(label), at: at)
        case .labelOrWord(let kinds, let words):
            if case .scalar(let text, true, _, _) = value, words.contains(text) {
                return OptionValue(.text(text), at: at)
            }
            return convert(value, to: .label(kinds), option: option, whole: whole ?? type)
        case .path:
            guard let written = value.scalarText, !written.isEmpty else {
                return refuse()
            }
            switch context.paths.resolve(written) {
            case .success(let resolved):
                return OptionValue(.path(resolved: resolved, written: written), at: at)
            case .failure(.missing(let resolved)):
                error(at: at, .fileNotFound(written: written, resolved: resolved))
            case .failure(.outsideProject(_, let root)):
                error(at: at, .pathOutsideProject(written: written, root: root))
            }
            return nil
        case .structure:
            return OptionValue(.yaml(value), at: at)
        case .scalarOrStructure(let scalar, _):
            // A scalar is checked (and worded) as its own type; a mapping goes to the directive.
            if case .scalar = value { return convert(value, to: scalar, option: option, whole: whole ?? type) }
            guard case .mapping = value else { return refuse() }
            return OptionValue(.yaml(value), at: at)
        }
    }

    private mutating func choice(_ value: YAMLValue, words: [String], option: String,
                                 type: OptionType) -> OptionValue? {
        guard let text = value.scalarText else { wrongType(value, option: option, expected: type); return nil }
        guard words.contains(text) else {
            error(at: value.location, .unknownChoice(option: spelling.name(option), expected: type.description,
                                                     found: text, choices: words,
                                                     example: spelling.setting(option, words.first ?? text)))
            return nil
        }
        return OptionValue(.text(text), at: value.location)
    }
}
