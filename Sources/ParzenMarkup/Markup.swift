/// HTML (or SVG, MathML) as a value: text that is escaped when written, elements with
/// attributes, and raw markup as the visible opt-out. Writers build `Markup` and serialise
/// it once, so no string of page markup is assembled by hand and nothing is escaped twice.
///
/// ```swift
/// let cell = Markup.element("td", ["class": "number"], [.text("1.5 < 2")])
/// cell.html   // <td class="number">1.5 &lt; 2</td>
/// ```
public indirect enum Markup: Sendable, Equatable {
    /// Text, escaped for element content.
    case text(String)
    /// An element: its name, attributes in the order given (values escaped), and children.
    case element(String, [(String, String)], [Markup])
    /// Markup already written by a trusted writer (MathML from ParzenMath, SVG from
    /// ParzenPlot, HTML from ParzenHTML) — inserted as is.
    case raw(String)
    /// Several pieces side by side.
    case sequence([Markup])

    /// An element whose attributes are given as a dictionary literal (order kept).
    public static func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:],
                               _ children: [Markup] = []) -> Markup {
        .element(name, attributes.map { ($0.key, $0.value) }, children)
    }

    /// The serialised markup.
    public var html: String {
        var out = ""
        write(into: &out)
        return out
    }

    private func write(into out: inout String) {
        switch self {
        case .text(let text):
            out += Escaping.text(text)
        case .raw(let markup):
            out += markup
        case .sequence(let pieces):
            for piece in pieces { piece.write(into: &out) }
        case .element(let name, let attributes, let children):
            out += "<" + name
            for (key, value) in attributes { out += " \(key)=\"\(Escaping.attribute(value))\"" }
            out += ">"
            for child in children { child.write(into: &out) }
            out += "</\(name)>"
        }
    }

    public static func == (a: Markup, b: Markup) -> Bool { a.html == b.html }
}
