/// A KDE is stored as its data, kernel and bandwidth; decoding calls the initialiser the fit
/// uses, so the whitened and sorted data and the normalising constant are recomputed by the
/// same code (bit-identical log-densities). Cost of decoding: O(N log N) for the sort.
extension KernelDensityEstimate: Codable {
    private enum CodingKeys: String, CodingKey {
        case data, kernel, bandwidth
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(data: container.decode(PointSet.self, forKey: .data),
                      kernel: container.decode(Kernel.self, forKey: .kernel),
                      bandwidth: container.decode(Bandwidth.self, forKey: .bandwidth))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(data, forKey: .data)
        try container.encode(kernel, forKey: .kernel)
        try container.encode(bandwidth, forKey: .bandwidth)
    }
}
