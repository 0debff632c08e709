/// The shape of a `{sample}` result: the model it draws from (and so the data set it is
/// set against).
public struct SampleShape: Sendable {
    public var label: String
    public var model: ModelShape

    public init(label: String, model: ModelShape) {
        self.label = label
        self.model = model
    }
}
