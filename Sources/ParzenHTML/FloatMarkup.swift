/// The parts of a `{figure}` or `{table}` that the report decides (see ``HTMLRenderer/float``);
/// the caption and the table are written by the renderer itself.
public struct FloatMarkup: Sendable, Hashable {
    /// The `id` of the `<figure>`, if it has one.
    public var id: String?
    /// What the caption starts with, e.g. "Figure 2", if it is numbered.
    public var number: String?
    /// The `<img …>` of a figure, as HTML; empty for a table.
    public var image: String

    /// Parts from their values.
    public init(id: String?, number: String?, image: String) {
        self.id = id
        self.number = number
        self.image = image
    }
}
