import Foundation
import ParzenFormat
import ParzenTestSupport
import Testing
import ParzenReport
@testable import ParzenRunner

@Suite struct DirectiveReferenceTests {
    /// docs/directives.md must be exactly what the declarations generate. On a difference the
    /// expected text is written next to the build products' temporary folder and the failure
    /// says which `cp` updates the docs — no `swift run` needed.
    @Test func docsMatchTheDeclarations() throws {
        let docs = Fixtures.repositoryFile("docs/directives.md")
        let expected = DirectiveReference.markdown(for: StandardDirectives.registry)
        let committed = (try? String(contentsOf: docs, encoding: .utf8)) ?? ""
        if committed != expected {
            let fresh = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-directives.md")
            try expected.write(to: fresh, atomically: true, encoding: .utf8)
            Issue.record("docs/directives.md is out of date; update it with: cp \(fresh.path) \(docs.path)")
        }
    }

    /// Every example uses only declared options, and every required option.
    @Test(arguments: StandardDirectives.registry.directives.map { $0.name })
    func examplesUseDeclaredOptions(name: String) throws {
        let directive = try #require(StandardDirectives.registry.directive(named: name))
        let (yaml, problems) = YAMLReader.read(directive.example, file: "example", firstLine: 1, firstColumn: 1)
        #expect(problems.isEmpty)
        let keys = try #require(yaml?.entries).map(\.key)
        let declared = directive.options.map(\.name)
        #expect(keys.allSatisfy(declared.contains))
        #expect(directive.options.filter(\.isRequired).map(\.name).allSatisfy(keys.contains))
    }

    @Test func everyOptionHasOneSentenceOfHelp() {
        for directive in StandardDirectives.registry.directives {
            for option in directive.options {
                #expect(option.help.hasSuffix("."), "\(directive.name).\(option.name)")
            }
        }
    }
}
