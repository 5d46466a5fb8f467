import Store

/// The valuation service's schema: model runs, kept forever, and the customers' scores of the
/// current scoring. Versions 200–299 belong to this service.
public enum ValuationMigrations {
    public static let all: [Migration] = [
        Migration(version: 200, name: "valuation runs and scores", sql: runsAndScores)
    ]

    static let runsAndScores = """
        -- A fitted model. Never updated: a new fit is a new run.
        CREATE TABLE valuation_runs (
            run_id bigserial PRIMARY KEY,
            purchase_model text NOT NULL CHECK (purchase_model IN ('bg_nbd', 'pareto_nbd')),
            spend_model text NOT NULL CHECK (spend_model IN ('gamma_gamma', 'none')),
            calibration_end date NOT NULL,
            time_unit text NOT NULL CHECK (time_unit IN ('day', 'week', 'month')),
            -- In the model's order: r, alpha, a, b (BG/NBD) or r, alpha, s, beta (Pareto/NBD); p, q, gamma.
            purchase_parameters float8[] NOT NULL,
            spend_parameters float8[],
            -- The fits as reported: parameters with standard errors, log-likelihood, iterations, status.
            fits jsonb NOT NULL,
            fit_seconds float8 NOT NULL,
            data_cutoff date,
            customers bigint NOT NULL,
            annual_retention_rate float8 NOT NULL,
            observed_margin_rate float8 NOT NULL,
            base_currency text NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now()
        );

        -- A run applied to every customer.
        CREATE TABLE valuation_scorings (
            scoring_id bigserial PRIMARY KEY,
            run_id bigint NOT NULL REFERENCES valuation_runs,
            horizon float8 NOT NULL,
            annual_discount_rate float8 NOT NULL,
            margin_rate float8 NOT NULL,
            customers bigint NOT NULL,
            seconds float8 NOT NULL,
            completed_at timestamptz NOT NULL DEFAULT now()
        );

        -- The scoring whose scores are current: one row, switched in the scoring's own transaction,
        -- so readers see the previous scores or the new ones, never a mix.
        CREATE TABLE valuation_current_scoring (
            singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
            scoring_id bigint NOT NULL REFERENCES valuation_scorings
        );

        -- Money in minor units of the base currency, as expectations.
        CREATE TABLE customer_scores (
            scoring_id bigint NOT NULL,
            customer_id text NOT NULL,
            probability_alive float8 NOT NULL,
            expected_purchases float8 NOT NULL,
            expected_average_order float8 NOT NULL,
            clv float8 NOT NULL,
            PRIMARY KEY (scoring_id, customer_id)
        );
        """
}
