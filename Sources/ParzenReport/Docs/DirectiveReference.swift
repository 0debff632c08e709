import ParzenRunner

/// `docs/directives.md`, generated from the registry's declarations so that it cannot drift
/// from what the runner accepts: summaries, examples, options with types, defaults and help,
/// and result keys. A test regenerates it and fails when the committed file differs.
public enum DirectiveReference {
    public static func markdown(for registry: DirectiveRegistry) -> String {
        var out = """
            # Directives

            <!-- Generated from the directive declarations (Sources/ParzenRunner/Directives) by
                 DirectiveReference.markdown(for:); DirectiveReferenceTests fails when this file
                 is out of date and says how to update it. Do not edit by hand. -->

            A directive is a fenced block whose info string is `{name} label`; its body is YAML,
            one `option: value` per line. Later directives refer to earlier results by label, and
            prose cites a result's values with `` {value}`label.key` ``. Every directive also
            accepts `expect: error`, which shows an intended failure (such as a kernel Parzen
            refuses) as an example instead of failing the build.


            """
        for directive in registry.directives {
            out += "## `{\(directive.name)}`\n\n\(directive.summary)\n\n"
            out += "Leaves a *\(directive.resultKind.rawValue)* under its label.\n\n"
            out +=
                "````markdown\n```{\(directive.name)} " +
                    "\(exampleLabel(directive.name))\n\(directive.example)\n```\n````\n\n"
            out += "| option | type | default | meaning |\n| --- | --- | --- | --- |\n"
            for option in directive.options {
                let name = option.isRequired ? "`\(option.name)` (required)" : "`\(option.name)`"
                out +=
                    "| \(name) | \(cell(option.type.description)) | \(cell(option.defaultDescription ?? "—")) | "
                    + "\(cell(option.help)) |\n"
            }
            if let documented = directive as? any DocumentedResults.Type {
                out += "\nResult values:\n\n| key | meaning |\n| --- | --- |\n"
                for (key, meaning) in documented.resultKeys {
                    let keys = key.components(separatedBy: ", ").map { "`\($0)`" }.joined(separator: ", ")
                    out += "| \(keys) | \(cell(meaning)) |\n"
                }
            }
            out += "\n"
        }
        return out
    }

    private static func exampleLabel(_ name: String) -> String {
        ["data": "faithful", "fit": "kde", "plot": "fig-density", "sample": "draws", "compare": "mle"][name] ?? name
    }

    /// Table cells cannot hold a bare `|`.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }
}
