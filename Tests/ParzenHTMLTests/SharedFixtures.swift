import Foundation

/// Locates the `shared/` folder that sits next to the repository (in CI too), by walking up
/// from this file — dev packages reach the tests through symlinks, so the depth varies.
enum SharedFixtures {
    static func url(_ relativePath: String, filePath: String = #filePath) -> URL? {
        var directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("shared").appendingPathComponent(relativePath)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return nil
    }
}
