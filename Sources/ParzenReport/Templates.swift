import Foundation
import Mustache
import ParzenRunner

/// The HTML templates and style sheets a report is rendered with: `page.mustache`,
/// `index.mustache`, and every `*.css` file, inlined into each page — `parzen.css` first, the
/// rest by name. Sheets named `math*.css` go only into pages that contain math, and the font of
/// `math-font.css` (~95 KB as base64) is cut to each page's characters (``css(forPageBody:)``).
///
/// By default they are the ones compiled into the binary (``bundled``, generated from the
/// repository's templates/ by `scripts/bundle-templates.py`), so a copied `parzen` works
/// anywhere and a project can never swap them: templates are never looked up from the
/// current directory or beside the notebooks. `--templates DIR` (or `$PARZEN_TEMPLATES`)
/// names a folder to use instead.
public struct Templates: Sendable {
    /// Where the templates came from: a folder, or `<built in>`.
    public let folder: String
    let page: MustacheTemplate
    let index: MustacheTemplate
    /// The style sheets by file name, in inlining order.
    let sheets: [(name: String, text: String)]
    /// Cuts the font of `math-font.css` to each page's characters; nil when that sheet has no
    /// WOFF2 data URL, and then pages embed the sheet as it is (as they do when the font in it
    /// cannot be read).
    let mathFont: MathFontSubsetter?
    /// Where in `math-font.css` its font's base64 text is.
    let mathFontURL: Range<String.Index>?

    /// Why templates could not be loaded.
    public struct LoadError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The templates compiled into the binary.
    public static func bundled() throws -> Templates {
        try Templates(files: BundledTemplates.files, origin: "<built in>")
    }

    /// The templates in `folder`.
    public init(folder: String) throws {
        var files: [String: String] = [:]
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".css") || $0.hasSuffix(".mustache") }
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw LoadError(description: "template '\(path)' is unreadable")
            }
            files[name] = text
        }
        try self.init(files: files, origin: folder)
    }

    /// Templates from file contents by name; `origin` names them in errors.
    init(files: [String: String], origin: String) throws {
        folder = origin
        func load(_ name: String) throws -> MustacheTemplate {
            let path = (origin as NSString).appendingPathComponent(name)
            guard let text = files[name] else { throw LoadError(description: "template '\(path)' is missing") }
            do {
                return try MustacheTemplate(string: text)
            } catch {
                throw LoadError(description: "template '\(path)' is not valid Mustache: \(error)")
            }
        }
        page = try load("page.mustache")
        index = try load("index.mustache")
        sheets = files.keys.filter { $0.hasSuffix(".css") }
            .sorted { ($0 == "parzen.css" ? 0 : 1, $0) < ($1 == "parzen.css" ? 0 : 1, $1) }
            .map { ($0, files[$0]!) }
        let fontSheet = files["math-font.css"]
        mathFontURL = fontSheet.flatMap(Self.fontURL)
        if let fontSheet, let mathFontURL {
            mathFont = MathFontSubsetter(base64: String(fontSheet[mathFontURL]))
        } else {
            mathFont = nil
        }
    }

    /// The base64 text of the first `url(data:font/woff2;base64,…)` in a sheet.
    private static func fontURL(in sheet: String) -> Range<String.Index>? {
        var sheet = sheet
        guard let (start, end) = sheet.withUTF8({ bytes -> (Int, Int)? in
            let prefix: StaticString = "url(data:font/woff2;base64,"
            guard let url = UTF8Search.offset(of: prefix, in: bytes, from: 0).map({ $0 + prefix.utf8CodeUnitCount }),
                  let end = UTF8Search.offset(of: ")", in: bytes, from: url) else { return nil }
            return (url, end)
        }) else { return nil }
        let utf8 = sheet.utf8
        return utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)
    }

    /// The style sheets for a page with this body: none of the math sheets without `<math`, and
    /// with it the math font cut to the characters of the page's formulas. When HarfBuzz cannot
    /// subset the font, the page gets the whole bundled subset, as before per-page subsets.
    public func css(forPageBody body: String) -> String {
        css(forPageBody: body, cache: nil).css
    }

    /// The style sheets for a page with this body (``css(forPageBody:)``), its font subset taken
    /// from `cache` when it holds it and stored there when not; with what went wrong with the
    /// cache entry, if anything (a warning: the page is the same either way).
    func css(forPageBody body: String, cache: ResultCache?)
        -> (css: String, cacheProblem: (message: String, fix: String)?) {
        guard let codepoints = MathCodepoints.of(page: body) else { return (css(includingMath: false), nil) }
        guard let mathFont else { return (css(includingMath: true), nil) }
        let subset = mathFont.subset(codepoints: codepoints, cache: cache)
        return (css(includingMath: true, mathFont: subset.font), subset.cacheProblem)
    }

    /// The style sheets to inline into a page, with or without the math sheets.
    public func css(includingMath: Bool) -> String {
        css(includingMath: includingMath, mathFont: nil)
    }

    /// The sheets, with `font` (WOFF2 bytes) in place of the font of `math-font.css` when given.
    private func css(includingMath: Bool, mathFont font: [UInt8]?) -> String {
        sheets.filter { includingMath || !$0.name.hasPrefix("math") }
            .map { sheet in
                var text = sheet.text
                if let font, sheet.name == "math-font.css", let url = mathFontURL {
                    text.replaceSubrange(url, with: Data(font).base64EncodedString())
                }
                return "/* \(sheet.name) */\n" + text
            }
            .joined(separator: "\n")
    }
}
