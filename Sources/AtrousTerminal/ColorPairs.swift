import AtrousScreen

/// Allocates ncurses colour pairs on demand, one per (foreground, background) in use.
///
/// Pairs are numbered from 1 in the order styles first appear and cached; pair 0 is the
/// terminal's own colours. When the terminal runs out of pairs, further combinations fall
/// back to pair 0 and keep their attributes. Pure: the screen defines each new pair it is told
/// about with `init_pair`.
struct ColorPairs {
    /// Terminal colour numbers of one pair; -1 is the terminal's own colour.
    struct Colors: Hashable, Sendable {
        var foreground: Int16
        var background: Int16
    }

    /// How to draw one style: the attributes, the pair number, and the pair to define first
    /// when it is new.
    struct Resolved: Equatable, Sendable {
        var attributes: TextAttributes
        var pair: Int16
        var newPair: Colors?
    }

    let support: ColorSupport
    private var numbers: [Colors: Int16] = [:]
    private var nextNumber: Int = 1

    init(support: ColorSupport) { self.support = support }

    /// The number of pairs handed out so far.
    var allocatedCount: Int { numbers.count }

    /// How to draw `style`, allocating a pair the first time its colours appear.
    mutating func resolve(_ style: Style) -> Resolved {
        let attributes = TextAttributes(style)
        guard case let .palette(colors, pairs, defaultColors) = support else {
            return Resolved(attributes: attributes, pair: 0, newPair: nil)
        }
        let wanted = Colors(
            foreground: ColorReduction.number(for: style.foreground, colors: colors, defaultColors: defaultColors,
                                              role: .foreground),
            background: ColorReduction.number(for: style.background, colors: colors, defaultColors: defaultColors,
                                              role: .background))
        if wanted == ColorReduction.pairZero(defaultColors: defaultColors) {
            return Resolved(attributes: attributes, pair: 0, newPair: nil)
        }
        if let number = numbers[wanted] { return Resolved(attributes: attributes, pair: number, newPair: nil) }
        guard nextNumber < pairs else { return Resolved(attributes: attributes, pair: 0, newPair: nil) }
        let number = Int16(nextNumber)
        nextNumber += 1
        numbers[wanted] = number
        return Resolved(attributes: attributes, pair: number, newPair: wanted)
    }
}
