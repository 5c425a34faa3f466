/// A recording as one animated SVG picture: plays in a browser and in a README, loops, and
/// needs no script (GitHub strips scripts from pictures).
extension Recording {
    /// An SVG document that shows one frame at a time with the recording's timing, looping.
    ///
    /// Every distinct row is drawn once, in `<defs>` (a blank row not at all); every distinct
    /// screen is a group of `<use>` references to its rows, and the groups stand side by side in one strip. A CSS
    /// animation moves the strip by one screen width at each frame's time (`step-end`, so each
    /// screen holds until the next), one keyframe per frame; the picture's own edges crop the
    /// strip to one screen. Text and background colours are shared classes. A recording of
    /// one distinct screen, or of no time, is a still picture.
    ///
    /// - Complexity: O(distinct rows × columns + frames × rows); the document grows with the
    ///   distinct rows, and by one short line per row per distinct screen.
    public func animatedSVG(_ options: CellBuffer.SVGOptions = CellBuffer.SVGOptions()) -> String {
        let (cw, ch) = (options.cellWidth, options.cellHeight)
        let width = size.width * cw, height = size.height * ch
        var screens = DistinctIndex<[Int]>()
        let screenOfFrame = frames.map { screens.index(of: $0.rows) }
        var classes = StyleClasses()
        var definitions = ""
        for (id, cells) in rows.enumerated() where !cells.allSatisfy({ $0 == .blank }) {
            let row = CellBuffer(row: cells)
            var rects = "", texts = ""
            for run in row.paintedRuns(row: 0, options: options) {
                if let background = run.background {
                    rects += "<rect x=\"\(run.x)\" width=\"\(run.width)\" height=\"\(ch)\" class=\"\(classes.background(background))\"/>"
                }
                guard let text = run.text else { continue }
                texts += "<text x=\"\(run.x)\" y=\"\(run.baseline)\" textLength=\"\(run.width)\" "
                    + "class=\"\(classes.text(run))\">\(XML.escaped(text))</text>"
            }
            // Each row keeps its blanks itself: a `<use>` copies the row, not the root's attributes.
            definitions += "<g id=\"r\(id)\" xml:space=\"preserve\">" + rects + texts + "</g>\n"
        }
        var strip = ""
        for (slot, rowIDs) in screens.values.enumerated() {
            strip += "<g class=\"frame\" transform=\"translate(\(slot * width) 0)\">"
            for (y, id) in rowIDs.enumerated() where !rows[id].allSatisfy({ $0 == .blank }) {
                strip += "<use xlink:href=\"#r\(id)\"" + (y == 0 ? "" : " y=\"\(y * ch)\"") + "/>"
            }
            strip += "</g>\n"
        }
        let animates = screens.values.count > 1 && duration > 0
        var style = animates ? animation(screenOfFrame: screenOfFrame, width: width) : ""
        style += "text{white-space:pre}\n" + classes.rules
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" \
        width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" \
        font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="\(options.fontSize)" \
        xml:space="preserve">
        <style>
        \(style)</style>
        <rect width="\(width)" height="\(height)" fill="\(options.background)"/>
        <defs>
        \(definitions)</defs>
        <g id="frames">
        \(strip)</g>
        </svg>

        """
    }

    /// The strip's keyframes: one per frame, at its share of the duration, moving the strip
    /// to the frame's screen.
    private func animation(screenOfFrame: [Int], width: Int) -> String {
        var keyframes = ""
        for (frame, slot) in zip(frames, screenOfFrame) {
            keyframes += "\(Self.percent(frame.milliseconds, of: duration))%{transform:translateX(\(-slot * width)px)}\n"
        }
        keyframes += "100%{transform:translateX(\(-(screenOfFrame.last ?? 0) * width)px)}\n"
        return "#frames{animation:play \(Self.seconds(duration))s step-end infinite}\n@keyframes play{\n"
            + keyframes + "}\n"
    }

    /// `part` as a percentage of `whole`, to four decimals with trailing zeros dropped: a
    /// hundredth of a millisecond of a minute-long recording.
    static func percent(_ part: Int, of whole: Int) -> String {
        decimal(part * 1_000_000 / max(whole, 1), places: 4)
    }

    /// Milliseconds as seconds, `1.25`.
    public static func seconds(_ milliseconds: Int) -> String {
        decimal(milliseconds, places: 3)
    }

    /// `value / 10^places` written exactly, without trailing zeros.
    static func decimal(_ value: Int, places: Int) -> String {
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        var fraction = String(value % scale)
        fraction = String(repeating: "0", count: places - fraction.count) + fraction
        while fraction.last == "0" { fraction.removeLast() }
        return String(value / scale) + (fraction.isEmpty ? "" : "." + fraction)
    }
}

/// Numbers for distinct values, in order of first appearance.
private struct DistinctIndex<Value: Hashable> {
    private(set) var values: [Value] = []
    private var numbers: [Value: Int] = [:]

    mutating func index(of value: Value) -> Int {
        if let number = numbers[value] { return number }
        numbers[value] = values.count
        values.append(value)
        return values.count - 1
    }
}

/// The CSS classes of the animation's text and background colours, each written once.
private struct StyleClasses {
    private var texts = DistinctIndex<String>()
    private var backgrounds = DistinctIndex<String>()

    /// The class of a run's text: its colour, weight, opacity and decoration.
    mutating func text(_ run: CellBuffer.PaintedRun) -> String {
        var rule = "fill:\(run.foreground)"
        if run.style.bold { rule += ";font-weight:bold" }
        if run.style.dim { rule += ";fill-opacity:0.6" }
        if run.style.underline { rule += ";text-decoration:underline" }
        return "t\(texts.index(of: rule))"
    }

    mutating func background(_ color: String) -> String {
        "b\(backgrounds.index(of: "fill:\(color)"))"
    }

    var rules: String {
        texts.values.enumerated().map { ".t\($0){\($1)}\n" }.joined()
            + backgrounds.values.enumerated().map { ".b\($0){\($1)}\n" }.joined()
    }
}
