import ParzenChart

extension Chart {
    /// The chart as an inline `<svg>` element.
    public func render() -> String {
        var svg = SVGWriter()
        ChartRenderer(chart: self).render(into: &svg)
        return svg.output
    }
}
