import AtrousCore
import AtrousExplorer
import Testing
@testable import AtrousRender

/// The screen's promises over thousands of sampled states and terminal sizes, from the minimum
/// to 250x80: every panel either shows all its content or says `more` with arrows, the
/// footprint always shows every row and column (or its summary), the sum is whole or names
/// `:sum`, no tap name touches a digit, and no panel writes outside its region.
struct ScreenPropertyTests {
    /// A sampled explorer state and the terminal it is drawn on.
    struct Sample: CustomStringConvertible {
        let actions: [ExplorerAction]
        let size: Size
        var description: String { "\(size) after \(actions)" }
    }

    static func samples(count: Int, seed: UInt64) -> [Sample] {
        var random = SplitMix64(seed: seed)
        let patterns: [InputPattern] = [.impulse, .ramp, .checkerboard, .random(seed: 3), .glyph("A")]
        let paddings: [Padding] = [.valid, .same, .full, .explicit(top: 1, bottom: 2, left: 0, right: 3),
                                   .explicit(top: 0, bottom: 0, left: 5, right: 1)]
        return (0..<count).map { _ in
            var actions: [ExplorerAction] = [
                .setInputPattern(patterns.randomElement(using: &random)!,
                                 size: Pair(Int.random(in: 1...24, using: &random), Int.random(in: 1...24, using: &random))),
                .setKernelSize(Pair(Int.random(in: 1...11, using: &random), Int.random(in: 1...11, using: &random))),
                .setRate(Pair(Int.random(in: 1...8, using: &random), Int.random(in: 1...8, using: &random))),
                .setStride(Pair(Int.random(in: 1...3, using: &random), Int.random(in: 1...3, using: &random))),
                .setPadding(paddings.randomElement(using: &random)!),
            ]
            if Bool.random(using: &random) { actions.append(.cycleKernelPreset(.forward)) }
            if Int.random(in: 0..<4, using: &random) == 0 { actions.append(.last) }
            if Int.random(in: 0..<8, using: &random) == 0, let preset = StackPreset.all.filter { !$0.isParallel }.randomElement(using: &random) {
                actions += [.loadStackPreset(preset), .toggleStackView]
            }
            let size = Size(width: Int.random(in: 60...250, using: &random), height: Int.random(in: 16...80, using: &random))
            return Sample(actions: actions, size: size)
        }
    }

    static func state(_ sample: Sample) -> ExplorerState {
        var state = ExplorerState()
        for action in sample.actions { update(&state, action) }
        return state
    }

    @Test(arguments: 0..<4)
    func promisesHoldOverSampledStates(batch: Int) throws {
        for sample in Self.samples(count: 600, seed: UInt64(100 + batch)) {
            try check(sample)
        }
    }

    /// The sizes at the edges: the minimum, the classic terminal and the largest checked.
    @Test(arguments: [Size(width: 60, height: 16), Size(width: 80, height: 24), Size(width: 250, height: 80)])
    func promisesHoldAtTheEdgeSizes(size: Size) throws {
        for sample in Self.samples(count: 150, seed: 7) {
            try check(Sample(actions: sample.actions, size: size))
        }
    }

    /// Stacks whose layer list is longer than the view shows at these sizes (the issue's
    /// `:stack hdc` at 140x45 among them).
    @Test(arguments: [("hdc", Size(width: 140, height: 45)), ("wavenet", Size(width: 80, height: 24)),
                      ("context", Size(width: 60, height: 16)), ("hdc", Size(width: 120, height: 20))])
    func longLayerListsSayWhatTheyHide(preset: String, size: Size) throws {
        let stack = try #require(StackPreset.named(preset))
        try check(Sample(actions: [.loadStackPreset(stack)], size: size))
    }

