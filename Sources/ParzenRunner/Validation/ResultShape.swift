/// What a directive's result will look like, known from its options and the shapes above it
/// without computing anything: the validation phase checks later directives against it
/// (dimension, columns, point counts, whether the true density is known, which data set a
/// fit belongs to), so `parzen check` and `parzen render` find the same mistakes.
public enum ResultShape: Sendable {
    /// A `{data}` result.
    case dataset(DatasetShape)
    /// A `{fit}` result.
    case model(ModelShape)
    /// A `{sample}` result.
    case sample(SampleShape)
    /// A result nothing later checks the shape of (figures, comparisons, test directives).
    case opaque(ResultKind)
}
