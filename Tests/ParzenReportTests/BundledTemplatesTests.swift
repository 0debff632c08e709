import Foundation
import Testing
@testable import ParzenReport

/// The templates compiled into the binary are the repository's templates/.
struct BundledTemplatesTests {
    @Test func bundledTemplatesMatchTheTemplatesFolder() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Repository.templates).sorted()
        #expect(BundledTemplates.files.keys.sorted() == names, "run `make templates` (scripts/bundle-templates.py)")
        for name in names {
            let text = try String(contentsOfFile: Repository.templates + "/" + name, encoding: .utf8)
            #expect(BundledTemplates.files[name] == text, "\(name) changed: run `make templates` (scripts/bundle-templates.py)")
        }
    }

    @Test func bundledTemplatesLoad() throws {
        let templates = try Templates.bundled()
        #expect(templates.folder == "<built in>")
        #expect(templates.css(includingMath: true).contains("/* math-font.css */"))
        #expect(!templates.css(includingMath: false).contains("/* math-font.css */"))
    }
}
