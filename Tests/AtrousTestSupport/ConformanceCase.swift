import Foundation

/// One single-layer convolution case of `conformance/conv/cases.json`.
public struct ConformanceCase: Decodable, Sendable, CustomStringConvertible {
    public let name: String
    /// Paths relative to the `conv` directory.
    public let input: String
    public let kernel: String
    public let bias: String?
    public let expected: String?
    public let rate: [Int]
    public let stride: [Int]
    /// `valid`, `same`, `full`, `causal` or `T,B,L,R`, as the command line takes it.
    public let padding: String
    public let fill: String
    public let expectError: Bool

    public var description: String { name }

    /// Every case, in file order.
    public static func all() throws -> [ConformanceCase] {
        let data = try Data(contentsOf: Fixtures.convolutionCases.appendingPathComponent("cases.json"))
        return try JSONDecoder().decode([ConformanceCase].self, from: data)
    }

    /// The absolute path of a file named by the case.
    public func path(_ relative: String) -> String {
        Fixtures.convolutionCases.appendingPathComponent(relative).path
    }

    /// The `compute` arguments for this case, writing to `output`.
    public func computeArguments(output: String) -> [String] {
        var arguments = ["compute", "--input", path(input), "--kernel", path(kernel),
                         "--rate", rate.map(String.init).joined(separator: ","),
                         "--stride", stride.map(String.init).joined(separator: ","),
                         "--padding", padding, "--fill", fill, "--output", output]
        if let bias { arguments += ["--bias", path(bias)] }
        return arguments
    }

    enum CodingKeys: String, CodingKey {
        case name, input, kernel, bias, expected, rate, stride, padding, fill
        case expectError = "expect_error"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        input = try container.decode(String.self, forKey: .input)
        kernel = try container.decode(String.self, forKey: .kernel)
        bias = try container.decodeIfPresent(String.self, forKey: .bias)
        expected = try container.decodeIfPresent(String.self, forKey: .expected)
        rate = try container.decode([Int].self, forKey: .rate)
        stride = try container.decode([Int].self, forKey: .stride)
        fill = try container.decode(String.self, forKey: .fill)
        expectError = try container.decodeIfPresent(Bool.self, forKey: .expectError) ?? false
        if let counts = try? container.decode([Int].self, forKey: .padding) {
            padding = counts.map(String.init).joined(separator: ",")
        } else {
            padding = try container.decode(String.self, forKey: .padding)
        }
    }
}
