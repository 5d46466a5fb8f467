import CLVProto
import Ingestion
import Store

/// Churn models as stored: never updated, the current one switched with its scores.
enum ChurnModelStore {
    static func store(
        _ report: ChurnModel, model: String, plan: ChurnTrainer.Plan, customers: [String], risks: [Double], on connection: PGConnection
    ) throws -> Int64 {
        let modelID = try connection.query(
            """
            INSERT INTO churn_models (window_days, train_cutoff, validate_cutoff, model, report)
            VALUES ($1, $2::date, $3::date, $4::jsonb, $5) RETURNING model_id
            """,
            [
                .int(Int64(plan.windowDays)), .text(CalendarDay(daysSinceEpoch: plan.trainCutoff).text),
                .text(CalendarDay(daysSinceEpoch: plan.validateCutoff).text), .text(model), .bytes([]),
            ])[0].int("model_id")
        var numbered = report
        numbered.modelID = UInt64(modelID)
        try connection.execute(
            "UPDATE churn_models SET report = $2, created_at = now() WHERE model_id = $1", [.int(modelID), .bytes(numbered.serializedBytes())])
        _ = try connection.copyIn(
            "COPY customer_churn_risks (model_id, customer_id, risk) FROM STDIN",
            rows: zip(customers, risks).lazy.map { [.int(modelID), .text($0), .double($1)] })
        try connection.execute(
            """
            INSERT INTO churn_current_model (singleton, model_id) VALUES (true, $1)
            ON CONFLICT (singleton) DO UPDATE SET model_id = excluded.model_id
            """, [.int(modelID)])
        return modelID
    }

    /// Model `modelID`, or the current one for 0.
    static func read(_ modelID: Int64, on connection: PGConnection) throws -> ChurnModel? {
        let rows =
            modelID == 0
            ? try connection.query(
                "SELECT report, (extract(epoch FROM created_at) * 1000)::int8 AS created_ms FROM churn_models "
                    + "WHERE model_id = (SELECT model_id FROM churn_current_model)")
            : try connection.query(
                "SELECT report, (extract(epoch FROM created_at) * 1000)::int8 AS created_ms FROM churn_models WHERE model_id = $1",
                [.int(modelID)])
        guard let row = rows.first else { return nil }
        var model = try ChurnModel(serializedBytes: try row.bytes("report"))
        model.createdAtUnixMs = try row.int("created_ms")
        return model
    }
}
