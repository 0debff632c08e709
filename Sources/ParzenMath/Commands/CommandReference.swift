/// `docs/tex-commands.md`, generated from `CommandRegistry.standard` and the environment table
/// so that it cannot drift from what the parser accepts. `CommandReferenceTests` regenerates it
/// and fails when the committed file differs.
enum CommandReference {
    static func markdown() -> String {
        let registry = CommandRegistry.standard
        let environments = EnvironmentCommands.environments.keys.sorted()
        var out = """
            # TeX commands and environments in math

            <!-- Generated from the command registry (Sources/ParzenMath/Commands) by
                 CommandReference.markdown(); CommandReferenceTests fails when this file is out of
                 date and says how to update it. Do not edit by hand. -->

            Every command and environment Parzen's math understands, \(registry.names.count) commands and
            \(environments.count) environments. Anything else is reported as an error at its position, with a
            did-you-mean when a known name is close. Symbol names follow LaTeX, amsmath, amssymb,
            latexsym, mathtools, braket, cancel, upgreek, gensymb and textcomp; their characters come from
            unicode-math's table (`scripts/tex-symbol-table.py`).

            ## Environments

            \(wrapped(environments))

            ## Defining macros, groups

            \(wrapped(MacroExpander.definitionCommands.sorted()))


            """
        for family in registry.families where !family.names.isEmpty {
            out += "## \(family.title)\n\n"
            out += wrapped(family.names.sorted()) + "\n\n"
        }
        return out
    }

    /// The names as code spans, in lines of at most 100 characters.
    private static func wrapped(_ names: [String]) -> String {
        var lines: [String] = []
        var line = ""
        for name in names {
            let item = "`\(name)`"
            if !line.isEmpty && line.count + 1 + item.count > 100 {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + item
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }
}
