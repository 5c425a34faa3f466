import AtrousExplorer
import AtrousRender

extension CellBuffer {
    /// The screen as a file of `format` holds it: the text or the ANSI text with a final
    /// newline, or an SVG document.
    public func captured(as format: ScreenFormat) -> String {
        switch format {
        case .text: text + "\n"
        case .ansi: ansi + "\n"
        case .svg: svg()
        }
    }
}
