import Foundation
import Mustache

/// The HTML templates and style sheets a report is rendered with: `page.mustache`,
/// `index.mustache`, and every `*.css` file, inlined into each page — `parzen.css` first, the
/// rest by name. Sheets named `math*.css` (the math font alone is ~95 KB) go only into pages
/// that contain math.
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
    }

    /// The style sheets to inline into a page, with or without the math sheets.
    public func css(includingMath: Bool) -> String {
        sheets.filter { includingMath || !$0.name.hasPrefix("math") }
            .map { "/* \($0.name) */\n" + $0.text }
            .joined(separator: "\n")
    }
}
