import Store
import Testing

@Suite("DatabaseConfiguration URL parsing")
struct DatabaseConfigurationTests {
    @Test func parsesEveryPart() throws {
        let configuration = try DatabaseConfiguration(url: "postgresql://app:s3cret@db.example:6543/clv_prod?sslmode=disable&connect_timeout=3")
        #expect(configuration.host == "db.example")
        #expect(configuration.port == 6543)
        #expect(configuration.user == "app")
        #expect(configuration.password == "s3cret")
        #expect(configuration.database == "clv_prod")
        #expect(configuration.connectTimeoutSeconds == 3)
        #expect(configuration.options == ["sslmode": "disable"])
    }

    @Test func decodesPercentEncodingAndIPv6() throws {
        let configuration = try DatabaseConfiguration(url: "postgres://us%65r:p%40ss%2Fw@[::1]:5433/my%20db")
        #expect(configuration.user == "user")
        #expect(configuration.password == "p@ss/w")
        #expect(configuration.host == "::1")
        #expect(configuration.port == 5433)
        #expect(configuration.database == "my db")
    }

    @Test func appliesLibpqDefaults() throws {
        let configuration = try DatabaseConfiguration(url: "postgresql://clv@localhost")
        #expect(configuration.port == 5432)
        #expect(configuration.database == "clv")
        #expect(configuration.password == nil)
        #expect(configuration.connectTimeoutSeconds == 5)
    }

    @Test(arguments: [
        "http://user@host/db",
        "host=localhost user=clv",
        "postgresql://user@host:notaport/db",
        "postgresql://user@host:70000/db",
        "postgresql://host/db",
        "postgresql://user@host/db?no_such_option=1",
        "postgresql://user@host/db?connect_timeout=soon",
        "postgresql://user@a,b/db",
    ])
    func rejectsInvalidURLs(url: String) async {
        let error = await storeError { try DatabaseConfiguration(url: url) }
        #expect(error?.kind == .configuration)
    }

    @Test func descriptionHidesThePassword() throws {
        let configuration = try DatabaseConfiguration(url: "postgresql://app:hunter2-secret@db:5432/clv?sslmode=require&sslpassword=keypass")
        let text = "\(configuration)"
        #expect(!text.contains("hunter2") && !text.contains("keypass"))
        #expect(text == "postgresql://app:********@db:5432/clv?sslmode=require&sslpassword=********")
    }

    @Test func parseErrorsDoNotEchoThePassword() async {
        let error = await storeError { try DatabaseConfiguration(url: "postgresql://app:top%zzsecret@db/clv") }
        #expect(error?.kind == .configuration)
        #expect(error.map { !"\($0)".contains("secret") } == true)
    }

    @Test func withDatabaseChangesOnlyTheDatabase() {
        let base = DatabaseConfiguration(host: "h", port: 1, user: "u", password: "p", database: "a")
        let other = base.withDatabase("b")
        #expect(other.database == "b")
        #expect(other.withDatabase("a") == base)
        #expect(other != base)
    }
}
