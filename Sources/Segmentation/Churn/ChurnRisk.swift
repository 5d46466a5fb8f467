import Store

/// A customer's risk under the current churn model.
struct ChurnRisk: Sendable {
    var modelID: Int64
    var risk: Double

    static func current(customerID: String, on connection: PGConnection) throws -> ChurnRisk? {
        try connection.query(
            """
            SELECT r.model_id, r.risk FROM churn_current_model m
            JOIN customer_churn_risks r ON r.model_id = m.model_id AND r.customer_id = $1
            """, [.text(customerID)]
        ).first.map { ChurnRisk(modelID: try $0.int("model_id"), risk: try $0.double("risk")) }
    }
}
