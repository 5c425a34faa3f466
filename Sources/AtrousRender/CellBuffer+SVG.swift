/// The buffer as a standalone SVG picture: a monospace grid in the same colours, for slides.
extension CellBuffer {
    /// Sizes and default colours of the picture.
    public struct SVGOptions: Sendable, Hashable {
        /// Pixels per cell; 9 by 18 matches a 15-pixel monospace font.
        public var cellWidth: Int
        public var cellHeight: Int
        public var fontSize: Int
        /// The terminal's own colours, for cells that use the default.
        public var background: String
        public var foreground: String

        public init(cellWidth: Int = 9, cellHeight: Int = 18, fontSize: Int = 15,
                    background: String = "#1c1c1c", foreground: String = "#d0d0d0") {
            self.cellWidth = cellWidth
            self.cellHeight = cellHeight
            self.fontSize = fontSize
            self.background = background
            self.foreground = foreground
        }
    }

    /// An SVG document: one `<rect>` per run of a non-default background and one `<text>` per
    /// run of same-styled characters, each run stretched to its cells so columns line up in
    /// any monospace font. Reverse swaps the colours, dim lowers the text's opacity.
    public func svg(_ options: SVGOptions = SVGOptions()) -> String {
        let (cw, ch) = (options.cellWidth, options.cellHeight)
        let width = size.width * cw, height = size.height * ch
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" \
        viewBox="0 0 \(width) \(height)" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" \
        font-size="\(options.fontSize)">
        <rect width="\(width)" height="\(height)" fill="\(options.background)"/>

        """
        var texts = ""
        for y in 0..<size.height {
            for run in paintedRuns(row: y, options: options) {
                if let background = run.background {
                    out += "<rect x=\"\(run.x)\" y=\"\(y * ch)\" width=\"\(run.width)\" height=\"\(ch)\" fill=\"\(background)\"/>\n"
                }
                guard let text = run.text else { continue }
                var attributes = "x=\"\(run.x)\" y=\"\(y * ch + run.baseline)\" textLength=\"\(run.width)\" "
                    + "lengthAdjust=\"spacingAndGlyphs\" fill=\"\(run.foreground)\""
                if run.style.bold { attributes += " font-weight=\"bold\"" }
                if run.style.dim { attributes += " fill-opacity=\"0.6\"" }
                if run.style.underline { attributes += " text-decoration=\"underline\"" }
                texts += "<text \(attributes) xml:space=\"preserve\">\(XML.escaped(text))</text>\n"
            }
        }
        return out + texts + "</svg>\n"
    }

    /// One run of a row as a picture draws it: a background where it differs from the
    /// terminal's, and text where there is something to see.
    struct PaintedRun {
        /// Left edge and width in pixels.
        var x: Int
        var width: Int
        /// The fill behind the run, or nil for the terminal's own background.
        var background: String?
        /// The characters, or nil when the run is blank and not underlined.
        var text: String?
        /// The text's colour after reverse is applied.
        var foreground: String
        var style: Style
        /// The text's baseline below the row's top, in pixels.
        var baseline: Int
    }

    /// The runs of row `y` with their colours resolved: the one reading of styles that the
    /// still picture and the animation share.
    func paintedRuns(row y: Int, options: SVGOptions) -> [PaintedRun] {
        runs(row: y).map { run in
            let style = run.style
            var foreground = style.foreground.hex(default: options.foreground)
            var background = style.background.hex(default: options.background)
            if style.reverse { swap(&foreground, &background) }
            let visible = run.text.contains(where: { $0 != " " }) || style.underline
            return PaintedRun(x: run.start * options.cellWidth, width: run.text.count * options.cellWidth,
                              background: background == options.background ? nil : background,
                              text: visible ? run.text : nil, foreground: foreground, style: style,
                              baseline: options.cellHeight * 4 / 5)
        }
    }

    /// Runs of same-styled cells in row `y`, trailing plain blanks left out.
    func runs(row y: Int) -> [(start: Int, text: String, style: Style)] {
        var runs: [(start: Int, text: String, style: Style)] = []
        for x in 0..<size.width {
            let cell = cells[y * size.width + x]
            if let last = runs.last, last.style == cell.style {
                runs[runs.count - 1].text.append(cell.character)
            } else {
                runs.append((x, String(cell.character), cell.style))
            }
        }
        return runs.filter { !($0.style == .plain && $0.text.allSatisfy { $0 == " " }) }
    }
}

/// Escaping for XML text and attribute values.
enum XML {
    /// `text` with `&`, `<`, `>`, quotes escaped and characters XML 1.0 forbids (most control
    /// characters) replaced by U+FFFD.
    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
