import Foundation

/// One model fixture of `models/expected.json`: the numbers PyTorch's or Keras's gradients
/// give for one output cell of the model file.
public struct ModelCase: Decodable, Sendable, CustomStringConvertible {
    /// The model file, relative to the models directory.
    public let file: String
    public let at: [Int]
    public let receptiveField: [Int]
    public let jump: [Int]
    /// The path-count map, relative to the models directory.
    public let counts: String
    /// The input size to give, for a model that leaves it open.
    public let inputSize: [Int]?

    public var description: String { file }

    private struct Entry: Decodable {
        let at: [Int], receptiveField: [Int], jump: [Int], counts: String, inputSize: [Int]?
    }

    /// Every case, sorted by file name.
    public static func all() throws -> [ModelCase] {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let data = try Data(contentsOf: Fixtures.models.appendingPathComponent("expected.json"))
        return try decoder.decode([String: Entry].self, from: data).sorted { $0.key < $1.key }.map {
            ModelCase(file: $0.key, at: $0.value.at, receptiveField: $0.value.receptiveField, jump: $0.value.jump,
                      counts: $0.value.counts, inputSize: $0.value.inputSize)
        }
    }

    public var path: String { Fixtures.models.appendingPathComponent(file).path }
    public var countsPath: String { Fixtures.models.appendingPathComponent(counts).path }
}
