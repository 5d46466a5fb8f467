import CSVImport
import Testing

@Suite struct ColumnLayoutTests {
    @Test func mapRenamesFileHeadersToFields() throws {
        let mapping = try ColumnMapping(parsing: ["Order Number=order_id", "Kunde = customer_id", "a=b=amount"])
        let layout = try ColumnLayout(
            header: ["Order Number", "Kunde", "placed_at", "a=b", "currency"], kind: .orders, mapping: mapping)
        #expect(layout.index(of: "order_id") == 0)
        #expect(layout.index(of: "customer_id") == 1)
        #expect(layout.index(of: "amount") == 3)
    }

    @Test func malformedMapOptionsAreRefused() {
        #expect(throws: ImportSetupError.self) { try ColumnMapping(parsing: ["order_id"]) }
        #expect(throws: ImportSetupError.self) { try ColumnMapping(parsing: ["=order_id"]) }
        #expect(throws: ImportSetupError.self) { try ColumnMapping(parsing: ["a=order_id", "a=customer_id"]) }
    }

    @Test func attrColumnsBecomeAttributesOfCustomersAndEvents() throws {
        let layout = try ColumnLayout(header: ["customer_id", "attr.tier", "Segment"], kind: .customers,
                                      mapping: ColumnMapping(parsing: ["Segment=attr.segment"]))
        #expect(layout.attributeColumns.map(\.name) == ["tier", "segment"])
        #expect(layout.attributeColumns.map(\.index) == [1, 2])
        #expect(throws: ImportSetupError.self) {
            try ColumnLayout(header: ["currency", "date", "rate", "attr.x"], kind: .rates)
        }
    }

    @Test func unknownColumnIsAStartupErrorListingTheKnownOnes() {
        let error = #expect(throws: ImportSetupError.self) {
            try ColumnLayout(header: ["order_id", "customer_id", "placed_at", "amount", "currency", "ammount"], kind: .orders)
        }
        #expect(error?.message.contains("'ammount'") == true)
        #expect(error?.message.contains("known columns: order_id, customer_id") == true)
    }

    @Test func unknownColumnsCanBeIgnored() throws {
        let layout = try ColumnLayout(header: ["customer_id", "notes"], kind: .customers, ignoreUnknownColumns: true)
        #expect(layout.ignoredColumns == ["notes"])
    }

    @Test func missingRequiredColumnIsAStartupError() {
        let error = #expect(throws: ImportSetupError.self) {
            try ColumnLayout(header: ["customer_id", "placed_at", "amount", "currency"], kind: .orders)
        }
        #expect(error?.message.contains("missing required column order_id") == true)
        #expect(throws: ImportSetupError.self) { try ColumnLayout(header: ["market"], kind: .customers) }
    }

    @Test func eitherAmountSpellingSatisfiesTheRequirementButNotBoth() throws {
        _ = try ColumnLayout(header: ["order_id", "customer_id", "placed_at", "amount_minor", "currency"], kind: .orders)
        #expect(throws: ImportSetupError.self) {
            try ColumnLayout(header: ["order_id", "customer_id", "placed_at", "amount", "amount_minor", "currency"], kind: .orders)
        }
    }

    @Test func mapToAnUnknownFieldOrAMissingColumnIsRefused() {
        #expect(throws: ImportSetupError.self) {
            try ColumnLayout(header: ["id"], kind: .customers, mapping: ColumnMapping(parsing: ["id=customer"]))
        }
        #expect(throws: ImportSetupError.self) {
            try ColumnLayout(header: ["customer_id"], kind: .customers, mapping: ColumnMapping(parsing: ["Kunde=market"]))
        }
    }

    @Test func twoColumnsForOneFieldAreRefused() {
        #expect(throws: ImportSetupError.self) {
            try ColumnLayout(header: ["customer_id", "id"], kind: .customers, mapping: ColumnMapping(parsing: ["id=customer_id"]))
        }
    }
}
