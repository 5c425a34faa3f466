/// The name of a kernel tap everywhere on screen: in the input grid, beside the weights, in
/// the footprint, the computation line and the sum table.
///
/// Taps are named in reading order, `a`–`z` then `A`–`Z`, then two letters (`aa`, `ab`, …,
/// `ZZ`), so every tap of the largest kernel keeps a name of its own. In a grid a name always
/// has a blank on both sides (``cellText(label:labelWidth:value:)``), so it never touches a
/// digit and a text export stays unambiguous: `0.435 e 0.443`, never `0.435e0.443`.
public enum TapLabel {
    private static let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")

    /// The name of tap (`row`, `column`) of a kernel `kernelWidth` taps wide.
    public static func label(row: Int, column: Int, kernelWidth: Int) -> String {
        label(index: row * kernelWidth + column)
    }

    /// The name of the tap at reading-order `index` (0 = top left).
    public static func label(index: Int) -> String {
        let count = letters.count
        if index < count { return String(letters[max(0, index)]) }
        let rest = index - count
        return String(letters[(rest / count) % count]) + String(letters[rest % count])
    }

    /// How many characters the longest name of a kernel with `tapCount` taps takes.
    public static func width(tapCount: Int) -> Int {
        tapCount > letters.count ? 2 : 1
    }

    /// Screen columns a grid cell takes beyond its value: a blank, the name, a blank.
    public static func cellOverhead(labelWidth: Int) -> Int { labelWidth + 2 }

    /// A grid cell: a blank, the name (or blanks), a blank, then the value, so a name is
    /// set off from its own value and from the neighbour's.
    public static func cellText(label: String?, labelWidth: Int, value: String) -> String {
        " " + (label ?? "").rightPadded(to: labelWidth) + " " + value
    }
}
