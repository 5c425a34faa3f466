/// A value per spatial axis: kernel size, rate, stride or input size, height first.
public struct Pair: Sendable, Hashable, Codable, CustomStringConvertible {
    public var height: Int
    public var width: Int

    public init(_ height: Int, _ width: Int) {
        self.height = height
        self.width = width
    }

    /// The same value on both axes.
    public init(square value: Int) { self.init(value, value) }

    public subscript(axis: Axis) -> Int {
        get { axis == .height ? height : width }
        set { if axis == .height { height = newValue } else { width = newValue } }
    }

    /// Whether both axes hold the same value.
    public var isSquare: Bool { height == width }

    /// `3` for a square pair, else `3x5` (height x width).
    public var description: String { isSquare ? "\(height)" : "\(height)x\(width)" }

    /// Parses `3`, `3x5` or `3,5` (height first). Returns nil for anything else.
    public init?(parsing text: String) {
        let parts = text.split(omittingEmptySubsequences: false,
                               whereSeparator: { $0 == "x" || $0 == "X" || $0 == "," })
        let numbers = parts.map { Int($0.trimmingSpaces()) }
        switch numbers.count {
        case 1: guard let v = numbers[0] else { return nil }; self.init(square: v)
        case 2: guard let h = numbers[0], let w = numbers[1] else { return nil }; self.init(h, w)
        default: return nil
        }
    }
}

/// One of the two spatial axes of an NHWC map.
public enum Axis: String, Sendable, CaseIterable, Codable {
    case height, width

    /// The sides of the map that padding on this axis lies on.
    public var sides: (before: PaddingSide, after: PaddingSide) {
        self == .height ? (.top, .bottom) : (.left, .right)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces; the core has no Foundation.
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
