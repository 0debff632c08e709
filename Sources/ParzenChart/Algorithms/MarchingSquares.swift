/// Contour lines of a sampled function by marching squares, joined into polylines.
///
/// Every grid cell is classified by which of its four corners lie above the level (16
/// cases); the level crosses each edge whose ends disagree, at the linearly interpolated
/// point. A cell with two crossings gets one segment; the two saddle cases (opposite corners
/// above) get two, and the cell-centre average — the mean of the four corners — decides which
/// pairs of crossings connect. Segments that share a crossing are joined into chains: open
/// chains end at the grid border, closed ones are loops.
///
/// The 2-D form of William E. Lorensen & Harvey E. Cline (1987), "Marching cubes", *SIGGRAPH
/// '87*. Deciding saddles by the corner mean (rather than by Nielsen & Hamann's asymptotic
/// decider) is the common simple choice; it only matters for levels within a saddle cell.
/// Cells with a non-finite corner are skipped, leaving a gap in the line.
/// Cost: O(cells) for the classification, O(segments) for the joining.
public enum MarchingSquares {
    /// The contour lines of `grid` at `level` in data coordinates, in a deterministic order
    /// (by the grid position where each chain was first found). A corner counts as "above"
    /// when its value is strictly greater than `level`.
    public static func contours(of grid: ScalarGrid, at level: Double) -> [Polyline] {
        let segments = crossingSegments(of: grid, at: level)
        return join(segments).map { chain in
            Polyline(points: chain.keys.map { crossingPoint(of: $0, in: grid, at: level) }, isClosed: chain.isClosed)
        }
    }

    /// A grid edge, identified by its lower-left grid point and direction, on which the level
    /// crosses. Using the edge (not the floating-point crossing) as the join key makes the
    /// joining exact.
    package struct Edge: Hashable, Comparable {
        /// Index of the edge's first grid point, `j * nx + i`.
        let start: Int
        /// `true` for the edge from (i, j) to (i, j+1), `false` for (i, j) to (i+1, j).
        let isVertical: Bool

        package static func < (a: Edge, b: Edge) -> Bool {
            (a.start, a.isVertical ? 1 : 0) < (b.start, b.isVertical ? 1 : 0)
        }
    }

    /// A chain of crossings in order; a closed chain does not repeat its first edge.
    package struct Chain {
        var keys: [Edge]
        var isClosed: Bool
    }

    /// One segment per cell crossing (two for saddles).
    package static func crossingSegments(of grid: ScalarGrid, at level: Double) -> [(Edge, Edge)] {
        let nx = grid.x.count
        var segments: [(Edge, Edge)] = []
        for j in 0..<(grid.y.count - 1) {
            for i in 0..<(nx - 1) {
                let bottomLeft = grid[i, j], bottomRight = grid[i + 1, j]
                let topRight = grid[i + 1, j + 1], topLeft = grid[i, j + 1]
                guard bottomLeft.isFinite, bottomRight.isFinite, topRight.isFinite, topLeft.isFinite else { continue }
                let bottom = Edge(start: j * nx + i, isVertical: false)
                let top = Edge(start: (j + 1) * nx + i, isVertical: false)
                let left = Edge(start: j * nx + i, isVertical: true)
                let right = Edge(start: j * nx + i + 1, isVertical: true)
                let index = (bottomLeft > level ? 1 : 0) | (bottomRight > level ? 2 : 0)
                    | (topRight > level ? 4 : 0) | (topLeft > level ? 8 : 0)
                let centreAbove = (bottomLeft + bottomRight + topRight + topLeft) / 4 > level
                switch index {
                case 0, 15: break
                case 1, 14: segments.append((left, bottom))
                case 2, 13: segments.append((bottom, right))
                case 3, 12: segments.append((left, right))
                case 4, 11: segments.append((right, top))
                case 6, 9: segments.append((bottom, top))
                case 7, 8: segments.append((left, top))
                case 5:
                    // Bottom-left and top-right above: if the centre is above too, the region
                    // joins them and the lines cut off the other two corners.
                    if centreAbove {
                        segments.append((left, top)); segments.append((bottom, right))
                    } else {
                        segments.append((left, bottom)); segments.append((right, top))
                    }
                case 10:
                    if centreAbove {
                        segments.append((left, bottom)); segments.append((right, top))
                    } else {
                        segments.append((left, top)); segments.append((bottom, right))
                    }
                default: preconditionFailure("a 4-bit case index is in 0…15")
                }
            }
        }
        return segments
    }

    /// Joins segments that share an edge into chains. Each crossing edge borders at most two
    /// cells, so it belongs to at most two segments: chains never branch.
    package static func join(_ segments: [(Edge, Edge)]) -> [Chain] {
        var touching: [Edge: [Int]] = [:]
        for (index, segment) in segments.enumerated() {
            touching[segment.0, default: []].append(index)
            touching[segment.1, default: []].append(index)
        }
        var used = [Bool](repeating: false, count: segments.count)
        var chains: [Chain] = []

        /// Walks from `start` along unused segments, returning the edges visited.
        func walk(from start: Edge) -> [Edge] {
            var keys = [start]
            var current = start
            while let next = touching[current]?.first(where: { !used[$0] }) {
                used[next] = true
                let (a, b) = segments[next]
                current = a == current ? b : a
                keys.append(current)
            }
            return keys
        }

        // Open chains first: they start at an edge that only one segment touches (the border
        // or next to a skipped cell). Sorted so the output order is deterministic.
        for edge in touching.keys.sorted() where touching[edge]!.count == 1 && !used[touching[edge]![0]] {
            chains.append(Chain(keys: walk(from: edge), isClosed: false))
        }
        // What remains are loops.
        for (index, segment) in segments.enumerated() where !used[index] {
            var keys = walk(from: segment.0)
            if keys.count > 1 && keys.first == keys.last { keys.removeLast() }
            chains.append(Chain(keys: keys, isClosed: true))
        }
        return chains
    }

    /// The point on `edge` where linear interpolation between its ends reaches `level`.
    package static func crossingPoint(of edge: Edge, in grid: ScalarGrid, at level: Double) -> PlotPoint {
        let nx = grid.x.count
        let i = edge.start % nx, j = edge.start / nx
        let (i2, j2) = edge.isVertical ? (i, j + 1) : (i + 1, j)
        let v1 = grid[i, j], v2 = grid[i2, j2]
        let t = v1 == v2 ? 0.5 : (level - v1) / (v2 - v1)
        return PlotPoint(x: grid.x[i] + t * (grid.x[i2] - grid.x[i]), y: grid.y[j] + t * (grid.y[j2] - grid.y[j]))
    }
}
