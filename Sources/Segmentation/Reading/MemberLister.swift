import CLVModels
import CLVProto
import Foundation
import RPC
import Store

/// ListSegmentMembers: the last refresh's members matching the filters, streamed in pages in
/// customer-id order (bytewise). Each page is one keyset query on the assignments' primary key,
/// so a page costs the same at the end of a million members as at the start, and a page token
/// resumes exactly after the last member it returned.
struct MemberLister: Sendable {
    let pool: PGPool

    static let defaultPageSize = 1_000
    static let maximumPageSize = 10_000

    func list(_ request: ListSegmentMembersRequest, pages: ResponseStreamWriter<SegmentMembersPage>) async throws {
        let filter = try MemberFilter(request)
        let resumed = try request.pageToken.isEmpty ? nil : PageToken(parsing: request.pageToken)
        let refreshID: Int64 = try await pool.withConnection { connection in
            if let token = resumed {
                let kept = try connection.query(
                    // A refresh still being stored has assignments but no record yet: not listable.
                    """
                    SELECT EXISTS (SELECT 1 FROM segment_refreshes WHERE refresh_id = $1)
                        AND EXISTS (SELECT 1 FROM segment_assignments WHERE refresh_id = $1) AS kept
                    """, [.int(token.refreshID)])[0]
                guard try kept.bool("kept") else {
                    throw RPCError(
                        code: .failedPrecondition,
                        message: "refresh \(token.refreshID) of this page token has been replaced; list again without a page token")
                }
                return token.refreshID
            }
            guard let current = try RefreshRecord.current(on: connection) else {
                throw RPCError(code: .failedPrecondition, message: "no segment refresh yet: call RefreshSegments (clv segments refresh) first")
            }
            return current.refreshID
        }
        // Each page's query starts as soon as the one before has returned (`MemberPageFetch`), so
        // the store reads the next page while this one is decoded, encoded and sent.
        let read: MemberPageFetch.Read = { after, boundary in
            try await pool.withConnection { connection in
                try MemberPageQuery.page(refreshID: refreshID, after: after, filter: filter, on: connection, boundary: boundary)
            }
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            var fetch = MemberPageFetch(after: resumed?.lastCustomerID, in: &group, read: read)
            while true {
                let next = try await fetch.boundary()
                var following: MemberPageFetch?
                if let next { following = MemberPageFetch(after: next, in: &group, read: read) }
                let members = try await fetch.members()
                let token = next.map { PageToken(refreshID: refreshID, lastCustomerID: $0).text } ?? ""
                try await pages.write(SegmentMembersPage(refreshID: UInt64(refreshID), members: members, nextPageToken: token))
                guard let following else { return }
                fetch = following
            }
        }
    }
}

/// Where a listing resumes: the refresh and the last customer id returned, opaque to clients
/// ("m1." + refresh id + "." + the id's UTF-8 in hex).
struct PageToken: Sendable, Hashable {
    var refreshID: Int64
    var lastCustomerID: String

    init(refreshID: Int64, lastCustomerID: String) {
        self.refreshID = refreshID
        self.lastCustomerID = lastCustomerID
    }

    init(parsing text: String) throws(RPCError) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "m1", let refreshID = Int64(parts[1]), refreshID > 0,
            let bytes = Self.bytes(hex: parts[2]), !bytes.isEmpty, let id = String(validating: bytes, as: UTF8.self)
        else { throw .invalidArgument(field: "page_token", "is not a token this service returned") }
        self.init(refreshID: refreshID, lastCustomerID: id)
    }

    var text: String {
        "m1.\(refreshID)." + lastCustomerID.utf8.map { String(format: "%02x", $0) }.joined()
    }

    private static func bytes(hex: Substring) -> [UInt8]? {
        guard hex.count % 2 == 0, hex.count <= 2_000 else { return nil }
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16), byte != 0 else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}
