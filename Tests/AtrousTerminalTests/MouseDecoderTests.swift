import AtrousScreen
import CNcurses
import Testing
@testable import AtrousTerminal

@Suite("Mouse decoding")
struct MouseDecoderTests {
    @Test("button states", arguments: [
        (atrous_button1_pressed(), MouseEvent.Kind.press(button: 1)),
        (atrous_button1_clicked(), .press(button: 1)),
        (atrous_button1_double_clicked(), .press(button: 1)),
        (atrous_button3_triple_clicked(), .press(button: 3)),
        (atrous_button2_pressed(), .press(button: 2)),
        (atrous_button3_pressed(), .press(button: 3)),
        (atrous_button1_released(), .release),
        (atrous_button3_released(), .release),
        (atrous_button4_pressed(), .wheelUp),
        (atrous_button5_pressed(), .wheelDown),
        (atrous_report_mouse_position(), .drag),
        (atrous_report_mouse_position() | atrous_button1_pressed(), .press(button: 1)),
    ] as [(mmask_t, MouseEvent.Kind)])
    func state(state: mmask_t, kind: MouseEvent.Kind) {
        #expect(MouseDecoder.event(x: 7, y: 3, state: state) == MouseEvent(x: 7, y: 3, kind: kind))
    }

    @Test("reports without a button are dropped")
    func empty() {
        #expect(MouseDecoder.event(x: 0, y: 0, state: 0) == nil)
    }

    @Test("the terminal is asked for presses, releases, clicks and the wheel, not for motion")
    func reportedEvents() {
        let mask = MouseDecoder.reportedEvents
        // Clicks too: a press and release read together arrive only as a click.
        for wanted in [atrous_button1_pressed(), atrous_button1_released(), atrous_button3_pressed(),
                       atrous_button4_pressed(), atrous_button5_pressed(), atrous_button1_clicked(),
                       atrous_button1_double_clicked(), atrous_button2_triple_clicked()] {
            #expect(mask & wanted == wanted)
        }
        #expect(mask & atrous_report_mouse_position() == 0)
    }
}
