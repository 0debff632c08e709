/// `defaults:` in `parzen.yml`: front-matter values every notebook of the project starts from.
/// A key a notebook writes itself replaces the default, except `math`, whose macros are merged
/// (the notebook's win for a name defined in both).
///
/// Only keys that make sense for many pages may be defaults; a page's `title`, `description`,
/// `date` and `previous`/`next` links are its own, and `bibliography` paths would be read
/// relative to each notebook rather than to the project, so they are refused here.
public struct FrontMatterDefaults: Sendable, Equatable {
    /// The values, read by the front-matter parser (positions in `parzen.yml`).
    public var values: FrontMatter
    /// `words:` in `parzen.yml`: the report's words that replace the built-in ones (``Word``).
    public var words: [Word: String] = [:]

    /// The keys that may be given as defaults.
    public static let allowedKeys = ["authors", "seed", "math", "compat", "lang", "echo", "output"]

    /// No defaults: every notebook as written.
    public static let none = FrontMatterDefaults(values: FrontMatter())

    public init(values: FrontMatter, words: [Word: String] = [:]) {
        self.values = values
        self.words = words
    }

    /// `frontMatter` with the defaults filled in where the notebook wrote nothing.
    public func applied(to frontMatter: FrontMatter) -> FrontMatter {
        var result = frontMatter
        result.wordOverrides = words
        for key in values.keys where key == "math" || !frontMatter.keys.contains(key) {
            switch key {
            case "authors": result.authors = values.authors
            case "seed": result.seed = values.seed
            case "math": result.mathMacros = values.mathMacros.merging(frontMatter.mathMacros) { _, own in own }
            case "compat": result.compatibility = values.compatibility
            case "lang": result.language = values.language
            case "echo": result.echo = values.echo
            case "output": result.output = values.output
            default: break
            }
        }
        return result
    }
}
