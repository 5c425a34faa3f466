import AtrousCore

/// Moving the current output cell, picking input cells, channels and playback: the view
/// changes, which undo does not record.
extension ExplorerState {
    mutating func move(_ direction: MoveDirection) {
        guard let geometry else { return }
        let offset = direction.offset
        moveTo(GridPosition(row: position.row + offset.rows, column: position.column + offset.columns)
            .clamped(to: geometry.outputSize))
    }

    mutating func step(_ direction: CycleDirection) {
        guard positionCount > 0, let geometry else { return }
        let index = (position.flatIndex(in: geometry.outputSize) + direction.step + positionCount) % positionCount
        jump(toFlatIndex: index)
    }

    mutating func jump(toFlatIndex index: Int) {
        guard let geometry, positionCount > 0 else { return }
        moveTo(GridPosition(flatIndex: min(max(index, 0), positionCount - 1), in: geometry.outputSize))
    }

    mutating func selectOutputCell(_ cell: GridPosition) {
        guard let geometry else { return reportImpossible() }
        guard cell.isInside(geometry.outputSize) else {
            message = .error(ConvolutionError.positionOutOfRange(row: cell.row, column: cell.column,
                                                                 outputSize: geometry.outputSize).description)
            return
        }
        moveTo(cell)
    }

    mutating func selectInputCell(_ cell: GridPosition) {
        guard let geometry else { return reportImpossible() }
        guard isInsidePaddedInput(cell, geometry) else {
            let (t, b, l, r) = geometry.pads
            message = .error("The input cell \(cell) lies outside the \(layerInputShape.height)x\(layerInputShape.width) input "
                + "and its padding (top \(t), bottom \(b), left \(l), right \(r)).")
            return
        }
        let reach = InputReach(input: cell, geometry: geometry)
        inputReach = reach
        let count = reach.outputRows.count * reach.outputColumns.count
        message = .info("Input cell \(cell) feeds \(count) output cell\(count == 1 ? "" : "s").")
    }

    mutating func dismiss() {
        switch mode {
        case .help, .commandLine, .exportMenu: mode = .normal
        case .confirmOverwrite: _ = answerOverwrite(false)
        case .normal:
            inputReach = nil
            message = nil
        }
    }

    mutating func stepChannel(_ direction: CycleDirection) {
        selectChannel((outputChannel + direction.step + channelCount) % channelCount)
    }

    mutating func selectChannel(_ index: Int) {
        guard (0..<channelCount).contains(index) else {
            message = .error("Channel \(index) does not exist: the input has \(plural(layerInputShape.channels, "channel")) "
                + "and the kernel \(plural(kernelShape.outputChannels, "output channel")), counted from 0.")
            return
        }
        outputChannel = min(index, kernelShape.outputChannels - 1)
        inputChannel = min(index, layerInputShape.channels - 1)
        recomputeTaps()
        message = .info("Channel \(index): input channel \(inputChannel), output channel \(outputChannel).")
    }

    mutating func togglePlay() {
        if playback.isPlaying {
            playback.isPlaying = false
            return
        }
        guard geometry != nil else { return reportImpossible() }
        if positionNumber == positionCount { jump(toFlatIndex: 0) }
        playback.isPlaying = true
    }

    /// Stops after the last cell rather than wrapping, so a played walk ends on the full
    /// picture; pressing play again starts over.
    mutating func tick() {
        guard playback.isPlaying else { return }
        guard geometry != nil, positionNumber < positionCount else {
            playback.isPlaying = false
            if positionCount > 0 { message = .info("Played all \(positionCount) output cells.") }
            return
        }
        step(.forward)
        if positionNumber == positionCount {
            playback.isPlaying = false
            message = .info("Played all \(positionCount) output cells.")
        }
    }

    mutating func changeSpeed(_ direction: CycleDirection) {
        let changed = playback.changeSpeed(direction)
        let speed = "\(plural(playback.stepsPerSecond, "step")) per second"
        message = .info(changed ? "Speed \(speed)." : "Speed stays at \(speed), the \(direction == .forward ? "fastest" : "slowest").")
    }

    /// Makes `cell` current and recomputes its taps, and the receptive field when it follows.
    mutating func moveTo(_ cell: GridPosition) {
        guard cell != position else { return }
        position = cell
        recomputeTaps()
        if stack.followsPosition { recomputeStack() }
    }

    /// Says that nothing can be shown because the parameters are impossible.
    mutating func reportImpossible() {
        if let problem { message = .error(problem) }
    }
}

/// `1 channel`, `3 channels`.
func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
