/// HTML character references (`&#106;`, `&#x6A;`, `&colon;`) in attribute values, decoded
/// so that URLs and styles are judged as the browser will read them.
///
/// Numeric references are decoded in full (with or without the `;`, as browsers do); of the
/// named ones, those that spell URL syntax or white space. A reference not decoded here stays
/// as written — and the sanitizer writes `&` back as `&amp;`, so the browser then sees the
/// same literal text that was judged, never a character decoded behind its back.
enum CharacterReference {
    private static let named: [String: Character] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "Tab": "\t", "NewLine": "\n", "colon": ":", "sol": "/", "bsol": "\\", "num": "#",
        "quest": "?", "period": ".", "plus": "+", "lpar": "(", "rpar": ")", "semi": ";",
        "comma": ",", "equals": "=", "percnt": "%", "excl": "!", "commat": "@", "lowbar": "_",
        "hyphen": "\u{2010}", "dash": "\u{2010}", "lbrace": "{", "rbrace": "}", "lsqb": "[", "rsqb": "]",
    ]

    /// `text` with the references above decoded.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "&", let (decoded, length) = reference(in: scalars, at: index) else {
                out.append(scalars[index])
                index += 1
                continue
            }
            out.append(contentsOf: decoded.unicodeScalars)
            index += length
        }
        return String(out)
    }

    /// The reference starting at `start` (an `&`): its text and how many scalars it spans.
    private static func reference(in scalars: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        var index = start + 1
        if index < scalars.count, scalars[index] == "#" {
            index += 1
            let hex = index < scalars.count && (scalars[index] == "x" || scalars[index] == "X")
            if hex { index += 1 }
            let digitsStart = index
            var value: UInt32 = 0
            while index < scalars.count, index - digitsStart < 8,
                  let digit = Int(String(scalars[index]), radix: hex ? 16 : 10) {
                value = value * (hex ? 16 : 10) + UInt32(digit)
                index += 1
            }
            guard index > digitsStart else { return nil }
            if index < scalars.count, scalars[index] == ";" { index += 1 }
            // Browsers map NUL, surrogates and out-of-range values to U+FFFD.
            let scalar = Unicode.Scalar(value).flatMap { $0.value == 0 ? nil : $0 } ?? "\u{FFFD}"
            return (String(scalar), index - start)
        }
        var name = ""
        while index < scalars.count, name.count < 32,
              scalars[index].properties.isAlphabetic || ("0"..."9").contains(scalars[index]) {
            name.unicodeScalars.append(scalars[index])
            index += 1
        }
        guard index < scalars.count, scalars[index] == ";", let character = named[name] else { return nil }
        return (String(character), index + 1 - start)
    }
}
