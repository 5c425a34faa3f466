/// An exact rational number, for the jump of a node after upsampling (half a cell, a third).
public struct Fraction: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let numerator: Int
    /// Always positive; the fraction is kept in lowest terms.
    public let denominator: Int

    public init(_ numerator: Int, _ denominator: Int = 1) {
        precondition(denominator != 0, "a fraction needs a non-zero denominator")
        let sign = denominator < 0 ? -1 : 1
        let divisor = max(greatestCommonDivisor(abs(numerator), abs(denominator)), 1)
        self.numerator = sign * numerator / divisor
        self.denominator = sign * denominator / divisor
    }

    public var isInteger: Bool { denominator == 1 }
    public var doubleValue: Double { Double(numerator) / Double(denominator) }
    /// `3` or `1/2`.
    public var description: String { isInteger ? "\(numerator)" : "\(numerator)/\(denominator)" }

    public static func + (a: Fraction, b: Fraction) -> Fraction {
        Fraction(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }
    public static func - (a: Fraction, b: Fraction) -> Fraction { a + Fraction(-b.numerator, b.denominator) }
    public static func * (a: Fraction, b: Fraction) -> Fraction {
        Fraction(a.numerator * b.numerator, a.denominator * b.denominator)
    }
    public static func / (a: Fraction, b: Int) -> Fraction { Fraction(a.numerator, a.denominator * b) }
    public static func < (a: Fraction, b: Fraction) -> Bool {
        a.numerator * b.denominator < b.numerator * a.denominator
    }
}
