import Foundation
import ParzenFormat

/// What can go wrong with the cache, all of it recoverable: the directive is computed and
/// the render goes on, so each is a warning at the directive concerned.
enum CacheNotice: Sendable, Equatable {
    /// An entry existed but was refused (truncated, foreign, another format, wrong checksum,
    /// undecodable); it was deleted and the result computed again.
    case entryUnusable(String)
    /// The computed result could not be written to the cache folder.
    case notWritten(folder: String, reason: String)
    /// A cached result's payload, read only when a computed directive needs it, failed to
    /// decode although its entry's checksum held (a Parzen bug, or an entry forged to match).
    case payloadUnreadable(label: String, reason: String)

    var message: String {
        switch self {
        case .entryUnusable(let reason):
            "the cached result of this directive was unusable (\(reason)); computed it again"
        case .notWritten(let folder, let reason): "could not store this result in the cache \(folder): \(reason)"
        case .payloadUnreadable(let label, let reason): "the cached result of '\(label)' cannot be read (\(reason))"
        }
    }

    var fix: String {
        switch self {
        case .entryUnusable: "nothing to do: the entry was replaced; `parzen clean` empties the cache"
        case .notWritten: "make the folder writable, or render with --no-cache"
        case .payloadUnreadable: "run `parzen clean` and render again"
        }
    }
}

extension Diagnostic {
    init(_ notice: CacheNotice, file: String, at location: SourceLocation) {
        self.init(.warning, file: file, at: location, notice.message, fix: notice.fix)
    }
}
