import ParzenMarkup

/// The model families, in the order help and docs list them: the one registry of the
/// `model:` namespace.
public enum ModelFamilies {
    public static let all: [any ModelFamily.Type] = [
        GaussianFamily.self, StudentTFamily.self, KDEFamily.self, EmpiricalFamily.self,
        MixtureFamily.self, PPCAFamily.self, LatentFamily.self,
    ]

    public static var names: [String] { all.map { $0.name } }

    public static func named(_ name: String) -> (any ModelFamily.Type)? {
        all.first { $0.name == name }
    }

    /// The help of `model:`: every family with what it is.
    static var help: String {
        "The model family: " + all.map { "`\($0.name)` (\($0.help))" }.joined(separator: ", ") + "."
    }

    /// Every family's own options, each once, in registry order.
    static var options: [OptionSpec] {
        var seen = Set<String>()
        return all.flatMap { $0.options }.filter { seen.insert($0.name).inserted }
    }

    /// Option name → the families that read it, so a misplaced option is an error, not ignored.
    static var readers: [(option: String, families: [String])] {
        options.map { option in (option.name, all.filter { $0.reads.contains(option.name) }.map { $0.name }) }
    }
}

extension ModelSpecification {
    /// A family by name, as `model:` and `--model` write it.
    public struct Family: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        public var rawValue: String
        /// nil when no family has that name.
        public init?(rawValue: String) {
            guard ModelFamilies.named(rawValue) != nil else { return nil }
            self.rawValue = rawValue
        }

        init(_ family: any ModelFamily.Type) { rawValue = family.name }

        /// The family's declarations.
        public var type: any ModelFamily.Type { ModelFamilies.named(rawValue)! }
        public var description: String { rawValue }
        public static var allCases: [Family] { ModelFamilies.all.map(Family.init) }
    }
}
