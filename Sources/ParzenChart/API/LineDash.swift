/// The stroke pattern of a line, so that curves stay distinguishable in grey-scale print and
/// for readers who cannot tell the palette's colours apart.
public enum LineDash: String, Sendable, Equatable, Codable {
    /// A continuous stroke.
    case solid
    /// Long dashes.
    case dashed
    /// Short dots.
    case dotted

    /// The CSS class carrying the dash pattern (defined in templates/plot.css).
    package var className: String { "dash-\(rawValue)" }
}
