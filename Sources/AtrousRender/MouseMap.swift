import AtrousExplorer

/// The action a mouse event asks for on the frame `render(state, size:colors:)` draws, or nil
/// when it means nothing there.
///
/// Pure, like the key map: a left click on an output cell makes it current, on an input cell
/// (padding included) shows which output cells read it, on a kernel weight selects it. The
/// wheel steps through the output cells, or scrolls the help while it is open. Other buttons,
/// releases, clicks elsewhere and clicks while the command line is open do nothing.
///
/// On a model (`explore --model`) the wheel scrolls the layer table and clicks do nothing: the
/// convolution's panels are not on screen.
public func action(for mouse: MouseEvent, in state: ExplorerState, size: Size) -> ExplorerAction? {
    if state.model != nil, state.mode == .normal {
        switch mouse.kind {
        case .wheelUp: return .stepLayer(.backward)
        case .wheelDown: return .stepLayer(.forward)
        default: return nil
        }
    }
    switch (state.mode, mouse.kind) {
    case (.help, .wheelUp): return .scrollHelp(by: -3)
    case (.help, .wheelDown): return .scrollHelp(by: 3)
    case (.normal, .wheelUp): return .step(.backward)
    case (.normal, .wheelDown): return .step(.forward)
    case (.normal, .press(button: 1)):
        // The palette does not move anything, so either one places the panels the same.
        let screen = ExplorerScreen(state: state, palette: .monochrome)
        let hit = if let progress = state.lesson {
            LessonScreen(narration: NarrationPanel(progress: progress, palette: .monochrome), explorer: screen)
                .hit(x: mouse.x, y: mouse.y, size: size)
        } else {
            screen.hit(x: mouse.x, y: mouse.y, size: size)
        }
        switch hit {
        case let .output(cell)?: return .selectOutputCell(row: cell.row, column: cell.column)
        case let .input(cell)?: return .selectInputCell(row: cell.row, column: cell.column)
        case let .kernel(weight)?: return .selectWeight(row: weight.row, column: weight.column)
        case nil: return nil
        }
    default: return nil
    }
}
