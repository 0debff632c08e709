import Foundation
import Testing
@testable import ParzenChart
@testable import ParzenPlot

/// Marching squares against hand-worked grids and a cone, whose level sets are circles.
struct MarchingSquaresTests {
    /// One cell, left column 0, right column 1, level 0.5: the line crosses the bottom and top
    /// edges halfway — the vertical segment x = 0.5.
    @Test func singleCellByHand() {
        let grid = ScalarGrid(x: [0, 1], y: [0, 1], values: [0, 1, 0, 1])
        let lines = MarchingSquares.contours(of: grid, at: 0.5)
        #expect(lines.count == 1)
        #expect(lines[0].isClosed == false)
        #expect(Set(lines[0].points) == [PlotPoint(x: 0.5, y: 0), PlotPoint(x: 0.5, y: 1)])
    }

    /// Interpolation is linear along the edge: values 0 and 4 at x = 0 and 2 cross level 1
    /// at x = 0.5.
    @Test func crossingIsInterpolated() {
        let grid = ScalarGrid(x: [0, 2], y: [0, 1], values: [0, 4, 0, 4])
        let xs = MarchingSquares.contours(of: grid, at: 1)[0].points.map(\.x)
        #expect(xs == [0.5, 0.5])
    }

    /// Saddle: bottom-left and top-right high (1), the others low (0); the corner mean is
    /// 0.5. At level 0.4 the centre is above, the high corners connect, and the two segments
    /// cut off the low corners: (left, top) and (bottom, right). At level 0.6 the centre is
    /// below and the segments cut off the high corners instead.
    @Test func saddleDecidedByCentre() {
        let grid = ScalarGrid(x: [0, 1], y: [0, 1], values: [1, 0, 0, 1])
        let low = MarchingSquares.contours(of: grid, at: 0.4).map { Set($0.points) }
        #expect(low.contains([PlotPoint(x: 0, y: 0.6), PlotPoint(x: 0.4, y: 1)]))      // around top-left
        #expect(low.contains([PlotPoint(x: 0.6, y: 0), PlotPoint(x: 1, y: 0.4)]))      // around bottom-right
        let high = MarchingSquares.contours(of: grid, at: 0.6).map { Set($0.points) }
        #expect(high.contains([PlotPoint(x: 0, y: 0.4), PlotPoint(x: 0.4, y: 0)]))     // around bottom-left
        #expect(high.contains([PlotPoint(x: 0.6, y: 1), PlotPoint(x: 1, y: 0.6)]))     // around top-right
    }

    /// The cone f(x, y) = √(x² + y²) on a 0.1 grid over [−2, 2]²: the level-1 set is the unit
    /// circle. Linear interpolation of r along an edge of length h errs by at most
    /// h²·max|r''|/8 = 0.01·1/8 ≈ 0.00125 near r = 1, hence the tolerance 0.002.
    @Test func coneGivesOneClosedCircle() {
        let axis = (0...40).map { -2 + Double($0) * 0.1 }
        let grid = ScalarGrid(x: axis, y: axis) { x, y in (x * x + y * y).squareRoot() }
        let lines = MarchingSquares.contours(of: grid, at: 1)
        #expect(lines.count == 1)
        let circle = lines[0]
        #expect(circle.isClosed)
        // A circle of radius 1 crosses about 2π/0.1·(4/π) ≈ 80 grid edges.
        #expect(circle.points.count > 60)
        for point in circle.points {
            #expect(abs((point.x * point.x + point.y * point.y).squareRoot() - 1) < 0.002)
        }
        // The chain is in order: neighbours lie within one cell diagonal of each other.
        for (a, b) in zip(circle.points, circle.points.dropFirst() + [circle.points[0]]) {
            #expect(((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot() <= 0.1 * 2.squareRoot() + 1e-12)
        }
    }

    /// A level cut by the grid border stays open, its ends on the border.
    @Test func openLineEndsOnBorder() {
        let axis = (0...20).map { Double($0) * 0.1 }
        let grid = ScalarGrid(x: axis, y: axis) { x, y in (x * x + y * y).squareRoot() }
        let lines = MarchingSquares.contours(of: grid, at: 1)
        #expect(lines.count == 1)
        #expect(!lines[0].isClosed)
        let ends = [lines[0].points.first!, lines[0].points.last!]
        #expect(ends.allSatisfy { abs($0.x) < 1e-12 || abs($0.y) < 1e-12 })
    }

    /// Two separated bumps give two loops at a level between the saddle and the peaks.
    @Test func twoPeaksTwoLoops() {
        let axis = (0...60).map { -3 + Double($0) * 0.1 }
        let grid = ScalarGrid(x: axis, y: axis) { x, y in
            exp(-((x - 1.5) * (x - 1.5) + y * y)) + exp(-((x + 1.5) * (x + 1.5) + y * y))
        }
        let lines = MarchingSquares.contours(of: grid, at: 0.5)
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.isClosed })
    }

    /// A non-finite value removes the cells around it, leaving the circle open there.
    @Test func nonFiniteCellsAreSkipped() {
        let axis = (0...40).map { -2 + Double($0) * 0.1 }
        let grid = ScalarGrid(x: axis, y: axis) { x, y in
            abs(x - 1) < 0.01 && abs(y) < 0.01 ? .nan : (x * x + y * y).squareRoot()
        }
        let lines = MarchingSquares.contours(of: grid, at: 1)
        #expect(lines.count == 1)
        #expect(!lines[0].isClosed)
    }

    /// `.count(6)` on values 0…0.33: step = nicenum(0.33/7, round) = 0.05 → 0.05, …, 0.3.
    @Test func contourLevelCount() {
        let grid = ScalarGrid(x: [0, 1], y: [0, 1], values: [0, 0.1, 0.2, 0.33])
        let levels = ContourLevels.count(6).levels(for: grid)
        #expect(levels.map { TickLabel.linear($0, decimals: 2) } == ["0.05", "0.10", "0.15", "0.20", "0.25", "0.30"])
        #expect(ContourLevels.fractionsOfMaximum([0.5]).levels(for: grid) == [0.165])
    }
}
