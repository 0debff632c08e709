/// Title case as CSL styles apply it to English titles (CSL 1.0.2 §"Text-case"; citeproc's
/// `withTitleCase`): lowercase words are capitalised, except stop words ("of", "the", "and",
/// …) that neither start the title or a sentence (after `:`, `.`, `?`, `!`) nor end it; words
/// with capitals (iPhone, NASA), single letters and case-protected `{…}` text stay as written.
struct TitleCase {
    private enum State { case start, sentenceStart, afterWord, inWord, afterSentencePunctuation }

    /// citeproc's stop words (the CSL list plus the name particles it adds).
    static let stopWords: Set<String> = [
        "a", "an", "and", "as", "at", "but", "by", "down", "for", "from", "in", "into", "nor", "of", "on",
        "onto", "or", "over", "so", "the", "till", "to", "up", "via", "with", "yet", "about", "van", "von",
        "de", "d", "l",
    ]

    private var state = State.start
    private var word = 0
    private let lastWord: Int

    private init(lastWord: Int) { self.lastWord = lastWord }

    /// `pieces` in title case.
    static func apply(_ pieces: [BibText]) -> [BibText] {
        var counter = TitleCase(lastWord: -1)
        counter.observe(pieces)
        var caser = TitleCase(lastWord: counter.word - 1)
        return caser.transform(pieces)
    }

    private mutating func transform(_ pieces: [BibText]) -> [BibText] {
        pieces.map { piece in
            switch piece {
            case .text(let text): return .text(process(text, changing: true))
            case .emphasis(let inner): return .emphasis(transform(inner))
            case .strong(let inner): return .strong(transform(inner))
            case .protected(let inner):
                observe(inner)
                return piece
            case .math(let tex):
                _ = process(tex.isEmpty ? "" : "x", changing: false)
                return piece
            }
        }
    }

    private mutating func observe(_ pieces: [BibText]) {
        for piece in pieces {
            switch piece {
            case .text(let text): _ = process(text, changing: false)
            case .emphasis(let inner), .strong(let inner), .protected(let inner): observe(inner)
            case .math: _ = process("x", changing: false)
            }
        }
    }

    /// Walks `text` word by word, moving the state on; capitalises words when `changing`.
    private mutating func process(_ text: String, changing: Bool) -> String {
        var output = ""
        var current = ""
        func endWord() {
            guard !current.isEmpty else { return }
            output += changing ? cased(current) : current
            word += 1
            current = ""
            state = .inWord
        }
        for character in text {
            let isApostrophe = (character == "’" || character == "'") && !current.isEmpty
            if character.isLetter || character.isNumber || isApostrophe {
                if current.isEmpty, state == .inWord {
                    // A word continued after protected text or math ("{H}ilbert"): leave it.
                    output.append(character)
                    continue
                }
                current.append(character)
            } else {
                endWord()
                output.append(character)
                if ".:?!".contains(character) {
                    state = .afterSentencePunctuation
                } else if character.isWhitespace {
                    if state == .afterSentencePunctuation || state == .sentenceStart {
                        state = .sentenceStart
                    } else if state != .start {
                        state = .afterWord
                    }
                } else if state == .inWord {
                    // A hyphen or slash ends a word ("Non-Parametric"); quotes and brackets
                    // before a word keep the state they follow.
                    state = .afterWord
                }
            }
        }
        endWord()
        return output
    }

    private func cased(_ word: String) -> String {
        let hasUpper = word.contains { $0.isUppercase }, hasLower = word.contains { $0.isLowercase }
        guard !hasUpper, hasLower else { return word }
        let capitalised = word.prefix(1).uppercased() + word.dropFirst()
        switch state {
        case .start, .sentenceStart: return capitalised
        case .afterWord where word.count > 1 && !TitleCase.stopWords.contains(word): return capitalised
        default: return self.word == lastWord && word.count > 1 ? capitalised : word
        }
    }
}
