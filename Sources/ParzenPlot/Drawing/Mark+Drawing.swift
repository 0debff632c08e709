import ParzenChart

extension Mark {
    /// The mark's drawing behaviour; the one place that enumerates the kinds of mark.
    var drawing: any MarkDrawing {
        switch self {
        case .line(let mark): mark
        case .band(let mark): mark
        case .histogram(let mark): mark
        case .rug(let mark): mark
        case .spikes(let mark): mark
        case .scatter(let mark): mark
        case .rule(let mark): mark
        case .contours(let mark): mark
        case .heatMap(let mark): mark
        }
    }
}
