import CLVProto
import Ingestion
import Testing

/// A customer that breaks one validation rule, and the field its rejection must name.
struct CustomerValidationCase: Sendable, CustomTestStringConvertible {
    let name: String
    let field: String
    let customer: Customer

    var testDescription: String { name }

    init(_ name: String, field: String, change: (inout Customer) -> Void) {
        var customer = Customer(customerID: "c-bad", market: "DE", acquisitionChannel: "paid_search")
        change(&customer)
        self.name = name
        self.field = field
        self.customer = customer
    }

    static let all: [CustomerValidationCase] = [
        CustomerValidationCase("empty customer_id", field: "customer_id") { $0.customerID = "" },
        CustomerValidationCase("customer_id with a control character", field: "customer_id") { $0.customerID = "c\u{08}bad" },
        CustomerValidationCase("lower-case market", field: "market") { $0.market = "de" },
        CustomerValidationCase("unassigned market ZZ", field: "market") { $0.market = "ZZ" },
        CustomerValidationCase("three-letter market", field: "market") { $0.market = "DEU" },
        CustomerValidationCase("channel of 101 characters", field: "acquisition_channel") {
            $0.acquisitionChannel = String(repeating: "c", count: 101)
        },
        CustomerValidationCase("30 February", field: "acquired_on") { $0.acquiredOn = "2026-02-30" },
        CustomerValidationCase("acquired_on not ISO", field: "acquired_on") { $0.acquiredOn = "02.03.2026" },
        CustomerValidationCase("acquired_on with a time", field: "acquired_on") { $0.acquiredOn = "2026-03-02T10:00" },
        CustomerValidationCase("acquired_on in three days", field: "acquired_on") {
            $0.acquiredOn = CalendarDay(unixMilliseconds: WallClock.nowMilliseconds + 72 * WallClock.hour).text
        },
        CustomerValidationCase("cost without acquired_on", field: "acquired_on") {
            $0.acquisitionCost = Money(minorUnits: 500, currency: "EUR")
        },
        CustomerValidationCase("negative cost", field: "acquisition_cost.minor_units") {
            $0.acquisitionCost = Money(minorUnits: -500, currency: "EUR")
            $0.acquiredOn = "2026-03-02"
        },
        CustomerValidationCase("lower-case cost currency", field: "acquisition_cost.currency") {
            $0.acquisitionCost = Money(minorUnits: 500, currency: "usd")
            $0.acquiredOn = "2026-03-02"
        },
        CustomerValidationCase("e-mail without @", field: "email") { $0.email = "jane.example.com" },
        CustomerValidationCase("e-mail with two @", field: "email") { $0.email = "jane@doe@example.com" },
        CustomerValidationCase("e-mail without local part", field: "email") { $0.email = "@example.com" },
        CustomerValidationCase("e-mail without domain", field: "email") { $0.email = "jane@" },
        CustomerValidationCase("e-mail of white space", field: "email") { $0.email = "   " },
        CustomerValidationCase("phone of 4 digits", field: "phone") { $0.phone = "12-34" },
        CustomerValidationCase("phone with letters", field: "phone") { $0.phone = "+1 555 0100 ext 12" },
        CustomerValidationCase("phone of 16 digits", field: "phone") { $0.phone = "+1234567890123456" },
        CustomerValidationCase("51 attributes", field: "attributes") {
            $0.attributes = Dictionary(uniqueKeysWithValues: (0..<51).map { ("k\($0)", "v") })
        },
        CustomerValidationCase("attribute value of 1001 characters", field: "attributes.note") {
            $0.attributes = ["note": String(repeating: "v", count: 1_001)]
        },
    ]
}
