/// The character that names a kernel tap everywhere on screen: in the input grid, beside the
/// weights, and in the footprint.
///
/// Taps are lettered in reading order, `a`–`z` then `A`–`Z`; letters, unlike digits, never
/// merge with the value written beside them. Kernels with more than 52 taps share `*`.
public enum TapLabel {
    /// The label of tap (`row`, `column`) of a kernel `kernelWidth` taps wide.
    public static func character(row: Int, column: Int, kernelWidth: Int) -> Character {
        character(index: row * kernelWidth + column)
    }

    /// The label of the tap at reading-order `index` (0 = top left).
    public static func character(index: Int) -> Character {
        let lower = Array("abcdefghijklmnopqrstuvwxyz"), upper = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        switch index {
        case 0..<26: return lower[index]
        case 26..<52: return upper[index - 26]
        default: return "*"
        }
    }
}
