/// The red, green and blue components (0–255) of the xterm 256-colour palette, which SVG
/// output and contrast decisions need.
extension Color {
    /// The colour's components, or `fallback` for the terminal's own colour.
    public func rgb(default fallback: (red: UInt8, green: UInt8, blue: UInt8)) -> (red: UInt8, green: UInt8, blue: UInt8) {
        guard case let .indexed(index) = self else { return fallback }
        return Self.xtermRGB(index)
    }

    /// The relative luminance (0 black … 1 white) of an indexed colour; 0.5 for the default.
    public var luminance: Double {
        guard case let .indexed(index) = self else { return 0.5 }
        let (r, g, b) = Self.xtermRGB(index)
        return (0.2126 * Double(r) + 0.7152 * Double(g) + 0.0722 * Double(b)) / 255
    }

    /// `#rrggbb` for an indexed colour, or `fallback` for the default one.
    public func hex(default fallback: String) -> String {
        guard case let .indexed(index) = self else { return fallback }
        let (r, g, b) = Self.xtermRGB(index)
        return "#" + [r, g, b].map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
        }.joined()
    }

    /// xterm's values: 16 system colours, a 6×6×6 cube, then 24 greys.
    static func xtermRGB(_ index: UInt8) -> (red: UInt8, green: UInt8, blue: UInt8) {
        let system: [(UInt8, UInt8, UInt8)] = [
            (0, 0, 0), (128, 0, 0), (0, 128, 0), (128, 128, 0), (0, 0, 128), (128, 0, 128), (0, 128, 128),
            (192, 192, 192), (128, 128, 128), (255, 0, 0), (0, 255, 0), (255, 255, 0), (0, 0, 255),
            (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        switch index {
        case 0..<16:
            return system[Int(index)]
        case 16..<232:
            let levels: [UInt8] = [0, 95, 135, 175, 215, 255]
            let i = Int(index) - 16
            return (levels[i / 36], levels[(i / 6) % 6], levels[i % 6])
        default:
            let grey = UInt8(8 + 10 * (Int(index) - 232))
            return (grey, grey, grey)
        }
    }
}
