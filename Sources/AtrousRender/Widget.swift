/// Something that draws itself into a rectangle of a buffer and nowhere else.
///
/// Every panel of the explorer is a widget: a value built from plain data that knows nothing
/// of the terminal. A widget must accept any rectangle, including an empty one.
public protocol Widget {
    func render(into buffer: inout CellBuffer, area: Rect)
}

extension CellBuffer {
    /// Draws `widget` into `area`.
    public mutating func render(_ widget: some Widget, in area: Rect) {
        widget.render(into: &self, area: area)
    }

    /// A buffer of `size` with `widget` drawn over all of it: how tests picture one widget.
    public static func rendering(_ widget: some Widget, size: Size) -> CellBuffer {
        var buffer = CellBuffer(size: size)
        buffer.render(widget, in: buffer.area)
        return buffer
    }
}
