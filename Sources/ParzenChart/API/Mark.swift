/// One layer of a chart. Marks are drawn in array order, so later marks lie on top.
public enum Mark: Sendable, Equatable, Codable {
    /// A curve through sampled points.
    case line(Line)
    /// A filled region between two curves, or under one.
    case band(Band)
    /// Density-normalised bars.
    case histogram(Histogram)
    /// Ticks at the data values along the bottom.
    case rug(Rug)
    /// Stems with dots: point masses such as the empirical distribution.
    case spikes(Spikes)
    /// Points, binned into squares when there are too many.
    case scatter(Scatter)
    /// A labelled vertical, horizontal or diagonal guide line.
    case rule(ReferenceLine)
    /// Contour lines of a gridded function.
    case contours(Contours)
    /// Shaded cells of a gridded function.
    case heatMap(HeatMap)

}
