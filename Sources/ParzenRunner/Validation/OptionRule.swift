import ParzenFormat

/// A rule between a directive's options that no single option's type can express, declared
/// beside the options (`Directive.rules`) and checked before anything runs — by the
/// notebook runner in `check` and `render` alike, and by `parzen fit` on its flags.
///
/// Each rule words its own message, so a mistake reads the same wherever it is caught.
public enum OptionRule: Sendable {
    /// Exactly one of the options must be given; `example` shows one when none is.
    case exactlyOne([String], example: String)
    /// The two options exclude each other; each comes with what it means, for the message.
    case notTogether(OptionMeaning, OptionMeaning)
    /// `option` applies only when `other` is given; `meaning` names what `other` makes
    /// ("'n' only applies to generated data").
    case onlyWith(String, other: String, meaning: String)
    /// `option` applies only when `other` is set to one of `values` (`kernel` with
    /// `model: kde`, `folds` with `on: kfold`).
    case onlyWhen(String, other: String, isOneOf: [String])

    /// The options this rule is about, for docs and tests.
    public var optionNames: [String] {
        switch self {
        case .exactlyOne(let names, _): names
        case .notTogether(let a, let b): [a.name, b.name]
        case .onlyWith(let option, let other, _), .onlyWhen(let option, let other, _): [option, other]
        }
    }

    /// The rule's violations in `options`, each at the option at fault (the fence when an
    /// option is missing).
    public func violations(in options: OptionValues, directive: String, at fence: SourceLocation,
                           spelling: OptionSpelling = .notebook) -> [DirectiveError] {
        let name = spelling.name
        switch self {
        case .exactlyOne(let names, let example):
            let given = names.filter(options.has)
            if given.isEmpty {
                return [DirectiveError(.needsOneOf(directive: directive, options: names.map(name), example: example),
                                       at: fence)]
            }
            guard given.count > 1 else { return [] }
            return [DirectiveError(.onlyOneOf(options: names.map(name), given: given),
                                   at: options.location(of: given[1]) ?? fence)]
        case .notTogether(let a, let b):
            guard options.has(a.name), options.has(b.name) else { return [] }
            let problem = DirectiveProblem.notTogether(first: name(a.name), firstMeaning: a.meaning,
                                                       second: name(b.name), secondMeaning: b.meaning)
            return [DirectiveError(problem, at: options.location(of: b.name) ?? fence)]
        case .onlyWith(let option, let other, let meaning):
            guard options.has(option), !options.has(other) else { return [] }
            return [DirectiveError(.onlyWith(option: name(option), meaning: meaning, other: name(other)),
                                   at: options.location(of: option) ?? fence)]
        case .onlyWhen(let option, let other, let values):
            guard options.has(option) else { return [] }
            let allowed = values.map { spelling.setting(other, $0) }.joined(separator: ", ")
            guard let value = options.text(other) else {
                return [DirectiveError(.onlyWhenSet(option: name(option), allowed: allowed),
                                       at: options.location(of: option) ?? fence)]
            }
            guard !values.contains(value) else { return [] }
            return [DirectiveError(.doesNotApply(option: name(option), setting: spelling.setting(other, value),
                                                 allowed: allowed), at: options.location(of: option) ?? fence)]
        }
    }
}

/// An option with what it means, for messages that must tell two options apart.
public struct OptionMeaning: Sendable {
    public var name: String
    public var meaning: String

    public init(_ name: String, _ meaning: String) {
        self.name = name
        self.meaning = meaning
    }
}

/// How option names are written in messages: as notebook options or as command-line flags.
public enum OptionSpelling: Sendable {
    /// `'bandwidth'`, `model: kde`.
    case notebook
    /// `--bandwidth`, `--model kde`.
    case commandLine

    public func name(_ option: String) -> String {
        switch self {
        case .notebook: "'\(option)'"
        case .commandLine: "--" + option.replacingOccurrences(of: "_", with: "-")
        }
    }

    public func setting(_ option: String, _ value: String) -> String {
        switch self {
        case .notebook: "\(option): \(value)"
        case .commandLine: "--" + option.replacingOccurrences(of: "_", with: "-") + " \(value)"
        }
    }
}
