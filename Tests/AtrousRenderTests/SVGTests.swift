import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import AtrousRender

/// Collects what an SVG parse found.
final class SVGCollector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var texts: [String] = []
    private var current = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append((name, attributes))
        current = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" { texts.append(current) }
    }

    /// Parses `svg`; nil when it is not well-formed XML.
    static func parse(_ svg: String) -> SVGCollector? {
        let collector = SVGCollector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        return parser.parse() ? collector : nil
    }
}

struct SVGTests {
    @Test(arguments: [true, false])
    func aWholeScreenIsWellFormedStandaloneSVG(colors: Bool) throws {
        let buffer = ExampleScreens.frame(size: Size(width: 80, height: 24), colors: colors)
        let svg = try #require(SVGCollector.parse(buffer.svg()))
        let root = try #require(svg.elements.first)
        #expect(root.name == "svg")
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root.attributes["width"] == "720" && root.attributes["height"] == "432")
        // Every visible character is in some text run, in reading order.
        #expect(svg.texts.joined().filter { $0 != " " } == buffer.text.filter { $0 != " " && $0 != "\n" })
    }

    @Test func textIsEscapedAndControlCharactersReplaced() throws {
        var buffer = CellBuffer(size: Size(width: 12, height: 1))
        buffer.write("<a & \"b\">'", x: 0, y: 0)
        buffer[11, 0] = Cell("\u{7}")
        let svg = buffer.svg()
        #expect(svg.contains("&lt;a &amp; &quot;b&quot;&gt;&apos;"))
        let parsed = try #require(SVGCollector.parse(svg))
        #expect(parsed.texts == ["<a & \"b\">' \u{FFFD}"])
    }

    @Test func coloursAttributesAndReverseBecomeSVGAttributes() throws {
        var buffer = CellBuffer(size: Size(width: 4, height: 1))
        buffer.write("ab", x: 0, y: 0, style: Style(foreground: .indexed(196), background: .indexed(21), bold: true))
        buffer.write("cd", x: 2, y: 0, style: Style(dim: true, reverse: true, underline: true))
        let svg = try #require(SVGCollector.parse(buffer.svg()))
        let rects = svg.elements.filter { $0.name == "rect" }.map(\.attributes)
        #expect(rects.count == 3)
        #expect(rects[1] == ["x": "0", "y": "0", "width": "18", "height": "18", "fill": "#0000ff"])
        // Reverse paints the default foreground as the background and the reverse for the text.
        #expect(rects[2]["fill"] == "#d0d0d0" && rects[2]["x"] == "18")
        let texts = svg.elements.filter { $0.name == "text" }.map(\.attributes)
        #expect(texts[0]["fill"] == "#ff0000" && texts[0]["font-weight"] == "bold")
        #expect(texts[1]["fill"] == "#1c1c1c" && texts[1]["fill-opacity"] == "0.6"
            && texts[1]["text-decoration"] == "underline")
    }

    @Test func anEmptyBufferIsStillAPicture() throws {
        let svg = try #require(SVGCollector.parse(CellBuffer(size: Size(width: 0, height: 0)).svg()))
        #expect(svg.elements.map(\.name) == ["svg", "rect"])
    }
}
