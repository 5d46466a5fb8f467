import RPC

extension RPCError: RPCErrorDescribable {
    var cliDescription: String {
        var text = "\(code): \(message)"
        for violation in fieldViolations where !message.contains(violation.field) {
            text += "\n  \(violation.field): \(violation.description)"
        }
        return text
    }
}
