import ArgumentParser
import UnrollDiagnostics
import UnrollRunner

/// Checks the names after `unroll help`, which the argument parser's built-in help command does not.
enum HelpRequest {
    /// The usage error for `help NAME…` when a name is not a subcommand of the command before it, with the
    /// closest name as a did-you-mean and the names there are; nil for any other command line.
    static func unknownSubcommand(in arguments: [String], of root: ParsableCommand.Type) -> UsageError? {
        guard arguments.first == "help" else { return nil }
        var command: ParsableCommand.Type = root
        var path = [name(of: root)]
        for name in arguments.dropFirst() where !name.hasPrefix("-") {
            if name == "help" { return nil }   // the parser's own help command, at any level
            let names = command.configuration.subcommands.map { self.name(of: $0) }
            if let index = names.firstIndex(of: name) {
                command = command.configuration.subcommands[index]
                path.append(name)
                continue
            }
            if names.isEmpty {
                return UsageError("'\(path.joined(separator: " "))' has no subcommands, so there is no help for '\(name)'")
            }
            return UsageError("unknown subcommand '\(name)' for '\(path.joined(separator: " "))'"
                + Suggestion.hint(Suggestion.closest(to: name, in: names))
                + " (the subcommands are \(names.joined(separator: ", ")))")
        }
        return nil
    }

    /// The name a command is called by on the command line.
    private static func name(of command: ParsableCommand.Type) -> String {
        command.configuration.commandName ?? String(describing: command).lowercased()
    }
}
