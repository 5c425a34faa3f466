/// An exact rational number, for the jump of a node after upsampling (half a cell, a third).
/// Arithmetic that leaves `Int` gives an overflowed fraction rather than a trap, so a file with
/// absurd strides is refused in a sentence (see ``ModelFieldNumbers``).
public struct Fraction: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let numerator: Int
    /// Always positive; the fraction is kept in lowest terms.
    public let denominator: Int
    /// Whether some step of the arithmetic that made it left `Int`; its value is then meaningless.
    public let overflowed: Bool

    public init(_ numerator: Int, _ denominator: Int = 1) {
        self.init(numerator, denominator, overflowed: false)
    }

    private init(_ numerator: Int, _ denominator: Int, overflowed: Bool) {
        precondition(denominator != 0, "a fraction needs a non-zero denominator")
        guard !overflowed, numerator != .min, denominator != .min else {
            (self.numerator, self.denominator, self.overflowed) = (0, 1, true)
            return
        }
        let sign = denominator < 0 ? -1 : 1
        let divisor = max(greatestCommonDivisor(abs(numerator), abs(denominator)), 1)
        self.numerator = sign * numerator / divisor
        self.denominator = sign * denominator / divisor
        self.overflowed = false
    }

    public var isInteger: Bool { denominator == 1 }
    public var doubleValue: Double { Double(numerator) / Double(denominator) }
    /// `3` or `1/2`.
    public var description: String { isInteger ? "\(numerator)" : "\(numerator)/\(denominator)" }

    public static func + (a: Fraction, b: Fraction) -> Fraction {
        let (x, o1) = a.numerator.multipliedReportingOverflow(by: b.denominator)
        let (y, o2) = b.numerator.multipliedReportingOverflow(by: a.denominator)
        let (sum, o3) = x.addingReportingOverflow(y)
        let (denominator, o4) = a.denominator.multipliedReportingOverflow(by: b.denominator)
        return Fraction(sum, o4 ? 1 : denominator, overflowed: a.overflowed || b.overflowed || o1 || o2 || o3 || o4)
    }

    public static func - (a: Fraction, b: Fraction) -> Fraction {
        a + Fraction(b.numerator == .min ? 0 : -b.numerator, b.denominator, overflowed: b.overflowed || b.numerator == .min)
    }

    public static func * (a: Fraction, b: Fraction) -> Fraction {
        let (numerator, o1) = a.numerator.multipliedReportingOverflow(by: b.numerator)
        let (denominator, o2) = a.denominator.multipliedReportingOverflow(by: b.denominator)
        return Fraction(numerator, o2 ? 1 : denominator, overflowed: a.overflowed || b.overflowed || o1 || o2)
    }

    public static func / (a: Fraction, b: Int) -> Fraction {
        let (denominator, overflow) = a.denominator.multipliedReportingOverflow(by: b)
        return Fraction(a.numerator, overflow || denominator == 0 ? 1 : denominator,
                        overflowed: a.overflowed || overflow || denominator == 0)
    }

    public static func < (a: Fraction, b: Fraction) -> Bool {
        a.numerator.multipliedReportingOverflow(by: b.denominator).partialValue
            < b.numerator.multipliedReportingOverflow(by: a.denominator).partialValue
    }
}
