import ArgumentParser
import AtrousCore
import Foundation

/// `atrous shape`: the geometry of one layer with no data.
struct ShapeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shape",
        abstract: "Show a layer's geometry without data: effective kernel, pads per side, output size, framework notes.",
        discussion: """
            Sizes accept 3, 3x5 or 3,5 (height first). Example:
              atrous shape --input-size 100x100 --kernel-size 3 --rate 2 --padding same
            """)

    @Option(name: .long, parsing: .unconditional, help: "The input's height and width (HxW).")
    var inputSize: Pair

    @Option(name: .long, parsing: .unconditional, help: "The kernel's height and width.")
    var kernelSize: Pair = Pair(square: 3)

    @Option(name: .long, parsing: .unconditional, help: "The dilation rate per axis.")
    var rate: Pair = Pair(square: 1)

    @Option(name: .long, parsing: .unconditional, help: "The stride per axis.")
    var stride: Pair = Pair(square: 1)

    @Option(name: .long, parsing: .unconditional, help: "valid, same (TensorFlow's rule), full, causal, or T,B,L,R.")
    var padding: Padding = .valid

    @Option(name: .long, help: "What padded cells hold: zeros, reflect, replicate or circular.")
    var fill: Fill = .zeros

    @Flag(name: .long, help: "Print one JSON object for scripts.")
    var json = false

    func run() throws {
        let spec = LayerSpec(kernelSize: kernelSize, rate: rate, stride: stride, padding: padding, fill: fill)
        let geometry = try ConvolutionGeometry(inputSize: inputSize, spec: spec)
        let notes = FrameworkNote.notes(for: geometry)
        if json {
            print(try ShapeReport(geometry: geometry, notes: notes).json())
        } else {
            print(ShapeReport.text(geometry: geometry, notes: notes))
        }
    }
}

/// The geometry of one layer as `atrous shape` prints it.
struct ShapeReport: Encodable {
    struct Pads: Encodable { let top, bottom, left, right: Int }
    struct Derivation: Encodable { let rows, columns: [String] }
    let inputSize, kernelSize, rate, stride, effectiveKernel, outputSize: [Int]
    let padding: String
    let pads: Pads
    let fill: String
    let notes: [String]
    /// Where each axis's numbers come from, as the text report words it.
    let derivation: Derivation

    init(geometry: ConvolutionGeometry, notes: [FrameworkNote]) {
        let spec = geometry.spec
        func array(_ pair: Pair) -> [Int] { [pair.height, pair.width] }
        inputSize = array(geometry.inputSize)
        kernelSize = array(spec.kernelSize)
        rate = array(spec.rate)
        stride = array(spec.stride)
        effectiveKernel = array(geometry.effectiveKernel)
        outputSize = array(geometry.outputSize)
        padding = spec.padding.description
        let (t, b, l, r) = geometry.pads
        pads = Pads(top: t, bottom: b, left: l, right: r)
        fill = spec.fill.rawValue
        self.notes = notes.map(\.description)
        derivation = Derivation(rows: geometry.rows.derivation(padding: spec.padding),
                                columns: geometry.columns.derivation(padding: spec.padding))
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// How each axis's numbers arise, with the numbers filled in.
    static func derivationLines(_ geometry: ConvolutionGeometry) -> [String] {
        let padding = geometry.spec.padding
        return ["rows:"] + geometry.rows.derivation(padding: padding).map { "  " + $0 }
            + ["columns:"] + geometry.columns.derivation(padding: padding).map { "  " + $0 }
    }

    static func text(geometry: ConvolutionGeometry, notes: [FrameworkNote]) -> String {
        let spec = geometry.spec
        let (t, b, l, r) = geometry.pads
        var lines = [
            "input      \(sizeText(geometry.inputSize))",
            "kernel     \(sizeText(spec.kernelSize)) at rate \(spec.rate), effective \(sizeText(geometry.effectiveKernel))",
            "stride     \(spec.stride)",
            "padding    \(spec.padding): top \(t), bottom \(b), left \(l), right \(r)",
            "fill       \(spec.fill)",
            "output     \(sizeText(geometry.outputSize))",
        ]
        lines += derivationLines(geometry).map { "  " + $0 }
        if !notes.isEmpty {
            lines.append("notes")
            lines += notes.map { "  - \($0)" }
        }
        return lines.joined(separator: "\n")
    }
}
