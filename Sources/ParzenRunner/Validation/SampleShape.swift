/// The shape of a `{sample}` result: how many draws, from which model.
public struct SampleShape: Sendable {
    public var label: String
    public var count: Int
    public var model: ModelShape

    public init(label: String, count: Int, model: ModelShape) {
        self.label = label
        self.count = count
        self.model = model
    }
}
