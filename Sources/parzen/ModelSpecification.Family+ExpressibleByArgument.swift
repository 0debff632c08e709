import ArgumentParser
import ParzenMarkup
import ParzenRunner

extension ModelSpecification.Family: ExpressibleByArgument {
    /// `--model`: a family's name, or an error with the closest name ("did you mean 'gmm'?").
    init(parsingArgument text: String) throws {
        guard let family = Self(argument: text) else {
            throw ValidationError("unknown model; " + Suggestion.fix(for: text, among: Self.allCases.map(\.rawValue)))
        }
        self = family
    }
}
