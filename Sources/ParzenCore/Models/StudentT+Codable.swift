/// A Student-t is stored as its location, scatter, ν and fit report; decoding calls the
/// initialiser the fit uses, which refactorises the scatter with the same code.
extension StudentT: Codable {
    private enum CodingKeys: String, CodingKey {
        case location, scatter, degreesOfFreedom, fitReport
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(location: container.decode([Double].self, forKey: .location),
                      scatter: container.decode(Matrix.self, forKey: .scatter),
                      degreesOfFreedom: container.decode(Double.self, forKey: .degreesOfFreedom),
                      fitReport: container.decodeIfPresent(StudentTFitReport.self, forKey: .fitReport))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(location, forKey: .location)
        try container.encode(scatter, forKey: .scatter)
        try container.encode(degreesOfFreedom, forKey: .degreesOfFreedom)
        try container.encodeIfPresent(fitReport, forKey: .fitReport)
    }
}
