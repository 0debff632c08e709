import Foundation

/// Relative paths between files of the output folder (`/`-separated, relative to its root),
/// so that a site works from `file://`, from any sub-path of a web server, and zipped.
enum RelativePath {
    /// The link from the page at `page` to `target`: `a/b.html` → `c.html` is `../c.html`.
    static func href(from page: String, to target: String) -> String {
        let from = page.split(separator: "/").dropLast()
        let to = target.split(separator: "/")
        var shared = 0
        while shared < from.count, shared < to.count - 1,
              from[from.startIndex + shared] == to[shared] { shared += 1 }
        let up = Array(repeating: "..", count: from.count - shared)
        return urlEncoded((up + to[shared...].map(String.init)).joined(separator: "/"))
    }

    /// The output path `link` (relative, maybe with `..`) leads to from the page at `page`;
    /// a link that climbs above the output folder stops at its root.
    static func resolve(_ link: String, from page: String) -> String {
        var parts = Array(page.split(separator: "/").dropLast())
        for part in link.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// The path with every character that may not stand in a URL path percent-encoded
    /// (`my notes.html` → `my%20notes.html`); `/` stays.
    static func urlEncoded(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: pathCharacters) ?? path
    }

    /// RFC 3986 path characters without `;` (some servers cut a path there).
    private static let pathCharacters = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: ";"))

    /// `path` relative to the folder `folder`; both absolute and standardized.
    static func file(_ path: String, relativeTo folder: String) -> String {
        let base = folder.split(separator: "/"), target = path.split(separator: "/")
        var shared = 0
        while shared < base.count, shared < target.count, base[shared] == target[shared] { shared += 1 }
        let parts = Array(repeating: "..", count: base.count - shared) + target[shared...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
