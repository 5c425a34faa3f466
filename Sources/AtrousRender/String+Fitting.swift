extension String {
    /// The text cut to `width` characters, ending in `…` when something was cut.
    func truncated(to width: Int) -> String {
        guard width > 0 else { return "" }
        guard count > width else { return self }
        return String(prefix(width - 1)) + "…"
    }

    /// The text padded with spaces on the left to `width` characters (never cut).
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }

    /// The text padded with spaces on the right to `width` characters (never cut).
    func rightPadded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}

extension String {
    /// The text broken into lines of at most `width` characters at spaces; a word longer than
    /// a line is cut into pieces.
    func wrapped(to width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        for word in split(separator: " ") {
            var word = String(word)
            while word.count > width {
                if !line.isEmpty { lines.append(line); line = "" }
                lines.append(String(word.prefix(width)))
                word = String(word.dropFirst(width))
            }
            if line.isEmpty {
                line = word
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}

extension Array where Element == String {
    /// The first text that fits `width` characters (longest first, by the caller's order),
    /// else the last one cut with `…`.
    func firstFitting(width: Int) -> String {
        first { $0.count <= width } ?? (last ?? "").truncated(to: width)
    }
}
