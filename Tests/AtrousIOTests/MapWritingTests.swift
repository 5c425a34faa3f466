import AtrousCore
import AtrousIO
import AtrousTestSupport
import Foundation
import Testing

@Suite("Writing CSV and JSON maps")
struct MapWritingTests {
    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test("a rank-2 map writes H rows of W shortest round-trip numbers")
    func csvRank2() throws {
        let tensor = Tensor<Float>(shape: [2, 3], scalars: [0.1, -2, 1e-5, 3.25, 100_000_000, .infinity])
        #expect(try Self.text(CSVMaps.encode(tensor)) == "0.1,-2.0,1e-05\n3.25,1e+08,inf\n")
    }

    @Test("a rank-2 CSV reads back exactly")
    func csvRoundTrip() throws {
        let tensor = Tensor<Double>(shape: [3, 4]) { i in Double(i[0]) / 3 - Double(i[1]) * 1e-9 }
        #expect(try CSVTable.decode(CSVMaps.encode(tensor), path: "t.csv") == tensor)
    }

    @Test("batches and channels write one commented block per map")
    func csvBlocks() throws {
        let tensor = Tensor<Double>(shape: [2, 1, 2, 2]) { i in Double(i[0] * 100 + i[2] * 10 + i[3]) }
        #expect(try Self.text(CSVMaps.encode(tensor)) == """
            # batch 0, channel 0
            0.0,10.0

            # batch 0, channel 1
            1.0,11.0

            # batch 1, channel 0
            100.0,110.0

            # batch 1, channel 1
            101.0,111.0

            """)
    }

    @Test("JSON holds the shape, dtype and every map")
    func json() throws {
        let tensor = Tensor<Float>(shape: [1, 2, 2, 2]) { i in Float(i[1] * 10 + i[2]) + Float(i[3]) / 2 }
        let bytes = try JSONMaps.encode(tensor)
        #expect(Self.text(bytes) == """
            {"shape": [1, 2, 2, 2], "dtype": "float32", "maps": [
              {"batch": 0, "channel": 0, "values": [
                [0.0, 1.0],
                [10.0, 11.0]]},
              {"batch": 0, "channel": 1, "values": [
                [0.5, 1.5],
                [10.5, 11.5]]}
            ]}

            """)
        let object = try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(object["shape"] as? [Int] == [1, 2, 2, 2])
        #expect(object["dtype"] as? String == "float32")
    }

    @Test("rank-2 JSON is one map at batch 0, channel 0, and parses back to the same values")
    func jsonRank2() throws {
        let tensor = Tensor<Double>(shape: [2, 3]) { i in Double(i[0]) - Double(i[1]) / 7 }
        let bytes = try JSONMaps.encode(tensor)
        let object = try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let maps = try #require(object["maps"] as? [[String: Any]])
        #expect(maps.count == 1)
        #expect(maps[0]["batch"] as? Int == 0 && maps[0]["channel"] as? Int == 0)
        let values = try #require(maps[0]["values"] as? [[Double]])
        // Some Foundation parsers round the last bit, so exactness is checked on the text.
        #expect(zip(values.flatMap { $0 }, tensor.scalars).allSatisfy { abs($0 - $1) <= 1e-15 })
        #expect(Self.text(bytes).contains("[1.0, 0.8571428571428572, 0.7142857142857143]"))
        #expect(object["dtype"] as? String == "float64")
    }

    @Test("JSON refuses a non-finite value, naming it and its index", arguments: [Float.nan, .infinity, -.infinity])
    func jsonNonFinite(value: Float) {
        let tensor = Tensor<Float>(shape: [2, 2, 1], scalars: [0, 1, 2, value])
        #expect(throws: IOError.nonFiniteJSON(path: nil, value: "\(value)", index: [1, 1, 0])) {
            try JSONMaps.encode(tensor)
        }
    }

    @Test("CSV and JSON stop at rank 4", arguments: [ArrayFormat.csv, .json])
    func rankFive(format: ArrayFormat) {
        #expect(throws: IOError.unsupportedRank(format: format.rawValue.uppercased(), shape: [1, 1, 1, 1, 1])) {
            try format.encode(Tensor<Float>(shape: [1, 1, 1, 1, 1], repeating: 0))
        }
    }

    @Test("numpy.loadtxt reads a rank-2 CSV", .enabled(if: Python.hasNumpy))
    func loadtxt() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let tensor = Tensor<Double>(shape: [3, 2]) { i in Double(i[0] * 2 + i[1]) / 3 }
        try directory.write(CSVMaps.encode(tensor), to: "m.csv")
        let result = try Python.run("import sys, numpy as np; a = np.loadtxt(sys.argv[1], delimiter=','); print(a.shape, repr(a.ravel().tolist()))",
                                    arguments: [directory.path("m.csv")])
        #expect(result.output == "(3, 2) [" + tensor.scalars.map { "\($0)" }.joined(separator: ", ") + "]\n")
    }
}
