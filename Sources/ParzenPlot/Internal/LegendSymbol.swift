import ParzenChart
/// The little picture in front of a legend entry, matching how the mark is drawn.
enum LegendSymbol {
    /// A short stroke with the line's dash pattern.
    case line(LineDash)
    /// A filled square (bands, histograms).
    case swatch
    /// Squares of rising opacity, low to high (heat maps).
    case ramp
    /// A dot (scatter plots).
    case dot
    /// A stem with a dot on top (spikes).
    case spike
    /// A few short vertical ticks (rugs).
    case rug
}
