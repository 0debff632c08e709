import Foundation

/// A `notebooks:` glob of `parzen.yml`, matched against paths relative to the project folder:
/// `*`, `?` and `[abc]` within one path segment (as POSIX `fnmatch`), and `**` as a whole
/// segment for any number of folders, none included (`**/*.md` matches `a.md` and `x/y/a.md`).
/// Wildcards do not match a leading dot, so hidden files and folders are never notebooks.
public struct NotebookGlob: Sendable, Equatable {
    public let pattern: String
    private let segments: [String]

    public init(_ pattern: String) {
        self.pattern = pattern
        self.segments = pattern.split(separator: "/").map(String.init)
    }

    /// Whether `path` (relative, `/`-separated) matches. Cost: O(pattern segments × path segments).
    public func matches(_ path: String) -> Bool {
        let names = path.split(separator: "/").map(String.init)
        // matched[i][j]: the first i pattern segments match the first j path segments.
        var matched = Array(repeating: Array(repeating: false, count: names.count + 1), count: segments.count + 1)
        matched[0][0] = true
        for (i, segment) in segments.enumerated() {
            for j in 0...names.count {
                if segment == "**" {
                    // Zero folders, or one more folder (not hidden) taken by the same `**`.
                    matched[i + 1][j] = matched[i][j]
                        || (j > 0 && matched[i + 1][j - 1] && !names[j - 1].hasPrefix("."))
                } else if j > 0 {
                    matched[i + 1][j] = matched[i][j - 1] && fnmatch(segment, names[j - 1], FNM_PERIOD) == 0
                }
            }
        }
        return matched[segments.count][names.count]
    }
}
