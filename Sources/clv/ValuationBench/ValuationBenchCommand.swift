import ArgumentParser
import CLVModels
import CLVProto
import CLVStubs
import Foundation
import Ingestion
import RPC
import Store
import Valuation

/// `clv bench valuation`: model fitting in-process next to the Python `lifetimes` library on the
/// same summary data, then FitModel and ScoreCustomers through a running server.
struct ValuationBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "valuation",
        abstract: "Fit BG/NBD + Gamma-Gamma on simulated customers, against lifetimes; then fit and score through the server.",
        discussion: """
            The simulated customers (BG/NBD r=0.6, alpha=5 weeks, a=0.8, b=2.5; Gamma-Gamma p=6.25, q=3.74, \
            gamma=15.44 EUR, acquired over two years) are loaded straight into the server's purchase-day table \
            before the clock starts; needs --database-url (or CLV_DATABASE_URL) or --data-dir of its cluster.
            """)

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "Simulated customers.")
    var customers: Int = 1_000_000

    @Option(help: "Seed of the simulation.")
    var seed: UInt64 = 2005

    @Option(help: "Python with lifetimes installed (scripts/setup-lifetimes prints it); without it, no comparison.")
    var lifetimesPython: String?

    @Option(help: "The lifetimes peer script.")
    var lifetimesScript = "scripts/lifetimes-peer.py"

    @Flag(help: "Only the in-process fits (and lifetimes): no server, no database.")
    var fitsOnly = false

    @Option(help: "PostgreSQL URL of the server's database (also CLV_DATABASE_URL).")
    var databaseURL: String?

    @Option(help: "Data directory of the server's embedded cluster, instead of --database-url.")
    var dataDir: String?

    static let purchase = BGNBDParameters(r: 0.6, alpha: 5, a: 0.8, b: 2.5)
    static let spend = GammaGammaParameters(p: 6.25, q: 3.74, gamma: 1_544)

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

    private func measure() async throws -> ValuationBenchResult {
        let lastDay = CalendarDay.today.daysSinceEpoch - 1
        let population = SimulatedCustomer.population(
            count: customers, purchase: Self.purchase, spend: Self.spend, lastDay: lastDay, acquisitionDays: 730, seed: seed)
        let summaries = population.map { $0.summary(lastDay: lastDay) }

        let inProcess = try Self.fitInProcess(summaries)
        var peer: LifetimesPeer.Result?
        if let lifetimesPython, !lifetimesPython.isEmpty {
            peer = try LifetimesPeer(python: lifetimesPython, script: lifetimesScript).fit(
                summaries.map { ($0.history.frequency, $0.history.recency, $0.history.age, $0.meanRepeatValue) })
        }

        guard !fitsOnly else {
            return ValuationBenchResult(customers: customers, inProcess: inProcess, peer: peer, server: nil)
        }
        let database = try await BenchDatabase.open(url: databaseURL, dataDirectory: dataDir)
        defer { Task { await database.close() } }
        try await Self.load(population, pool: database.pool)
        let client = try await connection.connect()
        defer { Task { await client.close() } }
        let valuation = ValuationRPC.Client(client: client)
        let clock = ContinuousClock()
        var start = clock.now
        let run = try await valuation.fitModel(
            FitModelRequest(purchaseModel: .bgNBD, spendModel: .gammaGamma, calibrationEnd: CalendarDay(daysSinceEpoch: lastDay).text, timeUnit: .week))
        let fitSeconds = (clock.now - start).inSeconds
        start = clock.now
        var progress: [ScoreProgress] = []
        for try await message in valuation.scoreCustomers(ScoreCustomersRequest(runID: run.runID)) {
            progress.append(message)
        }
        let scoreSeconds = (clock.now - start).inSeconds
        return ValuationBenchResult(
            customers: customers, inProcess: inProcess, peer: peer,
            server: ValuationBenchResult.Server(fitSeconds: fitSeconds, run: run, scoreSeconds: scoreSeconds, scoreProgress: progress))
    }

    /// Groups and fits as the service does, timed from the summaries to both fits.
    static func fitInProcess(_ summaries: [(history: PurchaseHistory, meanRepeatValue: Double)]) throws -> ValuationBenchResult.InProcess {
        let clock = ContinuousClock()
        let start = clock.now
        let purchase = try BGNBDFitter().fit(try GroupedHistories(summaries.map(\.history)), timeUnit: .week)
        let purchaseDone = clock.now
        let spends = try GroupedSpends(summaries.map { SpendHistory(frequency: $0.history.frequency, meanValue: $0.meanRepeatValue) })
        let spend = try GammaGammaFitter().fit(spends)
        let end = clock.now
        return ValuationBenchResult.InProcess(
            purchase: purchase.parameters, purchaseSummary: purchase.summary, purchaseSeconds: (purchaseDone - start).inSeconds,
            spend: spend.parameters, spendSummary: spend.summary, spendSeconds: (end - purchaseDone).inSeconds, seconds: (end - start).inSeconds)
    }

    /// Loads the customers, their statistics and their purchase days straight into the store,
    /// as ingestion would have left them (not timed).
    static func load(_ population: [SimulatedCustomer], pool: PGPool) async throws {
        let prefix = "vb\(UInt32.random(in: 0...UInt32.max))-"
        _ = try await pool.withConnection { connection in
            try connection.withTransaction { connection in
                _ = try connection.copyIn(
                    "COPY customers (customer_id, described) FROM STDIN",
                    rows: population.lazy.map { [.text(prefix + String($0.id)), .bool(false)] })
                _ = try connection.copyIn(
                    """
                    COPY customer_order_stats (
                        customer_id, first_purchase_at, last_purchase_at, purchase_days, completed_orders, revenue_base_minor,
                        margin_base_minor, margin_orders, cancelled_orders, refunded_orders, returned_orders,
                        refunded_base_minor, first_day_revenue_base_minor, margin_revenue_base_minor)
                    FROM STDIN
                    """,
                    rows: population.lazy.map { customer -> [PGValue] in
                        let revenue = customer.values.reduce(0, +)
                        return [
                            .text(prefix + String(customer.id)), Self.noon(customer.days[0]), Self.noon(customer.days[customer.days.count - 1]),
                            .int(Int64(customer.days.count)), .int(Int64(customer.days.count)), .int(revenue),
                            .int(0), .int(0), .int(0), .int(0), .int(0), .int(0), .int(customer.values[0]), .int(0),
                        ]
                    })
                return try connection.copyIn(
                    "COPY customer_purchase_days (customer_id, day, orders, revenue_base_minor) FROM STDIN",
                    rows: population.lazy.flatMap { customer in
                        zip(customer.days, customer.values).map { day, value -> [PGValue] in
                            [.text(prefix + String(customer.id)), .text(CalendarDay(daysSinceEpoch: day).text), .int(1), .int(value)]
                        }
                    })
            }
        }
        // As autovacuum would have long before a real fit: hint bits set, statistics current.
        try await pool.execute("VACUUM (ANALYZE) customers, customer_order_stats, customer_purchase_days")
    }

    private static func noon(_ day: Int32) -> PGValue {
        .text(CalendarDay(daysSinceEpoch: day).text + " 12:00:00+00")
    }
}
