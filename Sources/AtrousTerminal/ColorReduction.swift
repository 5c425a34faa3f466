import AtrousScreen

/// Maps the renderer's colours onto the colours a terminal has.
///
/// 256-colour indices follow the xterm palette; on a 16- or 8-colour terminal they become the
/// nearest classic colour, so a heat map stays a heat map instead of turning blank.
enum ColorReduction {
    enum Role { case foreground, background }

    /// The terminal colour number for `color` on a terminal with `colors` colours.
    ///
    /// Without default colours, the terminal's own colours are taken to be white on black,
    /// which is what ncurses pair 0 shows.
    static func number(for color: Color, colors: Int, defaultColors: Bool, role: Role) -> Int16 {
        switch color {
        case .default:
            if defaultColors { return -1 }
            return role == .foreground ? 7 : 0
        case let .indexed(index):
            if Int(index) < colors { return Int16(index) }
            if colors >= 16 { return Int16(nearest(to: index, among: 16)) }
            if index < 16 { return Int16(index - 8) }
            return Int16(nearest(to: index, among: 8))
        }
    }

    /// The colours of pair 0, which needs no allocation.
    static func pairZero(defaultColors: Bool) -> ColorPairs.Colors {
        defaultColors ? .init(foreground: -1, background: -1) : .init(foreground: 7, background: 0)
    }

    /// The xterm red, green and blue of a palette index.
    static func rgb(_ index: UInt8) -> (r: Int, g: Int, b: Int) {
        switch index {
        case 0..<16:
            return classic[Int(index)]
        case 16..<232:
            let cube = Int(index) - 16
            let level = { (step: Int) in step == 0 ? 0 : 55 + 40 * step }
            return (level(cube / 36), level(cube / 6 % 6), level(cube % 6))
        default:
            let gray = 8 + 10 * (Int(index) - 232)
            return (gray, gray, gray)
        }
    }

    /// The index below `count` whose colour is closest to that of `index`.
    static func nearest(to index: UInt8, among count: Int) -> Int {
        let target = rgb(index)
        func distance(_ candidate: Int) -> Int {
            let c = classic[candidate]
            let (dr, dg, db) = (c.r - target.r, c.g - target.g, c.b - target.b)
            return dr * dr + dg * dg + db * db
        }
        return (0..<count).min { distance($0) < distance($1) } ?? 0
    }

    /// xterm's default classic sixteen.
    private static let classic: [(r: Int, g: Int, b: Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
        (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
        (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
}
