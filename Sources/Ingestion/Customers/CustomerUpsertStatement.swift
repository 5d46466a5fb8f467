import Store

/// Inserts or replaces customer descriptions; a row identical to what is stored is not touched,
/// so a replay reports no change.
enum CustomerUpsertStatement {
    static let sql = """
        INSERT INTO customers AS c (
            customer_id, described, market, acquisition_channel, acquisition_cost_minor,
            acquisition_cost_currency, acquisition_cost_base_minor, acquired_on, email_hash, phone_hash, attributes)
        SELECT customer_id, true, market, channel, cost_minor, cost_currency, cost_base_minor, acquired_on::date,
               email_hash, phone_hash, attributes::jsonb
        FROM unnest($1::text[], $2::text[], $3::text[], $4::int8[], $5::text[], $6::int8[], $7::text[],
                    $8::text[], $9::text[], $10::text[])
            AS i(customer_id, market, channel, cost_minor, cost_currency, cost_base_minor, acquired_on,
                 email_hash, phone_hash, attributes)
        ORDER BY customer_id
        ON CONFLICT (customer_id) DO UPDATE SET
            described = true,
            market = excluded.market,
            acquisition_channel = excluded.acquisition_channel,
            acquisition_cost_minor = excluded.acquisition_cost_minor,
            acquisition_cost_currency = excluded.acquisition_cost_currency,
            acquisition_cost_base_minor = excluded.acquisition_cost_base_minor,
            acquired_on = excluded.acquired_on,
            email_hash = excluded.email_hash,
            phone_hash = excluded.phone_hash,
            attributes = excluded.attributes,
            updated_at = now()
        WHERE (c.described, c.market, c.acquisition_channel, c.acquisition_cost_minor, c.acquisition_cost_currency,
               c.acquisition_cost_base_minor, c.acquired_on, c.email_hash, c.phone_hash, c.attributes)
            IS DISTINCT FROM
              (true, excluded.market, excluded.acquisition_channel, excluded.acquisition_cost_minor,
               excluded.acquisition_cost_currency, excluded.acquisition_cost_base_minor, excluded.acquired_on,
               excluded.email_hash, excluded.phone_hash, excluded.attributes)
        RETURNING customer_id, (xmax = 0) AS inserted
        """

    static func parameters(_ customers: [ValidCustomer]) -> [PGValue] {
        [
            .textArray(customers.map(\.customerID)),
            .textArray(customers.map(\.market)),
            .textArray(customers.map(\.acquisitionChannel)),
            .intArray(customers.map(\.acquisitionCostMinor)),
            .textArray(customers.map(\.acquisitionCostCurrency)),
            .intArray(customers.map(\.acquisitionCostBaseMinor)),
            .textArray(customers.map { $0.acquiredOn?.text }),
            .textArray(customers.map(\.emailHash)),
            .textArray(customers.map(\.phoneHash)),
            .textArray(customers.map(\.attributesJSON)),
        ]
    }
}
