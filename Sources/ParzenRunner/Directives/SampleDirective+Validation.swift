extension SampleDirective {
    /// The fit must exist; the sample's shape is its size and model.
    public static func validate(_ call: DirectiveCall, in context: ValidationContext) throws -> ResultShape {
        let options = call.options
        let model = try context.model(options.text("fit")!, at: options.location(of: "fit")!)
        let count = options.integer("n") ?? 1000
        return .sample(SampleShape(label: call.label ?? call.displayName, count: count, model: model))
    }
}
