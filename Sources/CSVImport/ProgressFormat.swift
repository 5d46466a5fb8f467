/// The text of progress lines, kept apart from the terminal so it can be tested.
public enum ProgressFormat {
    /// The live line: `[########------------]  42%  1234567 rows  45012 rows/s  ETA 0:31`.
    ///
    /// `fraction` is the share of the file's bytes read, nil when the size is unknown; the ETA
    /// assumes the rest of the file goes as fast as the part read so far.
    public static func bar(rows: Int, fraction: Double?, elapsedSeconds: Double, width: Int = 24) -> String {
        let rate = elapsedSeconds > 0 ? Double(rows) / elapsedSeconds : 0
        var line = ""
        if let fraction {
            let clamped = min(max(fraction, 0), 1)
            let filled = Int((clamped * Double(width)).rounded(.down))
            line += "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
            line += pad(String(Int((clamped * 100).rounded(.down))), to: 3) + "%  "
        }
        line += "\(rows) rows  \(Int(rate.rounded())) rows/s"
        if let fraction, fraction > 0.001, fraction < 1 {
            line += "  ETA " + duration(elapsedSeconds * (1 - fraction) / fraction, fraction: false)
        } else {
            line += "  " + duration(elapsedSeconds, fraction: false)
        }
        return line
    }

    /// The line printed every few seconds when standard error is not a terminal.
    public static func plain(rows: Int, fraction: Double?, elapsedSeconds: Double) -> String {
        let rate = elapsedSeconds > 0 ? Int((Double(rows) / elapsedSeconds).rounded()) : 0
        let percent = fraction.map { " (\(Int((min(max($0, 0), 1) * 100).rounded(.down)))%)" } ?? ""
        return "imported \(rows) rows\(percent), \(rate) rows/s"
    }

    /// `m:ss` or `h:mm:ss`; with `fraction`, seconds under a minute keep tenths ("4.2s").
    public static func duration(_ seconds: Double, fraction: Bool) -> String {
        if fraction && seconds < 60 {
            return "\((seconds * 10).rounded() / 10)s"
        }
        let total = Int(seconds.rounded())
        let (hours, minutes, secs) = (total / 3600, total % 3600 / 60, total % 60)
        let twoDigits = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(twoDigits(minutes)):\(twoDigits(secs))" : "\(minutes):\(twoDigits(secs))"
    }

    private static func pad(_ text: String, to width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
