import ArgumentParser

/// What `clv` does to its arguments before ArgumentParser reads them: people put the connection
/// options before the subcommand as often as after it, and mistype subcommands.
enum CommandLineArguments {
    /// Options that every calling command takes, with whether each takes a value.
    static let globalOptions: [String: Bool] = ["--server": true, "--token": true, "--json": false]

    /// Moves the global options that stand before the subcommand to its end (before a `--`), so
    /// `clv --server H:P --json stats` reads as `clv stats --server H:P --json`.
    static func hoistingGlobalOptions(_ arguments: [String]) -> [String] {
        var hoisted: [String] = []
        var rest: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let name = String(argument.split(separator: "=", maxSplits: 1).first ?? "")
            guard rest.isEmpty, let takesValue = globalOptions[name] else {
                rest.append(contentsOf: arguments[index...])
                break
            }
            hoisted.append(argument)
            if takesValue, !argument.contains("="), index + 1 < arguments.count {
                hoisted.append(arguments[index + 1])
                index += 1
            }
            index += 1
        }
        guard !hoisted.isEmpty else { return arguments }
        let end = rest.firstIndex(of: "--") ?? rest.endIndex
        rest.insert(contentsOf: hoisted, at: end)
        return rest
    }

    /// Whether the arguments ask for JSON output (`--json` before any `--`).
    static func requestsJSON(_ arguments: [String]) -> Bool {
        arguments.prefix { $0 != "--" }.contains("--json")
    }

    /// A usage error for a subcommand name that does not exist, with the nearest one, e.g.
    /// "unknown command 'valu' for 'clv' — did you mean 'value'?"; nil when every name is known.
    static func unknownCommand(in arguments: [String], root: CommandTree) -> String? {
        var command = root
        var path = [root.name]
        for argument in arguments {
            if argument.hasPrefix("-") { return nil }  // options come after the commands: ArgumentParser's turn
            guard !command.subcommands.isEmpty, !command.hasDefaultSubcommand, argument != "help" else { return nil }
            guard let next = command.subcommands.first(where: { $0.names.contains(argument) }) else {
                let known = command.subcommands.map(\.name)
                var message = "unknown command '\(argument)' for '\(path.joined(separator: " "))'"
                if let nearest = nearest(to: argument, among: known) { message += " — did you mean '\(nearest)'?" }
                return message + "\ncommands: " + known.joined(separator: ", ")
            }
            command = next
            path.append(argument)
        }
        return nil
    }

    /// A command's names and subcommands, read once from ArgumentParser's configurations.
    struct CommandTree {
        let name: String
        let names: [String]
        let hasDefaultSubcommand: Bool
        let subcommands: [CommandTree]

        init(_ command: any ParsableCommand.Type) {
            let configuration = command.configuration
            name = configuration.commandName ?? "clv"
            names = [name] + configuration.aliases
            hasDefaultSubcommand = configuration.defaultSubcommand != nil
            subcommands = configuration.subcommands.map(CommandTree.init)
        }
    }

    /// The known name a typo most likely meant: the only one it begins, else the closest by edit
    /// distance, if close enough to be a typo rather than another word.
    static func nearest(to typed: String, among known: [String]) -> String? {
        let prefixed = known.filter { $0.hasPrefix(typed) }
        if prefixed.count == 1 { return prefixed[0] }
        let scored = known.map { ($0, editDistance(typed, $0)) }.min { $0.1 < $1.1 }
        guard let (name, distance) = scored, distance <= max(1, min(typed.count, name.count) / 3) else { return nil }
        return name
    }

    /// Edit distance counting a swap of neighbours as one edit (optimal string alignment), by characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var d = (0...a.count).map { i in (0...b.count).map { j in i == 0 ? j : (j == 0 ? i : 0) } }
        for i in 1...a.count {
            for j in 1...b.count {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
