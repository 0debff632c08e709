import ParzenChart
import ParzenMarkup

/// Writes SVG markup: every attribute value and text node goes through ``Escaping``, so no
/// caller can forget to escape a label taken from a notebook.
struct SVGWriter {
    private(set) var output = ""

    /// An opening tag, e.g. `<g class="…">`, on a line of its own.
    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        output += "<" + name + SVGWriter.attributes(attributes) + ">\n"
    }

    /// A closing tag followed by a line break, which keeps the markup readable in diffs.
    mutating func close(_ name: String) {
        output += "</" + name + ">\n"
    }

    /// A self-closing element.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String>) {
        output += "<" + name + SVGWriter.attributes(attributes) + "/>\n"
    }

    /// An element with escaped text content.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String>, text: String) {
        output += "<" + name + SVGWriter.attributes(attributes) + ">" + Escaping.text(text) + "</" + name + ">\n"
    }

    /// A `<path>` with the given data; nothing when the data are empty (an empty `d` is an
    /// SVG error).
    mutating func path(_ data: PathData, _ attributes: KeyValuePairs<String, String> = [:]) {
        guard !data.isEmpty else { return }
        output += "<path" + SVGWriter.attributes(attributes) + " d=\"" + data.string + "\"/>\n"
    }

    /// Appends markup written by another writer (a chart inside a grid of panels).
    mutating func append(_ other: SVGWriter) {
        output += other.output
    }

    private static func attributes(_ attributes: KeyValuePairs<String, String>) -> String {
        var result = ""
        for (name, value) in attributes {
            result += " " + name + "=\"" + Escaping.attribute(value) + "\""
        }
        return result
    }
}
