/// Every problem of one row: a row is rejected with all that is wrong with it, not the first.
public struct RowProblems: Error, Sendable, Hashable {
    public var problems: [FieldProblem]

    public init(_ problems: [FieldProblem]) {
        self.problems = problems
    }
}

/// Gathers the problems of a row while a mapper reads its cells.
struct ProblemCollector {
    private(set) var problems: [FieldProblem] = []

    /// The value `read` gives, or nil with its problem noted.
    mutating func check<Value>(_ read: () throws(FieldProblem) -> Value) -> Value? {
        do {
            return try read()
        } catch {
            problems.append(error)
            return nil
        }
    }

    mutating func add(_ problem: FieldProblem) {
        problems.append(problem)
    }

    /// Throws the problems gathered, if any.
    func finish() throws(RowProblems) {
        if !problems.isEmpty { throw RowProblems(problems) }
    }
}
