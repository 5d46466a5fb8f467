import CLVProto
import Testing

/// Messages are laid out, and unpacked, in an arena of growing blocks: a message far larger than
/// one block, and a value larger than the largest, come back as they went.
@Suite struct ArenaTests {
    static func page(members count: Int, longChannel: Int = 0) -> SegmentMembersPage {
        var members: [SegmentMember] = []
        for index in 0..<count {
            let rfm: RFMScore? =
                index % 5 == 0 ? nil : RFMScore(recency: 1, frequency: 2, monetary: UInt32(index % 5), composite: Double(index) / 7)
            let channel = index == count / 2 ? String(repeating: "c", count: longChannel) : "search"
            let warnings: [WarningCode] = index % 2 == 0 ? [] : [.frequencyDrop, .issuesRising]
            members.append(
                SegmentMember(
                    customerID: "customer-\(index)-with-an-id-past-the-small-string-size", market: index % 3 == 0 ? "DE" : "FR",
                    acquisitionChannel: channel, rfm: rfm, segment: .champions, stage: .mature, tier: .high, value: Double(index) * 1.5,
                    warnings: warnings, driver: .price, churnRisk: 0.25, hasChurnRisk: index % 4 == 0, probabilityAlive: 0.5,
                    hasProbabilityAlive: true))
        }
        return SegmentMembersPage(refreshID: 7, members: members, nextPageToken: "m1.7.6a")
    }

    @Test func aPageOfManyBlocksAndAValuePastTheLargestBlockRoundTrip() throws {
        let page = Self.page(members: 30_000, longChannel: 3 << 20)
        let bytes = page.serializedBytes()
        #expect(bytes.count > 6 << 20)
        let decoded = try SegmentMembersPage(serializedBytes: bytes)
        #expect(decoded == page)
        #expect(decoded.members[15_000].acquisitionChannel.utf8.count == 3 << 20)
        #expect(decoded.serializedBytes() == bytes)
    }

    @Test func aBadStringDeepInARepeatedFieldIsNamedByItsIndex() throws {
        // Members 0 to 3, each with packed warnings around its strings: only members count.
        var bytes = Self.page(members: 4).serializedBytes()
        let id = Array("customer-2-".utf8)
        let at = try #require((0...(bytes.count - id.count)).first { Array(bytes[$0..<$0 + id.count]) == id })
        bytes[at + 9] = 0xFF
        let expected = ProtoDecodingError(messageName: SegmentMembersPage.protoName, field: "members[2].customer_id", reason: "is not valid UTF-8")
        #expect(throws: expected) {
            try SegmentMembersPage(serializedBytes: bytes)
        }
    }
}
