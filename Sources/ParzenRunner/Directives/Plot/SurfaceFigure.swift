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
        let names = inputs.controls.legend
        let train = dataset.trainOnDataScale, heldOut = inputs.controls.showsHeldOut ? dataset.heldOutOnDataScale : nil
        let xs = train.column(0), ys = train.column(1)
        // The grid covers every point drawn, held-out ones included.
        let allX = xs + (heldOut?.column(0) ?? []), allY = ys + (heldOut?.column(1) ?? [])
        var marks: [Mark] = []
        var description = "Scatter plot of the \(xs.count) \(dataset.heldOut == nil ? "" : "training ")points of "
            + dataset.label
        if let fit = inputs.surface {
            // 30% beyond the data each side: the contours close before the grid ends.
            let gx = PlotGrid.points(PlotGrid.range(of: allX, margin: 0.3), count: gridCount)
            let gy = PlotGrid.points(PlotGrid.range(of: allY, margin: 0.3), count: gridCount)
            var points: [Double] = []
            points.reserveCapacity(2 * gx.count * gy.count)
            for y in gy { for x in gx { points += [x, y] } }
            let density = fit.density.logDensities(at: PointSet(dimension: 2, values: points)).map { exp($0) }
            let grid = ScalarGrid(x: gx, y: gy, values: density)
            let name = names.name(for: fit.label,
                                  standard: fit.label == "true" ? "true density" : "density of \(fit.label)")
            if heatMap {
                marks.append(.heatMap(HeatMap(name: name, grid: grid)))
            } else {
                marks.append(
                    .contours(
                        Contours(
                            name: name, grid: grid,
                            levels: .fractionsOfMaximum([0.05, 0.2, 0.4, 0.6, 0.8]))))
            }
            description +=
                heatMap
                ? " over a heat map of the density of \(fit.label)."
                : " with contours of the density of \(fit.label) at 5%, 20%, 40%, 60% and 80% of its maximum."
        } else {
            description += "."
        }
        let dataName = dataset.heldOut == nil ? "data" : "training data"
        marks.append(.scatter(Scatter(name: names.name(for: "data", standard: "\(dataName) (\(xs.count) points)"),
                                      x: xs, y: ys, color: .ink)))
        if let heldOut {
            let name = names.name(for: "heldout", standard: "held-out data (\(heldOut.count) points)")
            marks.append(.scatter(Scatter(name: name, x: heldOut.column(0), y: heldOut.column(1),
                                          color: .series(inputs.surface == nil ? 1 : 2))))
            description += " The \(heldOut.count) held-out points are drawn in a colour of their own."
        }
        let chart = Chart(
            id: inputs.id, description: description, x: Axis(label: dataset.axisLabel(0)),
            y: Axis(label: dataset.axisLabel(1)), marks: marks)
        return DrawnFigure(content: .chart(chart))
    }
}
