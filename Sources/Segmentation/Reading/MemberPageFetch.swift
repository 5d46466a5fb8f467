import CLVProto
import RPC

/// One page of members being read on the store's threads, in a task of the listing's group.
///
/// Its boundary — the id of its last member, or nil when the page is not full and so the last —
/// is known as soon as the page's query has returned, before its rows are decoded and its risks
/// read: the next page's query starts then, and the store works on two pages at once.
struct MemberPageFetch {
    /// Reads the page after an id (from the start for nil), telling `boundary` where it ends first.
    typealias Read = @Sendable (_ after: String?, _ boundary: @escaping @Sendable (String?) -> Void) async throws -> [SegmentMember]

    private var boundaries: AsyncThrowingStream<String?, any Error>.AsyncIterator
    private var pages: AsyncThrowingStream<[SegmentMember], any Error>.AsyncIterator

    /// Starts reading the page after `after` in a task of `group`.
    init(after: String?, in group: inout ThrowingTaskGroup<Void, any Error>, read: @escaping Read) {
        let (boundaries, boundary) = AsyncThrowingStream.makeStream(of: String?.self)
        let (pages, page) = AsyncThrowingStream.makeStream(of: [SegmentMember].self)
        group.addTask {
            // A failure ends both streams with it, so whoever waits on either hears of it.
            do {
                let members = try await read(after) { boundary.yield($0) }
                boundary.finish()
                page.yield(members)
                page.finish()
            } catch {
                boundary.finish(throwing: error)
                page.finish(throwing: error)
            }
        }
        self.boundaries = boundaries.makeAsyncIterator()
        self.pages = pages.makeAsyncIterator()
    }

    /// Where the page ends: the id the next page starts after, or nil for the last page.
    mutating func boundary() async throws -> String? {
        guard let boundary = try await boundaries.next() else {
            throw RPCError(code: .internal, message: "a page of members was read without saying where it ends")
        }
        return boundary
    }

    /// The page's members, decoded and with their risks.
    mutating func members() async throws -> [SegmentMember] {
        guard let members = try await pages.next() else {
            throw RPCError(code: .internal, message: "a page of members ended without its members")
        }
        return members
    }
}
