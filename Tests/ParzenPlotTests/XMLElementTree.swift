import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML element: the structure the tests inspect. Parsing with Foundation's
/// `XMLParser` (libxml2) also proves that the markup is well-formed XML.
final class XMLElementTree {
    let name: String
    let attributes: [String: String]
    private(set) var children: [XMLElementTree] = []
    fileprivate(set) var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// Parses a document; `nil` if it is not well-formed.
    static func parse(_ markup: String) -> XMLElementTree? {
        let parser = XMLParser(data: Data(markup.utf8))
        let builder = Builder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else { return nil }
        return root
    }

    /// This element and all its descendants, depth first in document order.
    var allElements: [XMLElementTree] { [self] + children.flatMap(\.allElements) }

    /// Descendants (and self) with the given element name.
    func elements(named name: String) -> [XMLElementTree] { allElements.filter { $0.name == name } }

    /// Descendants (and self) whose `class` attribute contains `className`.
    func elements(withClass className: String) -> [XMLElementTree] {
        allElements.filter { ($0.attributes["class"] ?? "").split(separator: " ").contains(Substring(className)) }
    }

    /// The concatenated text of this element and its descendants.
    var allText: String { text + children.map(\.allText).joined() }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLElementTree?
        var stack: [XMLElementTree] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            let element = XMLElementTree(name: elementName, attributes: attributes)
            if let parent = stack.last { parent.children.append(element) } else { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}
