import AtrousTestSupport
import Foundation
import Testing

#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

@Suite("tmux sessions", .serialized)
struct TmuxSessionTests {
    @Test("a command runs in a real terminal of the given size")
    func terminalSize() throws {
        let tmux = try TmuxSession(command: "printf 'hello\\n'; stty -a | head -1; sleep 30", width: 40, height: 12)
        let screen = try tmux.waitFor(text: "columns")
        #expect(screen.hasPrefix("hello\n"))
        #expect(screen.contains("rows 12; columns 40;"))
        #expect(screen.filter { $0 == "\n" }.count == 12)
    }

    @Test("a resize reaches the program as SIGWINCH")
    func resize() throws {
        let tmux = try TmuxSession(command: "trap 'stty size' WINCH; stty size; while :; do sleep 0.05; done",
                                   width: 40, height: 12)
        try tmux.waitFor(text: "12 40")
        try tmux.resize(width: 50, height: 15)
        try tmux.waitFor(text: "15 50")
    }

    @Test("typed text and named keys reach the program")
    func keys() throws {
        let tmux = try TmuxSession(command: "read line; echo \"got:$line\"; sleep 30", width: 40, height: 5)
        try tmux.type("abc ░")
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "got:abc ░")
    }

    @Test("the exit status is read after the command ends")
    func exitStatus() throws {
        let tmux = try TmuxSession(command: "echo bye; sleep 0.2; (exit 3)", width: 40, height: 5)
        try tmux.waitFor(text: "bye")
        #expect(try tmux.waitForExit() == 3)
    }

    @Test("a program ended by a signal is reported as 128 plus its number")
    func signalled() throws {
        let tmux = try TmuxSession(command: "sh -c 'echo \"pid $$\"; exec sleep 30'", width: 40, height: 5)
        let screen = try tmux.waitFor(text: "pid ")
        let pid = try #require(screen.split(separator: " ").dropFirst().first.flatMap { pid_t($0.prefix { $0.isNumber }) })
        kill(pid, SIGTERM)
        #expect(try tmux.waitForExit() == 128 + SIGTERM)
    }

    @Test("the pane's process is the shell running the command")
    func panePID() throws {
        let tmux = try TmuxSession(command: "echo \"shell $$\"; sleep 30", width: 40, height: 5)
        let screen = try tmux.waitFor(text: "shell ")
        #expect(screen.contains("shell \(try tmux.panePID())"))
    }

    @Test("the environment can set and remove variables")
    func environment() throws {
        setenv("ATROUS_TMUX_REMOVED", "still here", 1)
        defer { unsetenv("ATROUS_TMUX_REMOVED") }
        let tmux = try TmuxSession(command: "echo \"[$ATROUS_TMUX_SET][$ATROUS_TMUX_REMOVED][$TERM]\"; sleep 30",
                                   width: 60, height: 5, terminal: "xterm-256color",
                                   environment: ["ATROUS_TMUX_SET": "yes", "ATROUS_TMUX_REMOVED": nil])
        try tmux.waitFor(text: "[yes][][xterm-256color]")
    }

    @Test("waiting for text that never comes times out and shows the screen")
    func timeout() throws {
        let tmux = try TmuxSession(command: "echo present; sleep 30", width: 40, height: 5)
        try tmux.waitFor(text: "present")
        let error = #expect(throws: TmuxSession.Timeout.self) { try tmux.waitFor(text: "absent", timeout: 0.3) }
        #expect(error?.description.contains("|present") == true)
    }

    @Test("kill stops the private server")
    func killed() throws {
        let tmux = try TmuxSession(command: "sleep 30", width: 40, height: 5)
        _ = try tmux.capture()
        tmux.kill()
        #expect(throws: ProcessRunnerError.self) { try tmux.capture() }
    }
}

@Suite("Child processes for terminal tests")
struct ChildProcessSignalTests {
    @Test("a child starts with no blocked or ignored signals, whatever the test thread blocks")
    func signalMask() throws {
        let status = try ProcessRunner.run("/bin/sh", ["-c", "cat /proc/self/status"]).output
        func mask(_ field: String) -> UInt64? {
            status.split(separator: "\n").first { $0.hasPrefix(field + ":") }
                .flatMap { UInt64($0.dropFirst(field.count + 1).trimmingCharacters(in: .whitespaces), radix: 16) }
        }
        // Signals 1 to 31; glibc keeps two real-time signals for itself.
        let standardSignals: UInt64 = 0x7FFF_FFFF
        #expect(mask("SigBlk").map { $0 & standardSignals } == 0)
        #expect(mask("SigIgn").map { $0 & standardSignals } == 0)
    }

    @Test("a child ended by a signal reports 128 plus its number")
    func signal() throws {
        #expect(try ProcessRunner.run("/bin/sh", ["-c", "kill -TERM $$"]).status == 128 + SIGTERM)
    }
}
