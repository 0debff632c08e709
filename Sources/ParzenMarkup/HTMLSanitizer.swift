import Foundation

/// The author's raw HTML, judged for what it makes the reader's browser do.
///
/// - ``sanitize(_:)`` (the HTML renderer's safe mode) rebuilds the fragment from an
///   allow-list: the tags of ordinary prose, tables and figures, and attributes that only
///   describe (no event handlers, no `style` that can load a URL, no `<svg>` or `<math>`,
///   links only to http(s), mailto, relative and `#` URLs, images only relative or `data:`).
///   Tags are written from the names and values read, never copied, and text keeps every
///   `<` escaped, so nothing the tokenizer did not understand reaches the page as markup.
/// - ``audit(_:)`` (the default mode, where raw HTML passes through) reports what the
///   fragment will do: run script, or fetch from another machine.
///
/// Each finding carries the byte offset in the fragment where it starts, for the caller to
/// turn into a notebook position. Cost: linear in the fragment.
public enum HTMLSanitizer {
    /// Something the fragment does (audit) or that was removed from it (sanitize).
    public struct Finding: Sendable, Hashable {
        /// Byte offset in the fragment.
        public var offset: Int
        public var message: String
        public var fix: String?
    }

    /// Tags safe mode keeps.
    static let allowedTags: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "center", "cite", "code", "col", "colgroup",
        "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
        "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "rp", "rt", "ruby", "s", "samp",
        "small", "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
        "time", "tr", "tt", "u", "ul", "var", "wbr",
    ]

    /// Attributes safe mode keeps on any allowed tag (plus `aria-*` and `data-*`).
    static let globalAttributes: Set<String> = ["id", "class", "title", "lang", "dir", "style", "role", "hidden"]

    /// Attributes safe mode keeps on particular tags.
    static let tagAttributes: [String: Set<String>] = [
        "a": ["href", "name"], "img": ["src", "alt", "width", "height"],
        "td": ["colspan", "rowspan", "align"], "th": ["colspan", "rowspan", "align", "scope"],
        "ol": ["start", "type", "reversed"], "li": ["value"], "col": ["span"], "colgroup": ["span"],
        "time": ["datetime"], "q": ["cite"], "blockquote": ["cite"], "del": ["cite", "datetime"],
        "ins": ["cite", "datetime"], "details": ["open"], "table": ["align"], "div": ["align"], "p": ["align"],
    ]

    /// Attributes whose value is a URL the browser fetches without a click.
    private static let resourceAttributes: Set<String> = [
        "src", "srcset", "poster", "data", "background", "lowsrc", "dynsrc", "xlink:href", "codebase", "manifest",
    ]

    private static let safeFix = "render with --safe to remove it, or delete it"

    /// The fragment reduced to the allow-list, and what was removed.
    public static func sanitize(_ html: String) -> (html: String, removed: [Finding]) {
        let tokenizer = HTMLTokenizer(html)
        var out = ""
        var removed: [Finding] = []
        for token in tokenizer.tokens() {
            switch token {
            case .text(let range):
                out += tokenizer.text(range).replacingOccurrences(of: "<", with: "&lt;")
            case .other(let range):
                removed.append(Finding(offset: range.lowerBound,
                                       message: "safe mode removes this HTML comment or declaration", fix: nil))
            case .endTag(let name, let range):
                if allowedTags.contains(name) {
                    out += "</\(name)>"
                } else {
                    removed.append(removedTag(name, at: range.lowerBound))
                }
            case .startTag(let name, let attributes, let selfClosing, let range):
                guard allowedTags.contains(name) else {
                    removed.append(removedTag(name, at: range.lowerBound))
                    continue
                }
                out += "<\(name)"
                for attribute in attributes {
                    if let problem = problem(with: attribute, on: name) {
                        removed.append(Finding(offset: attribute.offset, message: "safe mode removes \(problem)",
                                               fix: nil))
                    } else if let value = attribute.value {
                        out += " \(attribute.name)=\"\(Escaping.attribute(value))\""
                    } else {
                        out += " \(attribute.name)"
                    }
                }
                out += selfClosing ? " />" : ">"
            }
        }
        return (out, removed)
    }

    /// What the fragment, passed through as written, makes the browser do: run script
    /// (event handlers, script URLs, `<script>` — which the tag filter also neutralises) or
    /// fetch from another machine.
    public static func audit(_ html: String) -> [Finding] {
        let tokenizer = HTMLTokenizer(html)
        var findings: [Finding] = []
        for token in tokenizer.tokens() {
            guard case .startTag(let name, let attributes, _, _) = token else { continue }
            for attribute in attributes {
                let value = attribute.value ?? ""
                if attribute.name.hasPrefix("on") {
                    findings.append(Finding(
                        offset: attribute.offset,
                            message:
                                "raw HTML attribute '\(attribute.name)' on <\(name)> runs script in the reader's " +
                                    "browser",
                        fix: safeFix))
                } else if isURLAttribute(attribute.name), URLSafety.runsScript(value) {
                    let tag = "<\(name) \(attribute.name)=\"\(URLSafety.abbreviated(value))\">"
                    findings.append(Finding(offset: attribute.offset,
                            message: "raw HTML \(tag) runs script in the reader's browser", fix: safeFix))
                } else if let url = remoteURL(in: attribute, on: name) {
                    findings.append(Finding(
                        offset: attribute.offset,
                        message: "raw HTML <\(name) \(attribute.name)> loads '\(URLSafety.abbreviated(url))' "
                            + "from the network when the page is opened",
                            fix:
                                "save the file next to the notebook and use a relative path (--safe refuses remote " +
                                    "resources)"
                        ))
                }
            }
        }
        return findings
    }

    private static func removedTag(_ name: String, at offset: Int) -> Finding {
        Finding(offset: offset, message: "safe mode removes the tag <\(name)> (not on the allow-list)", fix: nil)
    }

    /// Why safe mode drops `attribute` of a `tag`, or nil to keep it.
    private static func problem(with attribute: HTMLTokenizer.Attribute, on tag: String) -> String? {
        let name = attribute.name
        let value = attribute.value ?? ""
        let allowed = globalAttributes.contains(name) || tagAttributes[tag]?.contains(name) == true
            || ((name.hasPrefix("aria-") || name.hasPrefix("data-")) && name.count > 5)
        guard allowed else { return "the attribute '\(name)' of <\(tag)> (not on the allow-list)" }
        switch name {
        case "href", "cite":
            return URLSafety.isSafeLink(value) ? nil
                : "the URL '\(URLSafety.abbreviated(value))' of <\(tag) \(name)> (only http, https, mailto and " +
                    "relative links)"
        case "src":
            return URLSafety.isSafeImage(value) ? nil
                : "the image '\(URLSafety.abbreviated(value))' (remote and script images are refused)"
        case "style":
            return styleLoadsOrRuns(value)
                ? "the style '\(URLSafety.abbreviated(value))' of <\(tag)> (it can load a URL)"
                : nil
        default:
            return nil
        }
    }

    private static func isURLAttribute(_ name: String) -> Bool {
        resourceAttributes.contains(name) || ["href", "action", "formaction", "cite", "ping"].contains(name)
    }

    /// The remote URL the attribute makes the browser fetch when the page loads, if any.
    private static func remoteURL(in attribute: HTMLTokenizer.Attribute, on tag: String) -> String? {
        let value = attribute.value ?? ""
        switch attribute.name {
        case "style":
            return cssURLs(value).first(where: URLSafety.isRemote)
        case "srcset":
            return value.split(separator: ",").map { String($0.split(separator: " ").first ?? "") }
                .first(where: URLSafety.isRemote)
        case "href" where tag != "a" && tag != "area" && tag != "base":
            // <link href>, <image href>, <use href> load; an anchor's href only navigates.
            return URLSafety.isRemote(value) ? value : nil
        case _ where resourceAttributes.contains(attribute.name):
            return URLSafety.isRemote(value) ? value : nil
        default:
            return nil
        }
    }

    /// The URLs in `url(…)` of a style attribute (quoted or not).
    private static func cssURLs(_ style: String) -> [String] {
        var urls: [String] = []
        var rest = Substring(style)
        while let range = rest.range(of: "url(", options: .caseInsensitive) {
            let after = rest[range.upperBound...]
            let inside = after.prefix { $0 != ")" }
            let unquoted = inside.trimmingCharacters(in: .whitespaces).trimmingCharacters(
                in: CharacterSet(charactersIn: "\"'"))
            urls.append(unquoted)
            rest = after.dropFirst(inside.count)
        }
        return urls
    }

    /// A style that could load a resource or run an old browser's script: any `url(`,
    /// `image(`, `image-set(`, `@import`, `expression(`, `behavior` or `-moz-binding`, or a CSS
    /// escape or comment that could spell one of them in disguise.
    private static func styleLoadsOrRuns(_ style: String) -> Bool {
        let compact = style.lowercased().filter { !$0.isWhitespace }
        if compact.contains("\\") || compact.contains("/*") { return true }
        return ["url(", "image(", "image-set(", "@import", "expression(", "behavior:", "-moz-binding", "src("]
            .contains { compact.contains($0) }
    }

}
