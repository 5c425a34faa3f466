/// Hand-made `.npy` bytes, so reading tests need no NumPy.
enum CraftedNumpy {
    /// A file with `header` as its dict text, padded to 64 bytes as NumPy pads it, then `data`.
    static func bytes(header: String, data: [UInt8] = [], version: UInt8 = 1, pad: Bool = true) -> [UInt8] {
        var text = Array(header.utf8)
        let lengthBytes = version == 1 ? 2 : 4
        if pad {
            while (10 + (lengthBytes - 2) + text.count + 1) % 64 != 0 { text.append(0x20) }
            text.append(0x0A)
        }
        var bytes: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, version, 0]
        bytes += (0..<lengthBytes).map { UInt8(truncatingIfNeeded: text.count >> (8 * $0)) }
        return bytes + text + data
    }

    /// The standard header dict for `descr` and a shape text such as `(2, 3)`.
    static func header(_ descr: String, shape: String, fortran: Bool = false) -> String {
        "{'descr': '\(descr)', 'fortran_order': \(fortran ? "True" : "False"), 'shape': \(shape), }"
    }

    /// The bytes of `values` in little- or big-endian order.
    static func data<T: FixedWidthInteger>(_ values: [T], bigEndian: Bool = false) -> [UInt8] {
        values.flatMap { value -> [UInt8] in
            let little = (0..<MemoryLayout<T>.size).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
            return bigEndian ? little.reversed() : little
        }
    }

    static func data(_ values: [Float], bigEndian: Bool = false) -> [UInt8] {
        data(values.map(\.bitPattern), bigEndian: bigEndian)
    }

    static func data(_ values: [Double], bigEndian: Bool = false) -> [UInt8] {
        data(values.map(\.bitPattern), bigEndian: bigEndian)
    }
}
