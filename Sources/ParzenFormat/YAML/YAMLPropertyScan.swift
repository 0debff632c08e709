/// Finds YAML anchors (`&name`), aliases (`*name`) and tags (`!tag`, `!!type`) in the bytes of
/// a YAML text, before any YAML library sees it.
///
/// Yams resolves aliases while composing, so a "billion laughs" document (nine anchors, each
/// a list of ten aliases of the previous one) is expanded into 10⁹ nodes before Parzen could
/// look at the tree; and it applies a tag (`!!str 5`, `!!binary …`) without saying so in the
/// tree, so a tag would silently change or be dropped from what the author wrote. Notebooks
/// need neither, so the reader refuses them up front, at their position.
///
/// The scan follows just enough of YAML's grammar to tell a node's start from the middle of a
/// plain scalar: quoted scalars (across lines), comments, block scalars (`|`, `>`, by the
/// indentation of their first line) and flow collections (`[`, `{`, `,`). It errs on the side
/// of reporting: `&`, `*` or `!` at the start of a continuation line of a multi-line plain
/// scalar is reported although YAML would read it as text (quote such a value). Cost: one
/// pass, O(n).
enum YAMLPropertyScan {
    /// An anchor, alias or tag at a 1-based line and column (in scalars); `name` is what
    /// follows its indicator.
    struct Finding: Equatable {
        enum Kind: Equatable { case anchor, alias, tag }
        var kind: Kind
        var name: String
        var line: Int
        var column: Int
    }

    static func findings(in text: String) -> [Finding] {
        let bytes = Array(text.utf8)
        guard bytes.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "!") })
        else { return [] }
        var scanner = Scanner(bytes: bytes)
        scanner.run()
        return scanner.findings
    }

    private enum Quote { case none, single, double }

    private struct Scanner {
        let bytes: [UInt8]
        var findings: [Finding] = []
        var quote = Quote.none
        var flowDepth = 0
        /// Inside a block scalar: the indentation of the line that introduced it, and of its
        /// first content line once seen.
        var blockScalar: (parentIndent: Int, contentIndent: Int?)?

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func run() {
            var lineStart = 0
            var lineNumber = 1
            while lineStart <= bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                scanLine(lineStart..<lineEnd, number: lineNumber)
                lineStart = lineEnd + 1
                lineNumber += 1
            }
        }

        private static func isSpace(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
        }

        private static func isFlowIndicator(_ byte: UInt8) -> Bool {
            "[]{},".utf8.contains(byte)
        }

        private func column(of index: Int, lineStart: Int) -> Int {
            bytes[lineStart..<index].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        }

        private mutating func scanLine(_ line: Range<Int>, number: Int) {
            var index = line.lowerBound
            while index < line.upperBound, bytes[index] == UInt8(ascii: " ") { index += 1 }
            let indent = index - line.lowerBound
            let blank = bytes[index..<line.upperBound].allSatisfy(Self.isSpace)
            if let block = blockScalar, quote == .none {
                if blank { return }
                if let content = block.contentIndent {
                    if indent >= content { return }
                } else if indent > block.parentIndent {
                    blockScalar = (block.parentIndent, indent)
                    return
                }
                blockScalar = nil
            }
            var atNodeStart = quote == .none
            while index < line.upperBound {
                let byte = bytes[index]
                switch quote {
                case .double:
                    if byte == UInt8(ascii: "\\") { index += 2; continue }
                    if byte == UInt8(ascii: "\"") { quote = .none }
                    index += 1
                    continue
                case .single:
                    if byte == UInt8(ascii: "'") {
                        if index + 1 < line.upperBound, bytes[index + 1] == UInt8(ascii: "'") { index += 2; continue }
                        quote = .none
                    }
                    index += 1
                    continue
                case .none:
                    break
                }
                let next: UInt8 = index + 1 < line.upperBound ? bytes[index + 1] : UInt8(ascii: " ")
                let previous: UInt8 = index > line.lowerBound ? bytes[index - 1] : UInt8(ascii: " ")
                if Self.isSpace(byte) { index += 1; continue }
                if byte == UInt8(ascii: "#"), Self.isSpace(previous) { return }
                if atNodeStart {
                    switch byte {
                    case UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"):
                        var end = index + 1
                        while end < line.upperBound, !Self.isSpace(bytes[end]), !Self.isFlowIndicator(bytes[end]) {
                            end += 1
                        }
                        let kind: Finding.Kind = switch byte {
                        case UInt8(ascii: "&"): .anchor
                        case UInt8(ascii: "*"): .alias
                        default: .tag
                        }
                        // A lone `!` is the non-specific tag: a tag all the same.
                        if end > index + 1 || kind == .tag {
                            findings.append(Finding(
                                kind: kind, name: String(decoding: bytes[(index + 1)..<end], as: UTF8.self),
                                line: number, column: column(of: index, lineStart: line.lowerBound)))
                        }
                        // A node (or a key's colon) follows an anchor or a tag; an alias is a whole node.
                        atNodeStart = kind != .alias
                        index = end
                        continue
                    case UInt8(ascii: "\""):
                        quote = .double
                        atNodeStart = false
                        index += 1
                        continue
                    case UInt8(ascii: "'"):
                        quote = .single
                        atNodeStart = false
                        index += 1
                        continue
                    case UInt8(ascii: "|"), UInt8(ascii: ">") where flowDepth == 0:
                        blockScalar = (indent, nil)
                        return
                    case UInt8(ascii: "-"), UInt8(ascii: "?") where Self.isSpace(next):
                        index += 1
                        continue
                    default:
                        break
                    }
                }
                switch byte {
                // (A `where` binds to the last pattern only: each pattern carries its own.)
                case UInt8(ascii: "[") where atNodeStart || flowDepth > 0,
                     UInt8(ascii: "{") where atNodeStart || flowDepth > 0:
                    flowDepth += 1
                    atNodeStart = true
                case UInt8(ascii: "]") where flowDepth > 0, UInt8(ascii: "}") where flowDepth > 0:
                    flowDepth -= 1
                    atNodeStart = false
                case UInt8(ascii: ",") where flowDepth > 0:
                    atNodeStart = true
                case UInt8(ascii: ":") where Self.isSpace(next) || flowDepth > 0:
                    atNodeStart = true
                default:
                    atNodeStart = false
                }
                index += 1
            }
        }
    }
}
