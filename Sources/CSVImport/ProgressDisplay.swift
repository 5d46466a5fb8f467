import Foundation
import RPC

/// Shows an import's progress on standard error while it runs.
///
/// On a terminal: one line redrawn in place at most ten times a second. Otherwise (a log, a
/// pipe): a plain line every two seconds, so logs stay readable.
public struct ProgressDisplay: Sendable {
    public enum Style: Sendable {
        case terminal
        case lines
    }

    public let style: Style

    public init(style: Style) {
        self.style = style
    }

    /// The style that suits standard error as it is now.
    public static var forStandardError: ProgressDisplay {
        ProgressDisplay(style: isatty(STDERR_FILENO) == 1 ? .terminal : .lines)
    }

    /// Draws until cancelled, then draws the last figures once more (and ends the live line).
    public func run(counters: ImportCounters, totalBytes: Int64?, start: ContinuousClock.Instant) async {
        let interval: Duration = style == .terminal ? .milliseconds(100) : .seconds(2)
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            if Task.isCancelled { break }
            draw(counters: counters, totalBytes: totalBytes, start: start)
        }
        if style == .terminal {
            draw(counters: counters, totalBytes: totalBytes, start: start)
            write("\n")
        }
    }

    private func draw(counters: ImportCounters, totalBytes: Int64?, start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let seconds = elapsed.inSeconds
        let rows = counters.rowsDone.load(ordering: .relaxed)
        let fraction = totalBytes.flatMap { total in
            total > 0 ? Double(counters.bytesRead.load(ordering: .relaxed)) / Double(total) : nil
        }
        switch style {
        case .terminal:
            // \r back to the line start, ESC[K clears what a longer previous line left.
            write("\r" + ProgressFormat.bar(rows: rows, fraction: fraction, elapsedSeconds: seconds) + "\u{1B}[K")
        case .lines:
            write(ProgressFormat.plain(rows: rows, fraction: fraction, elapsedSeconds: seconds) + "\n")
        }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