    private func check(_ sample: Sample) throws {
        let state = Self.state(sample)
        let screen = ExplorerScreen(state: state, palette: Palette(colors: false))
        let frame = CellBuffer.rendering(screen, size: sample.size)
        guard case let .explorer(layout) = screen.layout(size: sample.size) else { return }
        let rows = frame.text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        func text(_ rect: Rect) -> String {
            (rect.y..<rect.maxY).map { y in
                String(rows[y][min(rect.x, rows[y].count)..<min(rect.maxX, rows[y].count)])
            }.joined(separator: "\n")
        }
        func titleMarked(_ rect: Rect) -> Bool { text(rect.splitTop(1).0).contains(" more") }

        // Nothing outside its region: each part drawn alone over a sentinel touches only its rect.
        var parts: [(String, any Widget, Rect)] = [
            ("kernel", screen.kernelPanel(layout), layout.kernel),
            ("status", StatusLine(spec: state.spec, geometry: state.geometry, inputShape: state.input.shape,
                                  outputShape: state.output?.shape, position: 1, count: 1, palette: Palette(colors: false)),
             layout.status),
        ]
        if let input = screen.inputPanel(layout) { parts.append(("input", input, layout.input)) }
        if let output = screen.outputPanel(layout) { parts.append(("output", output, layout.output)) }
        if let line = screen.computationLine { parts.append(("computation", line, layout.computation)) }
        if let extra = screen.extra { parts.append(("stack", extra, layout.extra)) }
        for (name, widget, rect) in parts where !rect.isEmpty {
            var buffer = CellBuffer(size: sample.size, filling: Cell("§"))
            widget.render(into: &buffer, area: rect)
            for y in 0..<sample.size.height {
                for x in 0..<sample.size.width where !rect.contains(x: x, y: y) {
                    try #require(buffer[x, y]?.character == "§", "\(name) wrote at (\(x), \(y)) outside \(rect): \(sample)")
                }
            }
        }

        // The stack view's layer list: every layer, or the header counts what its window hides.
        if screen.extra != nil, !layout.extra.isEmpty {
            let lines = text(layout.extra).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if let header = lines.firstIndex(where: { $0.contains("# k") }),
               let hash = lines[header].range(of: "# k")?.lowerBound {
                // The table starts at its `#` column, less the marker column before it.
                let column = max(0, lines[header].distance(from: lines[header].startIndex, to: hash) - 1)
                let rows = lines[(header + 1)...].prefix { line in
                    let cells = Array(line.dropFirst(column))
                    guard let first = cells.first, first == " " || first == "▸" else { return false }
                    let rest = cells.dropFirst().drop { $0 == " " }
                    return rest.first?.isNumber == true && rest.prefix { $0.isNumber }.count <= 2
                        && rest.dropFirst(rest.prefix { $0.isNumber }.count).first == " "
                }.count
                let marked = lines[header].contains("↓") || lines[header].contains("↑")
                try #require(rows >= state.layers.count || marked,
                             "the layer list shows \(rows) of \(state.layers.count) unmarked: \(sample)\n\(frame.text)")
            }
        }
        guard screen.extra == nil || !layout.input.isEmpty else { return }
        // Input: complete or marked; tap names set off by blanks.
        if let input = screen.inputPanel(layout), !layout.input.isEmpty {
            let placement = input.placement(in: layout.input)
            let complete = placement.grid.visibleRows == placement.grid.rows
                && placement.grid.visibleColumns == placement.grid.columns
            try #require(complete != titleMarked(layout.input), "input panel, complete: \(complete): \(sample)\n\(frame.text)")
            if placement.grid.cellWidth > input.labelWidth {
                for (position, mark) in placement.marks {
                    guard let rect = placement.grid.rect(row: position.row, column: position.column) else { continue }
                    let line = rows[rect.y]
                    let before = line[rect.x], after = line[rect.x + 1 + mark.label.count]
                    try #require(!before.isNumber && !after.isNumber && String(line[(rect.x + 1)...]).hasPrefix(mark.label),
                                 "tap \(mark.label) touches a digit: \(sample)\n\(frame.text)")
                }
            }
        }
        // Kernel: weights complete or marked; the footprint whole, scaled or summarised.
        if !layout.kernel.isEmpty {
            let panel = screen.kernelPanel(layout)
            let placement = panel.placement(in: layout.kernel)
            let grid = placement.weightsGrid
            let complete = grid.visibleRows == grid.rows && grid.visibleColumns == grid.columns
            try #require(complete != titleMarked(layout.kernel), "kernel weights, complete: \(complete): \(sample)\n\(frame.text)")
            let view = placement.view
            let drawn = text(placement.footprintArea.intersection(layout.kernel))
            let scale = view.scale(in: placement.footprintArea.size)
            if scale == .summary {
                let words = drawn.split(whereSeparator: { $0 == " " || $0 == "\n" })
                try #require(words == view.summary.split(separator: " "), "footprint summary cut: \(sample)\n\(frame.text)")
            } else {
                let taps = view.kernelSize.height * view.kernelSize.width
                let shown = drawn.filter { $0.isLetter || $0 == "●" }.count
                let note = drawn.contains(view.collapsedNote) ? view.collapsedNote.filter(\.isLetter).count : 0
                try #require(shown - note >= taps, "footprint shows \(shown - note) of \(taps) taps: \(sample)\n\(frame.text)")
                let extent = view.extent(scale)
                try #require(extent.width <= placement.footprintArea.width && extent.height <= placement.footprintArea.height
                             && placement.footprintArea.intersection(layout.kernel) == placement.footprintArea,
                             "footprint cut: \(sample)\n\(frame.text)")
            }
        }
        // Output: complete or marked.
        if let output = screen.outputPanel(layout), !layout.output.isEmpty {
            let plane = Plane(featureMap: output.output, batch: 0, channel: output.channel)
            let grids = output.parts(plane, in: layout.output).map(\.grid)
            let complete = grids.allSatisfy { $0.visibleRows == $0.rows && $0.visibleColumns == $0.columns }
            try #require(complete != titleMarked(layout.output), "output panel, complete: \(complete): \(sample)\n\(frame.text)")
        }
        // The sum: every term, or the count and the way to the table; the result always.
        if let taps = state.taps, !layout.computation.isEmpty {
            let sum = text(layout.computation)
            let terms = sum.components(separatedBy: "+ ").count - 1 + 1
            try #require(sum.contains(":sum") || terms >= taps.taps.count || sum.contains("Σ"),
                         "the sum shows \(terms) of \(taps.taps.count) terms without :sum: \(sample)\n\(sum)")
        }
    }
}
