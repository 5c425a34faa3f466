import AtrousCore
import Foundation
import Testing

// Temporary: the receptive-field tests read their fixtures with this minimal float64 .npy
// parser. When AtrousIO's reader and the shared test-support fixtures are available to these
// tests, replace `readFloat64Npy` with AtrousIO's decoder and `rfFixtures` with the shared
// fixture root, and delete this file's copies.

/// The reference cases in `Tests/Fixtures/conformance/rf`.
let rfFixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/conformance/rf")

/// One receptive-field reference case from `cases.json`.
struct RFCase: Decodable, CustomTestStringConvertible, Sendable {
    struct Layer: Decodable, Sendable {
        let k: [Int], r: [Int], s: [Int]
        let p: String
    }

    let name: String
    let inputSize: [Int]
    let layers: [Layer]
    let at: [Int]
    let outputSize: [Int]
    let counts: String
    let nonzeroBbox: [Int]
    let nonzeroCells: Int
    let totalPaths: Double

    var testDescription: String { name }

    /// Every case, in file order.
    static func all() throws -> [RFCase] {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode([RFCase].self, from: Data(contentsOf: rfFixtures.appendingPathComponent("cases.json")))
    }

    /// The layer stack the case describes.
    func stack() throws -> LayerStack {
        let specs = try layers.map { layer -> LayerSpec in
            guard let padding = Padding(parsing: layer.p) else { throw FixtureError.malformed(layer.p) }
            return LayerSpec(kernelSize: Pair(layer.k[0], layer.k[1]), rate: Pair(layer.r[0], layer.r[1]),
                             stride: Pair(layer.s[0], layer.s[1]), padding: padding)
        }
        return try LayerStack(inputSize: Pair(inputSize[0], inputSize[1]), specs: specs)
    }

    /// The expected path counts and their shape.
    func expectedCounts() throws -> (shape: [Int], values: [Double]) {
        try readFloat64Npy(Data(contentsOf: rfFixtures.appendingPathComponent(counts)))
    }
}

enum FixtureError: Error {
    case malformed(String)
}

/// Reads a little-endian float64, C-order `.npy` (format 1.x or 2.x).
func readFloat64Npy(_ data: Data) throws -> (shape: [Int], values: [Double]) {
    let bytes = [UInt8](data)
    guard bytes.count > 10, bytes[0] == 0x93, bytes[1...5].elementsEqual("NUMPY".utf8) else {
        throw FixtureError.malformed("not an .npy file")
    }
    let major = bytes[6]
    let lengthBytes = major == 1 ? 2 : 4
    let length = bytes[8..<(8 + lengthBytes)].reversed().reduce(0) { $0 << 8 | Int($1) }
    let start = 8 + lengthBytes
    let header = String(decoding: bytes[start..<(start + length)], as: UTF8.self)
    guard header.contains("'<f8'"), header.contains("'fortran_order': False"),
          let open = header.range(of: "'shape': ("),
          let close = header[open.upperBound...].firstIndex(of: ")") else {
        throw FixtureError.malformed(header)
    }
    let shape = header[open.upperBound..<close].split(separator: ",").compactMap {
        Int($0.trimmingCharacters(in: .whitespaces))
    }
    let payload = bytes[(start + length)...]
    let count = shape.reduce(1, *)
    guard payload.count == count * 8 else { throw FixtureError.malformed("payload of \(payload.count) bytes") }
    let values = (0..<count).map { index -> Double in
        let offset = payload.startIndex + index * 8
        let bits = payload[offset..<(offset + 8)].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return Double(bitPattern: bits)
    }
    return (shape, values)
}
