import Testing

@testable import RPC

@Suite struct HostAndPortTests {
    @Test(arguments: [
        ("127.0.0.1:7400", "127.0.0.1", 7400), ("localhost:0", "localhost", 0), ("[::1]:80", "::1", 80),
    ])
    func parses(text: String, host: String, port: Int) {
        #expect(HostAndPort(parsing: text) == HostAndPort(host: host, port: port))
    }

    @Test(arguments: ["", "7400", ":7400", "host:", "host:65536", "host:-1", "host:x"])
    func rejects(text: String) {
        #expect(HostAndPort(parsing: text) == nil)
    }

    @Test func callOptionsRoundTimeoutsUpToWholeMilliseconds() {
        #expect(CallOptions(timeout: .microseconds(1500)).timeoutMilliseconds == 2)
        #expect(CallOptions(timeout: .seconds(2)).timeoutMilliseconds == 2000)
        #expect(CallOptions(timeout: .nanoseconds(1)).timeoutMilliseconds == 1)
        #expect(CallOptions().timeoutMilliseconds == 0)
    }
}
