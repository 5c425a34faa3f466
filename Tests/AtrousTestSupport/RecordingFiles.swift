import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An asciicast v2 file read with Foundation's JSON parser, line by line as the format says.
public struct AsciicastFile {
    /// The first line's object.
    public let header: [String: Any]
    /// Every event after it: seconds from the start, type, data.
    public let events: [(time: Double, type: String, data: String)]

    /// - Throws: ``RecordingFileError`` when a line is not the JSON the format requires.
    public init(_ text: String) throws {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.last == "" else { throw RecordingFileError("The file does not end with a newline.") }
        lines.removeLast()
        guard let first = lines.first,
              let header = try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any] else {
            throw RecordingFileError("The first line is not a JSON object.")
        }
        self.header = header
        events = try lines.dropFirst().map { line in
            guard let array = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any], array.count == 3,
                  let time = (array[0] as? NSNumber)?.doubleValue, let type = array[1] as? String,
                  let data = array[2] as? String else {
                throw RecordingFileError("The event line \(line.prefix(80)) is not [time, type, data].")
            }
            return (time, type, data)
        }
    }

    /// The output events' data, in order.
    public var outputs: [String] { events.filter { $0.type == "o" }.map(\.data) }

    /// The rows of the screen after each output event, as atrous writes them: the first
    /// event opens with plain colours, a hidden cursor and a cleared screen; then each changed
    /// row is `ESC[row;1H ESC[2K` and the row's ANSI text (whose codes never move the cursor).
    /// Rows never written are empty.
    /// - Throws: when an event holds anything else.
    public func screens(height: Int) throws -> [[String]] {
        let rowStart = try! NSRegularExpression(pattern: "\u{1B}\\[([0-9]+);1H\u{1B}\\[2K")
        var rows = Array(repeating: "", count: height)
        var screens: [[String]] = []
        for (number, data) in outputs.enumerated() {
            var text = data
            let opening = "\u{1B}[0m\u{1B}[?25l\u{1B}[2J"
            if number == 0 {
                guard text.hasPrefix(opening) else { throw RecordingFileError("The first event does not clear the screen.") }
                text.removeFirst(opening.count)
            }
            let matches = rowStart.matches(in: text, range: NSRange(text.startIndex..., in: text))
            guard matches.first.map({ $0.range.location == 0 }) ?? text.isEmpty else {
                throw RecordingFileError("An event holds \(text.prefix(40).debugDescription) before its first row.")
            }
            for (index, match) in matches.enumerated() {
                let row = Int(text[Range(match.range(at: 1), in: text)!])!
                guard (1...height).contains(row) else { throw RecordingFileError("An event writes row \(row).") }
                let end = index + 1 < matches.count ? matches[index + 1].range.location : (text as NSString).length
                let content = NSRange(location: match.range.upperBound, length: end - match.range.upperBound)
                rows[row - 1] = String(text[Range(content, in: text)!])
            }
            screens.append(rows)
        }
        return screens
    }
}

/// An animated SVG as atrous writes it, read with Foundation's `XMLParser`: the rows drawn
/// once, the screens that use them, and the keyframes that show one screen at a time.
public final class AnimatedSVGFile: NSObject, XMLParserDelegate {
    /// Each row's texts: its runs' left edges in pixels and characters.
    public private(set) var rows: [String: [(x: Int, text: String)]] = [:]
    /// Each screen (in the strip's order): the rows it uses, with their tops in pixels.
    public private(set) var screens: [[(row: String, y: Int)]] = []
    /// The contents of `<style>`.
    public private(set) var style = ""
    public private(set) var width = 0
    public private(set) var height = 0
    private var currentRow: String?
    private var currentText: (x: Int, text: String)?
    private var inStyle = false

    /// - Throws: ``RecordingFileError`` when the text is not well-formed XML.
    public init(_ text: String) throws {
        super.init()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = self
        guard parser.parse() else {
            throw RecordingFileError("The SVG is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?").")
        }
    }

    /// The keyframes: their percentages and the strip's offsets in pixels (≤ 0).
    public var keyframes: [(percent: Double, offset: Int)] {
        let pattern = try! NSRegularExpression(pattern: #"([0-9.]+)%\{transform:translateX\((-?[0-9]+)px\)\}"#)
        return pattern.matches(in: style, range: NSRange(style.startIndex..., in: style)).map { match in
            let text = { (i: Int) in String(self.style[Range(match.range(at: i), in: self.style)!]) }
            return (Double(text(1))!, Int(text(2))!)
        }
    }

    /// The animation's duration in seconds, or nil for a still picture.
    public var duration: Double? {
        guard let range = style.range(of: #"animation:play ([0-9.]+)s"#, options: .regularExpression) else { return nil }
        return Double(style[range].dropFirst("animation:play ".count).dropLast())
    }

    /// The text of screen `index`, one line per row with trailing blanks removed, as
    /// `atrous render --format text` prints a frame (cell width `cellWidth` pixels).
    public func text(ofScreen index: Int, cellWidth: Int = 9, cellHeight: Int = 18) -> String {
        var lines = Array(repeating: [Character](repeating: " ", count: width / cellWidth), count: height / cellHeight)
        for use in screens[index] {
            for run in rows[use.row] ?? [] {
                for (offset, character) in run.text.enumerated() {
                    lines[use.y / cellHeight][run.x / cellWidth + offset] = character
                }
            }
        }
        return lines.map { String($0).replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression) }
            .joined(separator: "\n")
    }

    public func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
                       qualifiedName: String?, attributes: [String: String] = [:]) {
        switch element {
        case "svg":
            width = Int(attributes["width"] ?? "") ?? 0
            height = Int(attributes["height"] ?? "") ?? 0
        case "style": inStyle = true
        case "g" where attributes["id"]?.hasPrefix("r") == true:
            currentRow = attributes["id"]
            rows[attributes["id"]!] = []
        case "g" where attributes["class"] == "frame": screens.append([])
        case "use":
            let reference = (attributes["xlink:href"] ?? attributes["href"] ?? "").dropFirst()
            screens[screens.count - 1].append((String(reference), Int(attributes["y"] ?? "0") ?? 0))
        case "text": currentText = (Int(attributes["x"] ?? "") ?? 0, "")
        default: break
        }
    }

    public func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inStyle { style += string }
        currentText?.text += string
    }

    public func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?,
                       qualifiedName: String?) {
        switch element {
        case "style": inStyle = false
        case "text":
            if let row = currentRow, let text = currentText { rows[row]?.append(text) }
            currentText = nil
        case "g": currentRow = nil
        default: break
        }
    }
}

/// A recording file that is not what its format says.
public struct RecordingFileError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
