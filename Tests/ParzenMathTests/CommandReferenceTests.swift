import Foundation
import Testing

@testable import ParzenMath

@Suite struct CommandReferenceTests {
    /// docs/tex-commands.md must be exactly what the registry generates. On a difference the
    /// expected text is written to the temporary folder and the failure says which `cp` updates it.
    @Test func docsMatchTheRegistry() throws {
        let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let docs = root.appendingPathComponent("docs/tex-commands.md")
        let expected = CommandReference.markdown()
        let committed = (try? String(contentsOf: docs, encoding: .utf8)) ?? ""
        if committed != expected {
            let fresh = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-tex-commands.md")
            try expected.write(to: fresh, atomically: true, encoding: .utf8)
            Issue.record("docs/tex-commands.md is out of date; update it with: cp \(fresh.path) \(docs.path)")
        }
    }

    /// Every command of the docs is one the parser accepts (the list is the registry's, so this
    /// checks that no family lists a name it does not register).
    @Test func everyListedFamilyNameIsRegistered() {
        let registry = CommandRegistry.standard
        for family in registry.families {
            for name in family.names {
                #expect(registry.knows(name), "\(family.title): \(name)")
            }
        }
    }
}
