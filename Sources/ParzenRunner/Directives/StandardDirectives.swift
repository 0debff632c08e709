/// The directives every notebook can use.
public enum StandardDirectives {
    public static let registry = DirectiveRegistry([])
}
