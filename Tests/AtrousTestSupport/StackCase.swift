import Foundation

/// One stack of computed layers from `conformance/stack/cases.json`.
public struct StackCase: Decodable, Sendable, CustomStringConvertible {
    /// One layer; paths are relative to the `stack` directory.
    public struct Layer: Decodable, Sendable {
        public let w: String
        public let b: String?
        public let rate: [Int]
        public let stride: [Int]
        /// `same`, `valid` or `T,B,L,R`, as the notation takes it.
        public let padding: String
        public let fill: String
        public let activation: String
        /// This layer's reference output; absent in a case that must be refused.
        public let output: String?

        enum CodingKeys: String, CodingKey { case w, b, rate, stride, padding, fill, activation, output }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            w = try container.decode(String.self, forKey: .w)
            b = try container.decodeIfPresent(String.self, forKey: .b)
            rate = try container.decode([Int].self, forKey: .rate)
            stride = try container.decode([Int].self, forKey: .stride)
            fill = try container.decode(String.self, forKey: .fill)
            activation = try container.decode(String.self, forKey: .activation)
            output = try container.decodeIfPresent(String.self, forKey: .output)
            if let counts = try? container.decode([Int].self, forKey: .padding) {
                padding = counts.map(String.init).joined(separator: ",")
            } else {
                padding = try container.decode(String.self, forKey: .padding)
            }
        }

        /// The layer in the `--layer` notation of `compute`, its files given by absolute path.
        public var notation: String {
            "w=\(StackCase.path(w))" + (b.map { ",b=\(StackCase.path($0))" } ?? "")
                + ",r=\(rate[0])x\(rate[1]),s=\(stride[0])x\(stride[1]),p=\(padding),f=\(fill),a=\(activation)"
        }
    }

    public let name: String
    public let input: String
    public let expected: String?
    public let layers: [Layer]
    public let expectError: Bool

    public var description: String { name }

    enum CodingKeys: String, CodingKey {
        case name, input, expected, layers
        case expectError = "expect_error"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        input = try container.decode(String.self, forKey: .input)
        expected = try container.decodeIfPresent(String.self, forKey: .expected)
        layers = try container.decode([Layer].self, forKey: .layers)
        expectError = try container.decodeIfPresent(Bool.self, forKey: .expectError) ?? false
    }

    /// Every case, in file order.
    public static func all() throws -> [StackCase] {
        let data = try Data(contentsOf: Fixtures.stackCases.appendingPathComponent("cases.json"))
        return try JSONDecoder().decode([StackCase].self, from: data)
    }

    /// The absolute path of a file named by a case.
    public static func path(_ relative: String) -> String {
        Fixtures.stackCases.appendingPathComponent(relative).path
    }

    /// The `compute` arguments for this case: `--output` and `--all-layers` as given.
    public func computeArguments(output: String?, allLayers: String?) -> [String] {
        ["compute", "--input", Self.path(input)] + layers.flatMap { ["--layer", $0.notation] }
            + (output.map { ["--output", $0] } ?? []) + (allLayers.map { ["--all-layers", $0] } ?? [])
    }
}
