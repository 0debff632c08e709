#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ParzenCore
import ParzenChart

/// 2-D figures: the data as points under the first fit's density, as contour lines
/// (marching squares) or as a heat map.
enum SurfaceFigure {
    /// Grid points per axis: 80² = 6400 density evaluations, smooth contours at page size.
    static let gridCount = 80

    static func draw(_ inputs: PlotInputs, heatMap: Bool) throws -> DrawnFigure {
        let kind: PlotKind = heatMap ? .heatmap : .contours
        let dataset = try inputs.requireDataset(for: kind)
        let xs = dataset.points.column(0), ys = dataset.points.column(1)
        var marks: [Mark] = []
        var description = "Scatter plot of the \(xs.count) points of \(dataset.label)"
        if let fit = inputs.fits.first {
            // 30% beyond the data each side: the contours close before the grid ends.
            let gx = PlotGrid.points(PlotGrid.range(of: xs, margin: 0.3), count: gridCount)
            let gy = PlotGrid.points(PlotGrid.range(of: ys, margin: 0.3), count: gridCount)
            var points: [Double] = []
            points.reserveCapacity(2 * gx.count * gy.count)
            for y in gy { for x in gx { points += [x, y] } }
            let density = fit.model.logDensities(at: PointSet(dimension: 2, values: points)).map { exp($0) }
            let grid = ScalarGrid(x: gx, y: gy, values: density)
            if heatMap {
                marks.append(.heatMap(HeatMap(name: "density of \(fit.label)", grid: grid)))
            } else {
                marks.append(
                    .contours(
                        Contours(
                            name: "density of \(fit.label)", grid: grid,
                            levels: .fractionsOfMaximum([0.05, 0.2, 0.4, 0.6, 0.8]))))
            }
            description +=
                heatMap
                ? " over a heat map of the density of \(fit.label)."
                : " with contours of the density of \(fit.label) at 5%, 20%, 40%, 60% and 80% of its maximum."
        } else {
            description += "."
        }
        marks.append(.scatter(Scatter(name: "data", x: xs, y: ys, color: .ink)))
        let chart = Chart(
            id: inputs.id, description: description, x: Axis(label: dataset.axisLabel(0)),
            y: Axis(label: dataset.axisLabel(1)), marks: marks)
        return DrawnFigure(content: .chart(chart))
    }
}
