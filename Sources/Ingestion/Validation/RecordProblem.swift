import RPC

/// Why one record cannot be stored: the field at fault, a sentence, and the status code.
struct RecordProblem: Error, Sendable, Hashable {
    var field: String
    var reason: String
    var code: RPCStatusCode

    static func invalid(_ field: String, _ reason: String) -> RecordProblem {
        RecordProblem(field: field, reason: reason, code: .invalidArgument)
    }

    static func conflict(_ field: String, _ reason: String) -> RecordProblem {
        RecordProblem(field: field, reason: reason, code: .alreadyExists)
    }

    static func precondition(_ field: String, _ reason: String) -> RecordProblem {
        RecordProblem(field: field, reason: reason, code: .failedPrecondition)
    }
}
