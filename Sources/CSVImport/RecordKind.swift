/// What a CSV file holds: one kind of ingestion record per file.
public enum RecordKind: String, Sendable, CaseIterable {
    case customers
    case orders
    case events
    case rates

    /// Every column name the kind understands, in the order the docs list them.
    ///
    /// Money columns come in two spellings: decimal major units (`amount`, "12.50") or integer
    /// minor units (`amount_minor`, 1250); a file uses one or the other.
    public var fields: [String] {
        switch self {
        case .customers:
            ["customer_id", "market", "acquisition_channel", "acquisition_cost", "acquisition_cost_minor",
             "acquisition_cost_currency", "acquired_on", "email", "phone"]
        case .orders:
            ["order_id", "customer_id", "placed_at", "amount", "amount_minor", "currency",
             "gross_margin", "gross_margin_minor", "cost", "cost_minor", "platform", "item_count", "status"]
        case .events:
            ["event_id", "customer_id", "occurred_at", "type", "score"]
        case .rates:
            ["currency", "date", "rate"]
        }
    }

    /// Columns the file must have; each entry lists alternatives, one of which must be present.
    public var requiredFields: [[String]] {
        switch self {
        case .customers: [["customer_id"]]
        case .orders: [["order_id"], ["customer_id"], ["placed_at"], ["amount", "amount_minor"], ["currency"]]
        case .events: [["event_id"], ["customer_id"], ["occurred_at"], ["type"]]
        case .rates: [["currency"], ["date"], ["rate"]]
        }
    }

    /// Pairs of columns that say the same thing in two units; a file may not carry both.
    var exclusiveFields: [(String, String)] {
        switch self {
        case .customers: [("acquisition_cost", "acquisition_cost_minor")]
        case .orders: [("amount", "amount_minor"), ("gross_margin", "gross_margin_minor"), ("cost", "cost_minor")]
        case .events, .rates: []
        }
    }

    /// Whether `attr.NAME` columns become free attributes of the record.
    public var acceptsAttributes: Bool {
        self == .customers || self == .events
    }
}
