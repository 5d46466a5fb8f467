import Store

/// The segmentation service's schema: refreshes, kept forever with their settings and cut
/// points; the assignments of the current and the previous refresh; stage changes and migration
/// matrices, kept forever; churn models with their per-customer risks. Versions 300–399.
public enum SegmentationMigrations {
    public static let all: [Migration] = [
        Migration(version: 300, name: "segment refreshes and assignments", sql: refreshes),
        Migration(version: 301, name: "churn models", sql: churnModels),
        Migration(version: 302, name: "assignment evidence as JSON text", sql: evidenceAsText),
    ]

    /// The evidence is only ever read back whole, never queried into; as jsonb, parsing a
    /// million documents cost a refresh's COPY about a third of its time (docs/benchmarks.md).
    static let evidenceAsText = """
        ALTER TABLE segment_assignments ALTER COLUMN evidence TYPE text USING evidence::text;
        """

    static let refreshes = """
        -- A refresh: never updated. settings and cut_points are what GetCustomerSegments measures
        -- current statistics against; valuation_run_id gave the P(alive) of the stages.
        CREATE TABLE segment_refreshes (
            refresh_id bigserial PRIMARY KEY,
            as_of date NOT NULL,
            settings jsonb NOT NULL,
            cut_points jsonb NOT NULL,
            high_tier_from float8 NOT NULL,
            medium_tier_from float8 NOT NULL,
            value_basis jsonb NOT NULL,
            valuation_run_id bigint,
            customers bigint NOT NULL,
            purchasers bigint NOT NULL,
            customers_with_warnings bigint NOT NULL,
            stage_changes bigint NOT NULL,
            previous_refresh_id bigint,
            seconds float8 NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now()
        );

        -- The refresh whose assignments are current: switched in the refresh's own transaction,
        -- so readers see the previous assignment or the new one, never a mix.
        CREATE TABLE segment_current_refresh (
            singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
            refresh_id bigint NOT NULL REFERENCES segment_refreshes
        );

        -- Every customer's place in a refresh; the current and the previous refresh are kept.
        -- RFM columns and segment are NULL for customers without a purchase. Ids compare bytewise
        -- (COLLATE "C") so that member pages follow the primary key's order in any database locale.
        CREATE TABLE segment_assignments (
            refresh_id bigint NOT NULL,
            customer_id text COLLATE "C" NOT NULL,
            market text,
            acquisition_channel text,
            recency smallint,
            frequency smallint,
            monetary smallint,
            composite float8,
            segment text,
            stage text NOT NULL,
            tier text NOT NULL,
            value float8 NOT NULL,
            probability_alive float8,
            warnings text[] NOT NULL,
            -- The warnings with their numbers, as GetCustomerSegments returns them.
            evidence jsonb NOT NULL,
            driver text,
            PRIMARY KEY (refresh_id, customer_id)
        );

        -- Lifecycle stage changes between consecutive refreshes, kept forever.
        CREATE TABLE customer_stage_changes (
            customer_id text NOT NULL,
            refresh_id bigint NOT NULL,
            as_of date NOT NULL,
            from_stage text,
            to_stage text NOT NULL,
            PRIMARY KEY (customer_id, refresh_id)
        );

        -- Migration matrices: customers per (from, to) between a refresh and the one before it.
        CREATE TABLE segment_transitions (
            refresh_id bigint NOT NULL,
            kind text NOT NULL CHECK (kind IN ('segment', 'stage', 'tier')),
            -- '' when the customer was not in the earlier refresh, or had no segment.
            from_name text NOT NULL,
            to_name text NOT NULL,
            customers bigint NOT NULL,
            PRIMARY KEY (refresh_id, kind, from_name, to_name)
        );
        """

    static let churnModels = """
        -- A trained churn-risk model: its coefficients and its report (a clv.segmentation.v1.ChurnModel).
        CREATE TABLE churn_models (
            model_id bigserial PRIMARY KEY,
            window_days integer NOT NULL,
            train_cutoff date NOT NULL,
            validate_cutoff date NOT NULL,
            model jsonb NOT NULL,
            report bytea NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now()
        );

        CREATE TABLE churn_current_model (
            singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
            model_id bigint NOT NULL REFERENCES churn_models
        );

        -- P(no purchase in the model's window) of each customer, as of the model's scoring; the
        -- current model's risks are kept.
        CREATE TABLE customer_churn_risks (
            model_id bigint NOT NULL,
            customer_id text COLLATE "C" NOT NULL,
            risk float8 NOT NULL,
            PRIMARY KEY (model_id, customer_id)
        );
        """
}
