/// Everything known about one output cell of a layer stack: the per-layer numbers, the cell's
/// region and centre, its path-count map, how much of the region the paths reach, and the
/// Hybrid Dilated Convolution verdict per axis. What the `rf` command prints and the
/// receptive-field view draws.
public struct ReceptiveFieldAnalysis: Sendable, Hashable {
    public let stack: LayerStack
    public let field: ReceptiveField
    /// The output cell of the last layer analysed.
    public let position: Pair
    /// The input cells that output cell sees, holes and padding included.
    public let region: CellRegion
    public let pathCounts: PathCountMap
    public let coverage: Coverage
    public let rowRule: HybridDilatedConvolution
    public let columnRule: HybridDilatedConvolution

    /// Analyses output cell `position` of `stack`, by default the centre of its output.
    ///
    /// - Complexity: O(H·W) for the path-count map and coverage plus O(layers · size) for the
    ///   per-axis passes.
    /// - Throws: ``ConvolutionError/positionOutOfRange(row:column:outputSize:)`` for a position
    ///   outside the output, ``ReceptiveFieldError`` when a number overflows or the map is too large.
    public init(stack: LayerStack, position: Pair? = nil) throws {
        let position = position ?? stack.centreOfOutput
        try stack.validateOutputPosition(row: position.height, column: position.width)
        self.stack = stack
        self.position = position
        field = try ReceptiveField(stack: stack)
        region = field.region(row: position.height, column: position.width)
        pathCounts = try stack.pathCounts(row: position.height, column: position.width)
        coverage = Coverage(map: pathCounts, region: region)
        rowRule = HybridDilatedConvolution(stack: stack, axis: .height)
        columnRule = HybridDilatedConvolution(stack: stack, axis: .width)
    }

    /// The rule's verdict along `axis`.
    public func rule(along axis: Axis) -> HybridDilatedConvolution { axis == .height ? rowRule : columnRule }

    /// Whether the rule predicts holes along either axis.
    public var ruleGrids: Bool { rowRule.grids || columnRule.grids }
}

/// Parallel stacks on one input whose outputs are summed, as DeepLab v2's atrous spatial
/// pyramid pooling fuses its branches: the fused output's path counts are the sum of the
/// branches' maps, and its region the union of theirs.
public struct ParallelBranchAnalysis: Sendable, Hashable {
    /// Each branch analysed at the same output position.
    public let branches: [ReceptiveFieldAnalysis]
    /// The sum of the branches' path-count maps.
    public let pathCounts: PathCountMap
    /// The smallest region holding every branch's region.
    public let region: CellRegion
    public let coverage: Coverage

    /// Analyses every branch at `position` (by default the centre of the first branch's output).
    /// - Throws: ``ReceptiveFieldError/noLayers`` without branches, and any error of
    ///   ``ReceptiveFieldAnalysis/init(stack:position:)`` or of summing the maps.
    public init(branches stacks: [LayerStack], position: Pair? = nil) throws {
        guard let first = stacks.first else { throw ReceptiveFieldError.noLayers }
        let position = position ?? first.centreOfOutput
        let branches = try stacks.map { try ReceptiveFieldAnalysis(stack: $0, position: position) }
        var counts = branches[0].pathCounts
        var region = branches[0].region
        for branch in branches.dropFirst() {
            counts = try counts.adding(branch.pathCounts)
            region = region.union(branch.region)
        }
        self.branches = branches
        self.pathCounts = counts
        self.region = region
        coverage = Coverage(map: counts, region: region)
    }
}
