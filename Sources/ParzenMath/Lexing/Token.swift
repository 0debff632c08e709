/// One TeX token: a control sequence (`\frac`, `\{`, `\\`), a character, or a run of spaces.
struct Token: Equatable {
    enum Kind: Equatable {
        /// `\name` or a control symbol such as `\{`; `text` includes the backslash.
        case command
        /// One Unicode scalar.
        case character
        /// A run of white space (math mode ignores it, `\text` keeps one space).
        case space
        /// The end of the formula.
        case end
    }

    var kind: Kind
    /// Set on the meaning of a `\let` alias: the command is used as it was when copied and is
    /// not looked up among the macros again (also after a peek puts it back).
    /// Declared next to `kind` so that it fits in its padding (a token stays 32 bytes).
    var isFrozen = false
    var text: String
    /// UTF-8 byte offset of the token in the formula; tokens produced by macro expansion carry
    /// the offset of the macro call, so diagnostics point at something the author wrote.
    var offset: Int

    var isEnd: Bool { kind == .end }

    /// True for the character token `character` (not for a command spelled the same).
    func isCharacter(_ character: String) -> Bool {
        kind == .character && text == character
    }
}
