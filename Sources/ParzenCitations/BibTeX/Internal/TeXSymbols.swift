/// The TeX that `.bib` files use for letters TeX's fonts lack, as Unicode
/// (LaTeX's `\textcomp`/OT1 tables, Lamport, *LaTeX*, 2nd ed., table 3.2).
enum TeXSymbols {
    /// Accent commands and the combining mark each adds to the next letter (`\"o` → o + U+0308).
    static let accents: [String: Unicode.Scalar] = [
        "\"": "\u{0308}", "'": "\u{0301}", "`": "\u{0300}", "^": "\u{0302}", "~": "\u{0303}",
        "=": "\u{0304}", ".": "\u{0307}", "u": "\u{0306}", "v": "\u{030C}", "H": "\u{030B}",
        "c": "\u{0327}", "k": "\u{0328}", "r": "\u{030A}", "d": "\u{0323}", "b": "\u{0331}",
        "t": "\u{0361}",
    ]

    /// Commands without arguments that stand for a letter, sign or word.
    static let words: [String: String] = [
        "ss": "ß", "SS": "SS", "aa": "å", "AA": "Å", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
        "o": "ø", "O": "Ø", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð",
        "th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ", "dj": "đ", "DJ": "Đ",
        "&": "&", "%": "%", "$": "$", "#": "#", "_": "_", "{": "{", "}": "}", " ": " ",
        ",": "\u{2009}", "@": "", "/": "", "-": "", "\\": " ",
        "textbackslash": "\\", "textendash": "–", "textemdash": "—", "textquoteleft": "‘",
        "textquoteright": "’", "textquotedblleft": "“", "textquotedblright": "”", "ldots": "…",
        "dots": "…", "textellipsis": "…", "S": "§", "P": "¶", "copyright": "©", "textcopyright": "©",
        "pounds": "£", "textsterling": "£", "texteuro": "€", "textregistered": "®",
        "texttrademark": "™", "textdegree": "°", "textasciitilde": "~", "textasciicircum": "^",
        "textbar": "|", "textless": "<", "textgreater": ">", "textunderscore": "_", "textbullet": "•",
        "guillemotleft": "«", "guillemotright": "»", "quad": "\u{2003}", "qquad": "\u{2003}\u{2003}",
        "TeX": "TeX", "LaTeX": "LaTeX", "BibTeX": "BibTeX", "LaTeXe": "LaTeX2ε", "relax": "",
    ]

    /// Commands whose one argument is kept as plain text (font changes that carry no meaning
    /// in a reference list, and boxes).
    static let transparent: Set<String> = [
        "textrm", "textsf", "texttt", "textsc", "textup", "textnormal", "textmd", "mbox", "hbox",
        "text", "url", "nolinkurl", "uppercase", "MakeUppercase", "lowercase", "MakeLowercase",
    ]

    /// Commands whose argument is emphasised or bold, and the declarations that do the same to
    /// the rest of their group (`{\em …}`).
    static let emphasis: Set<String> = ["emph", "textit", "textsl"]
    static let strong: Set<String> = ["textbf"]
    static let emphasisDeclarations: Set<String> = ["em", "it", "itshape", "sl", "slshape"]
    static let strongDeclarations: Set<String> = ["bf", "bfseries"]
    static let plainDeclarations: Set<String> = ["rm", "sf", "tt", "sc", "scshape", "upshape", "normalfont"]
}
