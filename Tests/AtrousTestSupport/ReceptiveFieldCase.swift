import Foundation

/// One receptive-field case of `conformance/rf/cases.json`.
public struct ReceptiveFieldCase: Decodable, Sendable, CustomStringConvertible {
    public struct Layer: Decodable, Sendable {
        public let k: [Int], r: [Int], s: [Int]
        public let p: String
    }

    public let name: String
    public let inputSize: [Int]
    public let layers: [Layer]
    public let at: [Int]
    public let outputSize: [Int]
    /// The reference path-count map, relative to the `rf` directory.
    public let counts: String
    public let nonzeroBbox: [Int]
    public let nonzeroCells: Int
    public let totalPaths: Double

    public var description: String { name }

    /// Every case, in file order.
    public static func all() throws -> [ReceptiveFieldCase] {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let data = try Data(contentsOf: Fixtures.receptiveFieldCases.appendingPathComponent("cases.json"))
        return try decoder.decode([ReceptiveFieldCase].self, from: data)
    }

    /// The absolute path of the reference path-count map.
    public var countsPath: String { Fixtures.receptiveFieldCases.appendingPathComponent(counts).path }

    /// The `rf` arguments for this case, writing the counts to `output`.
    public func rfArguments(counts output: String) -> [String] {
        func pair(_ values: [Int]) -> String { "\(values[0])x\(values[1])" }
        var arguments = ["rf", "--input-size", pair(inputSize), "--at", "\(at[0]),\(at[1])", "--counts", output]
        for layer in layers {
            arguments += ["--layer", "k=\(pair(layer.k)),r=\(pair(layer.r)),s=\(pair(layer.s)),p=\(layer.p)"]
        }
        return arguments
    }
}
