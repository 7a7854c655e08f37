import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Collects what an XML document holds: elements with their attributes, in order.
public final class XMLOutline: NSObject, XMLParserDelegate {
    public var elements: [(name: String, attributes: [String: String])] = []
    public var texts: [String] = []
    public var error: (any Error)?

    public static func parse(_ xml: String) -> XMLOutline {
        let outline = XMLOutline()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = outline
        if !parser.parse() { outline.error = parser.parserError ?? CocoaError(.coderReadCorrupt) }
        return outline
    }

    public func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append((name, attributes))
    }

    public func parser(_ parser: XMLParser, foundCharacters string: String) { texts.append(string) }

    public func all(_ name: String) -> [[String: String]] { elements.filter { $0.name == name }.map(\.attributes) }
}
