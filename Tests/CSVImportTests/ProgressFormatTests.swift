import CSVImport
import Testing

@Suite struct ProgressFormatTests {
    @Test func barShowsShareRowsRateAndETA() {
        #expect(ProgressFormat.bar(rows: 120_000, fraction: 0.25, elapsedSeconds: 10, width: 8)
            == "[##------]  25%  120000 rows  12000 rows/s  ETA 0:30")
    }

    @Test func barWithoutAKnownSizeShowsElapsedTime() {
        #expect(ProgressFormat.bar(rows: 50, fraction: nil, elapsedSeconds: 65) == "50 rows  1 rows/s  1:05")
    }

    @Test func plainLine() {
        #expect(ProgressFormat.plain(rows: 120_000, fraction: 0.5, elapsedSeconds: 3) == "imported 120000 rows (50%), 40000 rows/s")
        #expect(ProgressFormat.plain(rows: 0, fraction: nil, elapsedSeconds: 0) == "imported 0 rows, 0 rows/s")
    }

    @Test func durations() {
        #expect(ProgressFormat.duration(4.24, fraction: true) == "4.2s")
        #expect(ProgressFormat.duration(3725, fraction: false) == "1:02:05")
    }
}
