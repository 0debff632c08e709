import Foundation

/// Reads the TeX of a field value into ``BibText``: the subset of LaTeX that `.bib` files use
/// (accents, letters, escapes, dashes, quotes, font commands, math, case-protecting braces).
///
/// Unknown commands are kept as written (`\foo`) and reported, so nothing the author wrote
/// disappears; the reader never fails, because BibTeX's parser has already balanced the braces.
struct TeXTextReader {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    /// Commands the reader does not know, in the order met.
    private(set) var unknownCommands: [String] = []

    init(_ tex: String) { scalars = Array(tex.unicodeScalars) }

    /// The pieces of `tex`, with the unknown commands met.
    static func read(_ tex: String) -> (text: [BibText], unknownCommands: [String]) {
        var reader = TeXTextReader(tex)
        let pieces = reader.readPieces(untilBrace: false)
        return (normalised(pieces), reader.unknownCommands)
    }

    /// The plain text of `tex` (for names, where case protection does not matter).
    static func plainText(_ tex: String) -> String { BibText.plainText(read(tex).text) }

    private var atEnd: Bool { index >= scalars.count }
    private var current: Unicode.Scalar? { atEnd ? nil : scalars[index] }
    private func peek(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func readPieces(untilBrace: Bool) -> [BibText] {
        var pieces: [BibText] = []
        var text = ""
        func flush() { if !text.isEmpty { pieces.append(.text(text)); text = "" } }
        while let scalar = current {
            switch scalar {
            case "}":
                index += 1
                if untilBrace { flush(); return pieces }
            case "{":
                index += 1
                flush()
                pieces.append(contentsOf: readGroup())
            case "$":
                flush()
                pieces.append(.math(readMath(closing: ["$"])))
            case "\\":
                if peek(1) == "(" {
                    flush()
                    index += 2
                    pieces.append(.math(readMath(closing: ["\\", ")"])))
                } else {
                    let piece = readCommand()
                    if case .text(let output) = piece {
                        text += output
                    } else {
                        flush()
                        pieces.append(piece)
                    }
                }
            case "-":
                let dashes = countRun(of: "-", max: 3)
                text += dashes == 3 ? "—" : dashes == 2 ? "–" : "-"
            case "`":
                text += countRun(of: "`", max: 2) == 2 ? "“" : "‘"
            case "'":
                text += countRun(of: "'", max: 2) == 2 ? "”" : "’"
            case "~":
                index += 1
                text += "\u{00A0}"
            default:
                index += 1
                if scalar.properties.isWhitespace {
                    if !text.hasSuffix(" ") { text += " " }
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        flush()
        return pieces
    }

    /// A `{…}` group (the `{` already read): case-protected text, or — when it opens with a
    /// command, BibTeX's "special character" — the command's output, not protected.
    private mutating func readGroup() -> [BibText] {
        guard current == "\\", let next = peek(1),
              next.properties.isAlphabetic || TeXSymbols.accents[String(next)] != nil
        else { return [.protected(readPieces(untilBrace: true))] }
        let start = index
        let name = readCommandName()
        if TeXSymbols.emphasisDeclarations.contains(name) {
            return [.emphasis(readPieces(untilBrace: true))]
        }
        if TeXSymbols.strongDeclarations.contains(name) {
            return [.strong(readPieces(untilBrace: true))]
        }
        if TeXSymbols.plainDeclarations.contains(name) { return readPieces(untilBrace: true) }
        index = start
        return readPieces(untilBrace: true)
    }

    private mutating func readMath(closing: [Unicode.Scalar]) -> String {
        if closing == ["$"] { index += 1 }
        var tex = ""
        while let scalar = current {
            if scalar == closing[0], closing.count == 1 || peek(1) == closing[1] {
                index += closing.count
                return tex
            }
            if scalar == "\\", let next = peek(1) {
                tex.unicodeScalars.append(scalar)
                tex.unicodeScalars.append(next)
                index += 2
                continue
            }
            tex.unicodeScalars.append(scalar)
            index += 1
        }
        return tex
    }

    /// The name after a backslash (letters, or one other character); the reader moves past it
    /// and past the spaces that end a letter command.
    private mutating func readCommandName() -> String {
        index += 1
        guard let first = current else { return "" }
        var name = String(first)
        index += 1
        if first.properties.isAlphabetic {
            while let scalar = current, scalar.properties.isAlphabetic, scalar.isASCII {
                name.unicodeScalars.append(scalar)
                index += 1
            }
            while let scalar = current, scalar == " " || scalar == "\n" || scalar == "\t" { index += 1 }
        }
        return name
    }

    /// The output of the command at the backslash: text, or an emphasised or bold piece.
    private mutating func readCommand() -> BibText {
        let name = readCommandName()
        if let mark = TeXSymbols.accents[name] {
            // A dotless ı or ȷ under an accent is TeX's way to write í or ĵ.
            var base = readArgumentText()
                .replacingOccurrences(of: "ı", with: "i").replacingOccurrences(of: "ȷ", with: "j")
            if base.isEmpty { base = "\u{00A0}" }
            var scalars = base.unicodeScalars
            scalars.insert(mark, at: scalars.index(after: scalars.startIndex))
            return .text(String(scalars).precomposedStringWithCanonicalMapping)
        }
        if let word = TeXSymbols.words[name] {
            if current == "{", peek(1) == "}" { index += 2 }
            return .text(word)
        }
        if TeXSymbols.transparent.contains(name) { return .text(BibText.plainText(readArgument())) }
        if TeXSymbols.emphasis.contains(name) { return .emphasis(readArgument()) }
        if TeXSymbols.strong.contains(name) { return .strong(readArgument()) }
        unknownCommands.append("\\" + name)
        return .text("\\" + name)
    }

    /// An argument: a braced group (not case-protecting) or the next single character or
    /// command (`\'e`, `\'{e}`, `\'\i`).
    private mutating func readArgument() -> [BibText] {
        while current == " " { index += 1 }
        guard let scalar = current else { return [] }
        if scalar == "{" {
            index += 1
            return readPieces(untilBrace: true)
        }
        if scalar == "\\" { return [readCommand()] }
        index += 1
        return [.text(String(scalar))]
    }

    private mutating func readArgumentText() -> String { BibText.plainText(readArgument()) }

    private mutating func countRun(of scalar: Unicode.Scalar, max: Int) -> Int {
        var count = 0
        while count < max, current == scalar {
            count += 1
            index += 1
        }
        return count
    }

    /// Merges neighbouring text, trims the ends and drops empty pieces.
    private static func normalised(_ pieces: [BibText]) -> [BibText] {
        var result = merged(pieces)
        if case .text(let first)? = result.first {
            result[0] = .text(String(first.drop { $0 == " " }))
        }
        if case .text(let last)? = result.last {
            result[result.count - 1] = .text(String(last.reversed().drop { $0 == " " }.reversed()))
        }
        return result.filter { $0 != .text("") }
    }

    private static func merged(_ pieces: [BibText]) -> [BibText] {
        var result: [BibText] = []
        for piece in pieces {
            switch (result.last, piece) {
            case (.text(let a)?, .text(let b)):
                result[result.count - 1] = .text(a.hasSuffix(" ") && b.hasPrefix(" ") ? a + b.dropFirst() : a + b)
            case (_, .protected(let inner)): result.append(.protected(merged(inner)))
            case (_, .emphasis(let inner)): result.append(.emphasis(merged(inner)))
            case (_, .strong(let inner)): result.append(.strong(merged(inner)))
            default: result.append(piece)
            }
        }
        return result.filter { $0 != .text("") }
    }
}
