/// |a − b| ≤ tolerance · max(|b|, tiny): relative closeness to a reference value `b`.
public func isClose(_ a: Double, _ b: Double, relative tolerance: Double) -> Bool {
    abs(a - b) <= tolerance * max(abs(b), Double.leastNormalMagnitude)
}
