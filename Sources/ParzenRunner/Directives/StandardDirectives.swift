/// The directives every notebook can use, in the order the reference lists them.
public enum StandardDirectives {
    public static let registry = DirectiveRegistry([
        DataDirective.self, FitDirective.self, SampleDirective.self, PlotDirective.self, CompareDirective.self,
        AssertDirective.self,
    ])
}
