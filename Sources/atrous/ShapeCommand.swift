import ArgumentParser
import AtrousCore
import AtrousIO
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
            print(ShapeReport.json(geometry: geometry, notes: notes), terminator: "")
        } else {
            print(ShapeReport.text(geometry: geometry, notes: notes))
        }
    }
}

/// The geometry of one layer as `atrous shape` prints it.
enum ShapeReport {
    /// The `--json` form, written by AtrousIO's ``JSONWriter``: sizes as [height, width], the
    /// members in the text report's order, then each axis's derivation as the text words it.
    static func json(geometry: ConvolutionGeometry, notes: [FrameworkNote]) -> String {
        let spec = geometry.spec
        func pair(_ value: Pair) -> JSONValue { .integers([value.height, value.width]) }
        func lines(_ lines: [String]) -> JSONValue { .array(lines.map { .string($0) }) }
        let (t, b, l, r) = geometry.pads
        return JSONWriter().text(.object([
            ("input_size", pair(geometry.inputSize)),
            ("kernel_size", pair(spec.kernelSize)),
            ("rate", pair(spec.rate)),
            ("stride", pair(spec.stride)),
            ("effective_kernel", pair(geometry.effectiveKernel)),
            ("padding", .string(spec.padding.description)),
            ("pads", .object([("top", .number(t)), ("bottom", .number(b)), ("left", .number(l)), ("right", .number(r))])),
            ("fill", .string(spec.fill.rawValue)),
            ("output_size", pair(geometry.outputSize)),
            ("notes", lines(notes.map(\.description))),
            ("derivation", .object([("rows", lines(geometry.rows.derivation(padding: spec.padding))),
                                    ("columns", lines(geometry.columns.derivation(padding: spec.padding)))])),
        ]))
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
