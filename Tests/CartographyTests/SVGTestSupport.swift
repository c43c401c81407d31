import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// Parses an SVG with Foundation's XMLParser (the test of well-formedness) and
/// keeps every element with its attributes and text.
final class SVGTree: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
        var ancestors: [String]  // ids of enclosing elements
    }

    private(set) var elements: [Element] = []
    private var stack: [Int] = []
    private(set) var error: Error?

    static func parse(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> SVGTree {
        let tree = SVGTree()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = tree
        let ok = parser.parse()
        XCTAssertTrue(ok, "not well-formed XML: \(String(describing: parser.parserError ?? tree.error))", file: file, line: line)
        if !ok { throw parser.parserError ?? NSError(domain: "SVGTree", code: 1) }
        return tree
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        let ancestors = stack.compactMap { elements[$0].attributes["id"] }
        elements.append(Element(name: name, attributes: attributes, text: "", ancestors: ancestors))
        stack.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let i = stack.last { elements[i].text += string }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }

    func element(id: String) -> Element? { elements.first { $0.attributes["id"] == id } }

    func elements(inside id: String) -> [Element] { elements.filter { $0.ancestors.contains(id) } }

    /// The shape (path or circle) inside `id` whose `<title>` child reads `title`.
    func titledShape(inside id: String, title: String) -> Element? {
        guard let i = elements.indices.first(where: {
            elements[$0].name == "title" && elements[$0].text == title && elements[$0].ancestors.contains(id)
        }), i > 0 else { return nil }
        return elements[i - 1]
    }

    /// Texts of `<text>` elements inside `id`.
    func texts(inside id: String) -> [String] { elements(inside: id).filter { $0.name == "text" }.map(\.text) }
}

/// The numbers of an SVG path's data as (x, y) pairs.
func pathPoints(_ d: String) -> [(Double, Double)] {
    let numbers = d.split(whereSeparator: { "MLZ ".contains($0) }).compactMap { Double($0) }
    return stride(from: 0, to: numbers.count - 1, by: 2).map { (numbers[$0], numbers[$0 + 1]) }
}

/// The pyproj reference of Tests/Fixtures/maps/out/tiny_scale.json.
func tinyScaleReference() throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: TinyDataset.fixtures + "/out/tiny_scale.json"))
    return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
}
