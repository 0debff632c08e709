import Foundation
import ParzenPreview
import Testing

/// The real server on a free loopback port, the real watcher, real files: an edit must reach
/// the open page as a reload event, and the page fetched then must be the new one.
@Suite(.serialized)
struct LiveReloadTests {
    @Test func servesThePageAndTheIndexWithTheReloadScript() async throws {
        try await PreviewProject.serve { project in
            let page = try await project.fetch("fixture.html")
            #expect(page.status == 200)
            #expect(page.body.contains("First version of the prose."))
            #expect(page.body.contains("new EventSource(\"/__parzen/events\")"))
            let index = try await project.fetch("")
            #expect(index.status == 200)
            #expect(index.body.contains("href=\"fixture.html\""))
            #expect(try await project.fetch("nothing.html").status == 404)
        }
    }

    @Test func aProseEditSendsAReloadAndServesTheNewPage() async throws {
        try await PreviewProject.serve { project in
            let events = try await project.openEvents()
            try project.save(PreviewProject.notebookText(prose: "Second version of the prose."), to: project.notebook)
            try await events.wait(for: "event: reload\ndata: fixture.html\n")
            try await events.wait(for: "data: index.html\n")
            let page = try await project.fetch("fixture.html")
            #expect(page.body.contains("Second version of the prose."))
            #expect(!page.body.contains("First version"))
        }
    }

    @Test func aDataFileEditReRendersTheNotebookThatReadsIt() async throws {
        try await PreviewProject.serve { project in
            // mean(1, 2, 3) = 2; mean(10, 20, 30) = 20.
            #expect(try await project.fetch("fixture.html").body.contains("The mean is <span class=\"value\">2</span>"))
            let events = try await project.openEvents()
            try project.save("x\n10\n20\n30\n", to: project.data)
            try await events.wait(for: "data: fixture.html\n")
            let page = try await project.fetch("fixture.html").body
            #expect(page.contains("The mean is <span class=\"value\">20</span>"))
        }
    }

    @Test func aBrokenNotebookShowsTheOverlayOverTheLastGoodPage() async throws {
        try await PreviewProject.serve { project in
            let events = try await project.openEvents()
            // The misspelt kernel is reported at its value: column 9, after "kernel: ".
            let fit = "\n```{fit} model\ndata: points\nmodel: kde\nkernel: gausian\n```\n"
            let broken = PreviewProject.notebookText(prose: "Broken version.", extra: fit)
            try project.save(broken, to: project.notebook)
            try await events.wait(for: "data: fixture.html\n")
            let page = try await project.fetch("fixture.html").body
            #expect(page.contains("id=\"\(ErrorOverlay.elementID)\""))
            let line = broken.split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex { $0.hasPrefix("kernel:") }.map { $0 + 1 }
            #expect(page.contains("fixture.md:\(line ?? 0):9: error:"))
            #expect(page.contains("gaussian"))
            #expect(page.contains("First version of the prose."), "the last good page stays under the overlay")

            try project.save(PreviewProject.notebookText(prose: "Fixed version."), to: project.notebook)
            try await events.wait(for: "data: fixture.html\n")
            let fixed = try await project.fetch("fixture.html").body
            #expect(!fixed.contains(ErrorOverlay.elementID))
            #expect(fixed.contains("Fixed version."))
        }
    }

    @Test func aHalfWrittenFileNeverStopsTheServer() async throws {
        try await PreviewProject.serve { project in
            let events = try await project.openEvents()
            // A save caught mid-character: the first byte of a two-byte UTF-8 sequence, then nothing.
            try Data("---\ntitle: Half".utf8 + [0xC3]).write(to: project.notebook)
            try await events.wait(for: "data: fixture.html\n")
            let page = try await project.fetch("fixture.html").body
            // At the byte: line 2, after the 11 scalars of "title: Half".
            #expect(page.contains("fixture.md:2:12: error: cannot read the notebook as UTF-8 text"))
            #expect(page.contains("First version of the prose."))

            try project.save(PreviewProject.notebookText(prose: "Whole again."), to: project.notebook)
            try await events.wait(for: "data: fixture.html\n")
            #expect(try await project.fetch("fixture.html").body.contains("Whole again."))
        }
    }
}
