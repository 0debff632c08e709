import ParzenFormat

/// Every `{plot}` is one numbered figure, cited by its label.
extension PlotDirective {
    public static func citables(label: String?, body: YAMLValue?) -> [ReferenceDeclaration.Kind] { [.figure] }
}
