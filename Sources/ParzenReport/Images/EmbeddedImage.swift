import Foundation

/// A local image read for embedding: its bytes and the media type they were recognised as
/// (by their first bytes, not the file's extension, so a renamed file is still described right).
struct EmbeddedImage: Sendable {
    /// The media types Parzen embeds, each recognised by its signature.
    enum MediaType: String, CaseIterable {
        case png = "image/png", jpeg = "image/jpeg", gif = "image/gif", webp = "image/webp", svg = "image/svg+xml"

        /// The type whose signature `bytes` start with: PNG's 8-byte signature, JPEG's SOI
        /// marker, `GIF8`, `RIFF…WEBP`, or an XML/SVG text whose first element is `<svg`.
        init?(sniffing bytes: Data) {
            let head = [UInt8](bytes.prefix(16))
            if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
                self = .png
            } else if head.starts(with: [0xFF, 0xD8, 0xFF]) {
                self = .jpeg
            } else if head.starts(with: Array("GIF8".utf8)) {
                self = .gif
            } else if head.count >= 12, head.starts(with: Array("RIFF".utf8)),
                      Array(head[8..<12]) == Array("WEBP".utf8) {
                self = .webp
            } else if let text = String(data: bytes.prefix(4096), encoding: .utf8), text.contains("<svg") {
                self = .svg
            } else {
                return nil
            }
        }
    }

    var type: MediaType
    var bytes: Data
    /// Where it was read from (absolute, symlinks resolved), for writers that link to it (LaTeX).
    var path: String

    /// The image as a `data:` URI. SVG is embedded as an image too, never inline: an `<img>`
    /// runs none of its scripts or event handlers and loads nothing, so it needs no sanitising.
    var dataURI: String { "data:\(type.rawValue);base64," + bytes.base64EncodedString() }
}
