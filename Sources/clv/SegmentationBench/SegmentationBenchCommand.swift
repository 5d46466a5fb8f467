import ArgumentParser
import CLVModels
import CLVProto
import CLVStubs
import Foundation
import Ingestion
import RPC
import Store

/// `clv bench segments`: RefreshSegments, ListSegmentMembers and TrainChurnModel through a
/// running server on a simulated shop, next to the pandas RFM peer and the scikit-learn churn
/// peers on the same data.
struct SegmentationBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segments",
        abstract: "Refresh segments, stream all members and train the churn model through the server, against pandas and scikit-learn.",
        discussion: """
            The simulated shop (purchases as in `clv bench valuation`, eight markets, six channels, ten events per \
            customer that echo whether they dropped out) is loaded straight into the server's database before any clock \
            starts, then fitted and scored; needs a fresh server and --database-url (or CLV_DATABASE_URL) or --data-dir \
            of its cluster. scripts/bench segments runs it all.
            """)

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "Simulated customers (about ten events each).")
    var customers: Int = 1_000_000

    @Option(help: "Seed of the simulation.")
    var seed: UInt64 = 2012

    @Option(help: "Process id of the server, whose peak RSS (VmHWM) is reported.")
    var serverPID: Int32?

    @Option(help: "Python with pandas and scikit-learn (scripts/setup-peers prints it); without it, no peers.")
    var peersPython: String?

    @Option(help: "The RFM peer script.")
    var rfmScript = "scripts/rfm-peer.py"

    @Option(help: "The churn peer script.")
    var churnScript = "scripts/churn-peer.py"

    @Option(help: "PostgreSQL URL of the server's database (also CLV_DATABASE_URL).")
    var databaseURL: String?

    @Option(help: "Data directory of the server's embedded cluster, instead of --database-url.")
    var dataDir: String?

    func validate() throws {
        guard customers > 0 else { throw ValidationError("--customers must be positive") }
    }

    func run() async throws {
        do {
            let result = try await measure()
            if connection.json { try Output.json(result) } else { print(result.report) }
        } catch {
            Output.fail(error)
        }
    }

    private func measure() async throws -> SegmentationBenchResult {
        let clock = ContinuousClock()
        let lastDay = CalendarDay.today.daysSinceEpoch - 1
        let database = try await BenchDatabase.open(url: databaseURL, dataDirectory: dataDir)
        defer { Task { await database.close() } }
        let client = try await connection.connect()
        defer { Task { await client.close() } }

        note("simulating and loading \(customers) customers")
        var start = clock.now
        let shoppers = SimulatedShopper.population(
            count: customers, purchase: ValuationBenchCommand.purchase, spend: ValuationBenchCommand.spend, lastDay: lastDay,
            acquisitionDays: 730, seed: seed)
        let events = try await SegmentationBenchLoad.load(shoppers, lastDay: lastDay, seed: seed, pool: database.pool)
        let loadSeconds = (clock.now - start).inSeconds

        note("fitting and scoring (not timed)")
        let valuation = ValuationRPC.Client(client: client)
        start = clock.now
        let run = try await valuation.fitModel(
            FitModelRequest(
                purchaseModel: .bgNBD, spendModel: .gammaGamma, calibrationEnd: CalendarDay(daysSinceEpoch: lastDay).text, timeUnit: .week))
        let fitSeconds = (clock.now - start).inSeconds
        start = clock.now
        for try await _ in valuation.scoreCustomers(ScoreCustomersRequest(runID: run.runID)) {}
        let load = SegmentationBenchResult.Load(
            customers: customers, purchasers: shoppers.count, events: events, loadSeconds: loadSeconds, fitSeconds: fitSeconds,
            scoreSeconds: (clock.now - start).inSeconds)

        note("timing RefreshSegments, ListSegmentMembers, TrainChurnModel")
        let segmentation = SegmentationRPC.Client(client: client)
        start = clock.now
        var progress: [RefreshProgress] = []
        for try await message in segmentation.refreshSegments(RefreshSegmentsRequest()) { progress.append(message) }
        let refresh = SegmentationBenchResult.Refresh(seconds: (clock.now - start).inSeconds, progress: progress)

        start = clock.now
        var members = 0, pages = 0
        for try await page in segmentation.listSegmentMembers(ListSegmentMembersRequest(pageSize: 10_000)) {
            members += page.members.count
            pages += 1
        }
        let listing = SegmentationBenchResult.Listing(seconds: (clock.now - start).inSeconds, members: members, pages: pages)

        let trainRequest = TrainChurnModelRequest()
        start = clock.now
        let model = try await segmentation.trainChurnModel(trainRequest)
        let churn = SegmentationBenchResult.Churn(
            seconds: (clock.now - start).inSeconds, trainSeconds: model.trainSeconds, trainCustomers: model.trainCustomers,
            validateCustomers: model.validateCustomers, converged: model.converged,
            auc: Dictionary(model.metrics.map { ($0.scorer, $0.auc) }, uniquingKeysWith: { $1 }))
        let rss = serverPID.flatMap(Self.peakRSSKilobytes)

        var rfm: RFMPeer.Comparison?
        var churnPeer: SegmentationBenchResult.ChurnComparison?
        if let python = peersPython, !python.isEmpty {
            guard let asOf = CalendarDay(parsing: refresh.asOf) else { throw BenchError("the refresh reported no as-of day") }
            note("running the pandas RFM peer and the scikit-learn churn peers")
            let summary = try await RFMSummary.read(asOfDay: asOf.daysSinceEpoch, pool: database.pool)
            rfm = try await RFMPeer(python: python, script: rfmScript).compare(
                summary, refreshID: Int64(refresh.refreshId), pool: database.pool)
            let peer = try await ChurnPeer(python: python, script: churnScript).run(trainRequest, pool: database.pool)
            churnPeer = SegmentationBenchResult.ChurnComparison(
                exportedTrain: peer.counts.train, exportedValidate: peer.counts.validate, peer: peer.output)
        }
        return SegmentationBenchResult(
            load: load, refresh: refresh, listing: listing, churn: churn, peakServerRSSKilobytes: rss, rfm: rfm, churnPeer: churnPeer)
    }

    /// VmHWM of `pid` in kB, from /proc (Linux); nil where it cannot be read.
    static func peakRSSKilobytes(_ pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return nil }
        return Int(line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
    }

    /// Progress on standard error, so that --json output stays one document.
    private func note(_ text: String) {
        FileHandle.standardError.write(Data("clv bench segments: \(text)\n".utf8))
    }
}
