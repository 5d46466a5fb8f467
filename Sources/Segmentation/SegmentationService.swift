import CLVProto
import CLVStubs
import Logging
import RPC
import Store

/// `clv.segmentation.v1.Segmentation`: where each customer stands and why. A refresh places
/// every customer and replaces the stored assignment at once; a customer's card recomputes at
/// the call from the current statistics; the churn model is trained on a later time split.
public struct SegmentationService: SegmentationRPC.ServiceProtocol {
    private let refresher: SegmentRefresher
    private let customers: CustomerSegmentsReader
    private let members: MemberLister
    private let summarizer: SegmentSummarizer
    private let transitionReader: TransitionReader
    private let churn: ChurnTrainer

    public init(pool: PGPool, logger: Logger) {
        refresher = SegmentRefresher(pool: pool)
        customers = CustomerSegmentsReader(pool: pool)
        members = MemberLister(pool: pool)
        summarizer = SegmentSummarizer(pool: pool)
        transitionReader = TransitionReader(pool: pool)
        churn = ChurnTrainer(pool: pool, logger: logger)
    }

    public func refreshSegments(
        _ request: RefreshSegmentsRequest, responses: ResponseStreamWriter<RefreshProgress>, context: ServerCallContext
    ) async throws {
        try await refresher.refresh(request, progress: responses)
    }

    public func getCustomerSegments(_ request: GetCustomerSegmentsRequest, context: ServerCallContext) async throws -> CustomerSegments {
        try await customers.segments(request)
    }

    public func listSegmentMembers(
        _ request: ListSegmentMembersRequest, responses: ResponseStreamWriter<SegmentMembersPage>, context: ServerCallContext
    ) async throws {
        try await members.list(request, pages: responses)
    }

    public func segmentSummary(_ request: SegmentSummaryRequest, context: ServerCallContext) async throws -> SegmentSummaryResponse {
        try await summarizer.summary(request)
    }

    public func segmentTransitions(_ request: SegmentTransitionsRequest, context: ServerCallContext) async throws -> SegmentTransitionsResponse {
        try await transitionReader.transitions(request)
    }

    public func trainChurnModel(_ request: TrainChurnModelRequest, context: ServerCallContext) async throws -> ChurnModel {
        try await churn.train(request)
    }

    public func churnModelReport(_ request: ChurnModelReportRequest, context: ServerCallContext) async throws -> ChurnModel {
        try await churn.report(request)
    }
}
