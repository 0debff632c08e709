/// What plain characters mean in math mode: `+` is a binary operator shown as itself, `-`
/// a minus sign U+2212, `(` an opening bracket that must not stretch, and so on. Also covers
/// operators typed directly as Unicode (`≤`, `∈`).
enum CharacterSymbols {
    struct Symbol {
        var text: String
        var attributes: OperatorAttributes
    }

    static let operators: [String: Symbol] = {
        var table: [String: Symbol] = [:]
        func add(_ characters: String, _ atomClass: AtomClass, shownAs: String? = nil) {
            table[characters] = Symbol(text: shownAs ?? characters, attributes: OperatorAttributes(atomClass))
        }
        add("+", .binary)
        add("-", .binary, shownAs: "\u{2212}")
        add("*", .binary, shownAs: "\u{2217}")
        add("=", .relation)
        add("<", .relation)
        add(">", .relation)
        add(":", .relation)
        add(",", .punctuation)
        add(";", .punctuation)
        add("!", .closing)
        add("?", .closing)
        for (open, close) in [("(", ")"), ("[", "]")] {
            table[open] = Symbol(text: open, attributes: .fixedDelimiter(.opening))
            table[close] = Symbol(text: close, attributes: .fixedDelimiter(.closing))
        }
        table["|"] = Symbol(text: "|", attributes: .fixedDelimiter(.ordinary))
        table["/"] = Symbol(text: "/", attributes: .fixedDelimiter(.ordinary))
        var point = OperatorAttributes(.ordinary)
        point.lspace = "0em"
        point.rspace = "0em"
        table["."] = Symbol(text: ".", attributes: point)
        // Unicode operators typed directly take the class of the command that produces them.
        for (_, symbol) in SymbolCommands.operatorTable where table[symbol.text] == nil {
            table[symbol.text] = symbol
        }
        for symbol in PackageSymbols.table where table[symbol.text] == nil {
            switch symbol.atomClass {
            case .binary, .relation, .punctuation:
                table[symbol.text] = Symbol(text: symbol.text, attributes: OperatorAttributes(symbol.atomClass))
            default:
                break
            }
        }
        return table
    }()
}
