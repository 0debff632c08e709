/// A reflected KDE is stored as its data, kernel, bandwidth and boundary — not its images,
/// which decoding rebuilds by calling the initialiser the fit uses.
extension ReflectedKernelDensityEstimate: Codable {
    private enum CodingKeys: String, CodingKey {
        case data, kernel, bandwidth, boundary
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(data: container.decode(PointSet.self, forKey: .data),
                      kernel: container.decode(Kernel.self, forKey: .kernel),
                      bandwidth: container.decode(Bandwidth.self, forKey: .bandwidth),
                      boundary: container.decode(DensityBoundary.self, forKey: .boundary))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(data, forKey: .data)
        try container.encode(unreflected.kernel, forKey: .kernel)
        try container.encode(unreflected.bandwidth, forKey: .bandwidth)
        try container.encode(boundary, forKey: .boundary)
    }
}
