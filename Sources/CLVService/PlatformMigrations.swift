import Store

/// Schema shared by every service.
public enum PlatformMigrations {
    public static let all: [Migration] = [
        Migration(
            version: 1, name: "settings",
            sql: """
                CREATE TABLE clv_settings (
                    key text PRIMARY KEY,
                    value text NOT NULL,
                    updated_at timestamptz NOT NULL DEFAULT now()
                );
                COMMENT ON TABLE clv_settings IS
                    'Shop-wide settings that are configured once, such as the base currency.';
                """)
    ]
}
