import AtrousScreen
import CNcurses

/// Turns an ncurses mouse report (`getmouse`) into the explorer's `MouseEvent`.
enum MouseDecoder {
    /// The buttons and wheel reports the terminal is asked to send.
    ///
    /// ncurses turns on click tracking only (mode 1000), so motion is never reported; a drag
    /// would need the program to switch on button-motion tracking (mode 1002) itself. Clicks
    /// are asked for too: when a press and its release arrive in one read (a quick click, or
    /// a busy program), ncurses folds them into a click, and drops it unless clicks are in
    /// the mask.
    static var reportedEvents: mmask_t {
        atrous_button1_pressed() | atrous_button1_released() | clicks(atrous_button1_clicked(),
            atrous_button1_double_clicked(), atrous_button1_triple_clicked())
            | atrous_button2_pressed() | atrous_button2_released() | clicks(atrous_button2_clicked(),
                atrous_button2_double_clicked(), atrous_button2_triple_clicked())
            | atrous_button3_pressed() | atrous_button3_released() | clicks(atrous_button3_clicked(),
                atrous_button3_double_clicked(), atrous_button3_triple_clicked())
            | atrous_button4_pressed() | atrous_button5_pressed()
    }

    private static func clicks(_ masks: mmask_t...) -> mmask_t { masks.reduce(0, |) }

    /// The event for a report at column `x`, row `y` with button state `state`, or nil for a
    /// report the explorer does not use.
    ///
    /// The wheel arrives as presses of buttons 4 (up) and 5 (down). A click, double or
    /// triple click (presses and releases folded together by ncurses) counts as a press.
    static func event(x: Int32, y: Int32, state: mmask_t) -> MouseEvent? {
        guard let kind = kind(of: state) else { return nil }
        return MouseEvent(x: Int(x), y: Int(y), kind: kind)
    }

    private static func kind(of state: mmask_t) -> MouseEvent.Kind? {
        if state & atrous_button4_pressed() != 0 { return .wheelUp }
        if state & atrous_button5_pressed() != 0 { return .wheelDown }
        let presses: [(mask: mmask_t, button: Int)] = [
            (atrous_button1_pressed() | atrous_button1_clicked() | atrous_button1_double_clicked()
                | atrous_button1_triple_clicked(), 1),
            (atrous_button2_pressed() | atrous_button2_clicked() | atrous_button2_double_clicked()
                | atrous_button2_triple_clicked(), 2),
            (atrous_button3_pressed() | atrous_button3_clicked() | atrous_button3_double_clicked()
                | atrous_button3_triple_clicked(), 3),
        ]
        if let press = presses.first(where: { state & $0.mask != 0 }) { return .press(button: press.button) }
        if state & (atrous_button1_released() | atrous_button2_released() | atrous_button3_released()) != 0 {
            return .release
        }
        if state & atrous_report_mouse_position() != 0 { return .drag }
        return nil
    }
}
