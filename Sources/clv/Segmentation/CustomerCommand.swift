import ArgumentParser
import CLVProto
import CLVStubs
import RPC
import Valuation

/// `clv customer ID`: the value card and the segments card of one customer.
struct CustomerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customer",
        abstract: "Show one customer whole: the value card (as clv value) and the segments card, current beside stored.",
        discussion: """
            The value card needs a fitted model run, the segments card a refresh; when one of \
            them does not exist yet (NOT_FOUND or FAILED_PRECONDITION) the other is shown alone, \
            and the command fails only when both do. Money in major units of the base currency; \
            days are UTC days. --json prints {"value": …, "segments": …}, null for a card that \
            could not be had, with its error beside it.
            """)

    @Argument(help: "The shop's customer id.")
    var customerID: String

    @OptionGroup var value: ValueArguments
    @OptionGroup var connection: ConnectionOptions

    struct Report: Encodable {
        @NullWhenUnknown var value: CustomerValueReport? = nil
        @NullWhenUnknown var segments: CustomerSegmentsReport? = nil
        @NullWhenUnknown var valueError: ErrorReport? = nil
        @NullWhenUnknown var segmentsError: ErrorReport? = nil
    }

    /// A card's failure that leaves the other card worth showing: the data behind it is not there yet.
    static func isMissing(_ error: RPCError) -> Bool {
        error.code == .notFound || error.code == .failedPrecondition
    }

    /// The card, or the error that says it is not there yet; any other error is thrown.
    private static func card<Card>(_ fetch: () async throws -> Card) async throws -> (Card?, ErrorReport?) {
        do {
            return (try await fetch(), nil)
        } catch let error as RPCError where isMissing(error) {
            return (nil, ErrorReport(error))
        }
    }

    func run() async throws {
        var report = Report()
        do {
            let client = try await connection.connect()
            defer { Task { await client.close() } }
            let request = GetCustomerValueRequest(customerID: customerID, runID: value.run ?? 0, terms: value.terms)
            (report.value, report.valueError) = try await Self.card {
                CustomerValueReport(try await ValuationRPC.Client(client: client).getCustomerValue(request))
            }
            (report.segments, report.segmentsError) = try await Self.card {
                CustomerSegmentsReport(
                    try await SegmentationRPC.Client(client: client).getCustomerSegments(GetCustomerSegmentsRequest(customerID: customerID)))
            }
        } catch {
            Output.fail(error)
        }
        // Both missing: the segments' error, the one this command is about.
        if report.value == nil, report.segments == nil, let error = report.segmentsError ?? report.valueError {
            Output.fail(error)
        }
        if connection.json {
            try Output.json(report)
            return
        }
        if let card = report.value {
            Output.table(card.rows)
        } else if let error = report.valueError {
            print("value: \(error.text)")
        }
        print("")
        if let card = report.segments {
            print(card.text)
        } else if let error = report.segmentsError {
            print("segments: \(error.text)")
        }
    }
}
