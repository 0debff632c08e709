/// What a URL can do when a browser follows or loads it — the one place that decides which
/// URLs Parzen writes into a page.
///
/// URLs are judged as a browser reads them (WHATWG URL parsing): leading and trailing C0
/// controls and spaces are ignored, tabs and line breaks anywhere are removed, and the scheme
/// is case-insensitive, so `" JaVa\tScRiPt:alert(1)"` is a `javascript:` URL. Callers pass
/// URLs with character references already decoded (cmark decodes them in Markdown; the HTML
/// sanitizer decodes them in attributes).
public enum URLSafety {
    /// The URL's scheme, lower-cased, or nil for a relative URL (`a.html`, `#x`, `//host/x`).
    public static func scheme(of url: String) -> String? {
        let text = normalized(url)
        var scheme = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case ":":
                return scheme.isEmpty ? nil : scheme.lowercased()
            case "a"..."z", "A"..."Z":
                scheme.unicodeScalars.append(scalar)
            case "0"..."9", "+", "-", ".":
                guard !scheme.isEmpty else { return nil }
                scheme.unicodeScalars.append(scalar)
            default:
                return nil
            }
        }
        return nil
    }

    /// URLs that run script or reach outside the web when followed, as cmark-gfm's
    /// `scan_dangerous_url`: `javascript:`, `vbscript:`, `file:`, and `data:` except
    /// `data:image/png`, `gif`, `jpeg` and `webp`.
    public static func runsScript(_ url: String) -> Bool {
        switch scheme(of: url) {
        case "javascript", "vbscript", "file":
            return true
        case "data":
            let rest = normalized(url).lowercased().dropFirst("data:".count)
            return !["image/png", "image/gif", "image/jpeg", "image/webp"].contains { rest.hasPrefix($0) }
        default:
            return false
        }
    }

    /// URLs a browser fetches from another machine when the page loads them as a resource:
    /// any scheme but `data:` (and the script schemes above), or a protocol-relative
    /// `//host/…` (`\` counts as `/`, as browsers read it).
    public static func isRemote(_ url: String) -> Bool {
        if let scheme = scheme(of: url) { return scheme != "data" && !runsScript(url) }
        let start = normalized(url).prefix(2)
        return start.count == 2 && start.allSatisfy { $0 == "/" || $0 == "\\" }
    }

    /// The links `--safe` keeps: relative URLs (`a.html`, `#label`, `../x/`) and `http:`,
    /// `https:` and `mailto:`.
    public static func isSafeLink(_ url: String) -> Bool {
        guard let scheme = scheme(of: url) else { return true }
        return ["http", "https", "mailto"].contains(scheme)
    }

    /// The images `--safe` keeps: files relative to the page, and `data:` images of the
    /// kinds above — nothing that makes the reader's browser contact another machine.
    public static func isSafeImage(_ url: String) -> Bool {
        if isRemote(url) || runsScript(url) { return false }
        return scheme(of: url) == nil || scheme(of: url) == "data"
    }

    /// A URL (or other author text) as quoted in a message: at most 60 characters.
    public static func abbreviated(_ text: String) -> String {
        text.count <= 60 ? text : String(text.prefix(57)) + "…"
    }

    /// The URL as a browser's URL parser sees it before reading the scheme.
    private static func normalized(_ url: String) -> String {
        var scalars = Substring(url).unicodeScalars.drop { $0.value <= 0x20 }
        while let last = scalars.last, last.value <= 0x20 { scalars.removeLast() }
        var out = String.UnicodeScalarView()
        for scalar in scalars where scalar != "\t" && scalar != "\n" && scalar != "\r" { out.append(scalar) }
        return String(out)
    }
}
