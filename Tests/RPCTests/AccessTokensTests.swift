import Testing

@testable import RPC

@Suite struct AccessTokensTests {
    @Test func parsesTokensAndScopes() throws {
        let tokens = try AccessTokens(parsing: """
            # campaign tool
            abc123 value:read segment:read

            admin *
            abc123 ingest:write
            """)
        #expect(tokens.scopes(for: "abc123") == ["value:read", "segment:read", "ingest:write"])
        #expect(tokens.scopes(for: "admin") == ["*"])
        #expect(tokens.scopes(for: "nobody") == nil)
    }

    @Test func namesTheLineOfATokenWithoutScopes() {
        #expect(throws: RPCError.self) { try AccessTokens(parsing: "ok read\nlonely\n") }
        do {
            _ = try AccessTokens(parsing: "ok read\nlonely\n")
        } catch {
            #expect(error.message.contains("line 2"))
        }
    }
}
