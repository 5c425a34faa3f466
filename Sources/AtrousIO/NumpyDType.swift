/// The element type of a `.npy` file, read from its `descr` string such as `<f4` or `|b1`.
struct NumpyDType: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case float, signed, unsigned, boolean
    }

    let kind: Kind
    /// Bytes per element.
    let size: Int
    let isBigEndian: Bool

    init(kind: Kind, size: Int, isBigEndian: Bool = false) {
        self.kind = kind
        self.size = size
        self.isBigEndian = isBigEndian
    }

    /// Parses a NumPy type string: an optional byte order (`<` little, `>` big, `=` native,
    /// `|` not applicable), a kind (`f`, `i`, `u`, `b`) and a size in bytes.
    /// Returns nil for complex, string, object, datetime or any other type.
    init?(descr: String) {
        var rest = Substring(descr)
        var bigEndian = Self.hostIsBigEndian
        switch rest.first {
        case "<": bigEndian = false; rest.removeFirst()
        case ">": bigEndian = true; rest.removeFirst()
        case "=", "|": rest.removeFirst()
        default: break
        }
        guard let code = rest.first, let size = Int(rest.dropFirst()) else { return nil }
        switch (code, size) {
        case ("f", 2), ("f", 4), ("f", 8): self.init(kind: .float, size: size, isBigEndian: bigEndian)
        case ("i", 1), ("i", 2), ("i", 4), ("i", 8): self.init(kind: .signed, size: size, isBigEndian: bigEndian)
        case ("u", 1), ("u", 2), ("u", 4), ("u", 8): self.init(kind: .unsigned, size: size, isBigEndian: bigEndian)
        case ("b", 1): self.init(kind: .boolean, size: 1, isBigEndian: bigEndian)
        default: return nil
        }
    }

    /// The NumPy name: `float32`, `int16`, `uint8`, `bool`.
    var name: String {
        switch kind {
        case .float: "float\(size * 8)"
        case .signed: "int\(size * 8)"
        case .unsigned: "uint\(size * 8)"
        case .boolean: "bool"
        }
    }

    /// Whether the elements read as `Float`: half and single precision do, so nothing is lost;
    /// everything else reads as `Double`.
    var readsAsFloat: Bool { kind == .float && size <= 4 }

    static var hostIsBigEndian: Bool { 1.bigEndian == 1 }
}
