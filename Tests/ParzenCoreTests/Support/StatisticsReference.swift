import Foundation
@testable import ParzenCore

/// Reads the JSON files written by `References/core_generate.py` (numpy, scipy and
/// scikit-learn at pinned versions) from the test bundle.
struct StatisticsReference {
    let root: [String: Any]

    /// Loads `References/<name>.json`.
    init(_ name: String) throws {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "References") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "References/\(name).json"])
        }
        root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }

    private init(root: [String: Any]) { self.root = root }

    /// The object under a key path such as "threeD".
    subscript(_ key: String) -> StatisticsReference {
        StatisticsReference(root: root[key] as! [String: Any])
    }

    func number(_ key: String) -> Double { (root[key] as! NSNumber).doubleValue }
    func integer(_ key: String) -> Int { (root[key] as! NSNumber).intValue }
    func bool(_ key: String) -> Bool { root[key] as! Bool }
    func vector(_ key: String) -> [Double] { (root[key] as! [NSNumber]).map(\.doubleValue) }
    func matrix(_ key: String) -> Matrix {
        Matrix(rows: (root[key] as! [[NSNumber]]).map { $0.map(\.doubleValue) })
    }
    func matrices(_ key: String) -> [Matrix] {
        (root[key] as! [[[NSNumber]]]).map { Matrix(rows: $0.map { $0.map(\.doubleValue) }) }
    }
    /// A list of rows as a point set; a flat list as 1-D points.
    func points(_ key: String) -> PointSet {
        if let flat = root[key] as? [NSNumber] { return PointSet(flat.map(\.doubleValue)) }
        return PointSet(points: (root[key] as! [[NSNumber]]).map { $0.map(\.doubleValue) })
    }
}
