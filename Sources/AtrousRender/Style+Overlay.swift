extension Style {
    /// This style with `overlay` drawn on top: the overlay's colours replace these unless they
    /// are the default, and attributes add up. Marks like "hole" keep the padding's colour.
    func overlaid(by overlay: Style) -> Style {
        Style(foreground: overlay.foreground == .default ? foreground : overlay.foreground,
              background: overlay.background == .default ? background : overlay.background,
              bold: bold || overlay.bold, dim: dim || overlay.dim,
              reverse: reverse || overlay.reverse, underline: underline || overlay.underline)
    }
}
