extension SampleDirective {
    /// The fit must exist; the sample's shape is its model.
    public static func validate(_ call: DirectiveCall, in context: ValidationContext) throws -> ResultShape {
        let options = call.options
        let model = try context.model(options.text("fit")!, at: options.location(of: "fit")!)
        return .sample(SampleShape(label: call.label ?? call.displayName, model: model))
    }
}
