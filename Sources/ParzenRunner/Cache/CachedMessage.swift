import ParzenFormat

/// A warning of a cached result, or the error of a cached failure, placed relative to its
/// directive rather than at a line of the notebook: prose edited above the directive moves
/// it, and reordered options move the option a message points at, without changing the key.
/// A cached message is put back at the same place in the directive as it is now.
struct CachedMessage: Codable, Sendable {
    enum Place: Codable, Sendable {
        /// At the value of the named option.
        case option(String)
        /// `lines` below the directive's fence, at `column`.
        case belowFence(lines: Int, column: Int)
        /// At the directive's fence.
        case fence
    }

    var message: String
    var fix: String?
    var place: Place

    init(_ error: DirectiveError, of call: DirectiveCall) {
        message = error.message
        fix = error.fix
        guard let location = error.location, location != call.location else {
            place = .fence
            return
        }
        if let name = call.options.names.first(where: { call.options.location(of: $0) == location }) {
            place = .option(name)
        } else {
            place = .belowFence(lines: location.line - call.location.line, column: location.column)
        }
    }

    /// The message where it belongs in `call` as written now.
    func error(in call: DirectiveCall) -> DirectiveError {
        let location: SourceLocation = switch place {
        case .option(let name): call.options.location(of: name) ?? call.location
        case .belowFence(let lines, let column): SourceLocation(line: call.location.line + lines, column: column)
        case .fence: call.location
        }
        return DirectiveError(message, fix: fix, at: location)
    }
}
