import ArgumentParser
import Foundation
import ParzenReport
import ParzenRunner

extension Render {
    /// `--to pdf`: the `.tex` of `--to latex`, compiled by pdflatex twice (the second run
    /// resolves `\ref`/`\eqref`) in a temporary folder; the PDF lands next to the `.tex`.
    func writePDFs() throws {
        guard let pdflatex = Self.executable(named: "pdflatex") else {
            throw ValidationError("--to pdf needs pdflatex, which is not on PATH; install TeX Live "
                                  + "(Debian: texlive-latex-recommended texlive-latex-extra texlive-pictures) "
                                  + "or write the .tex with --to latex")
        }
        try writeDocuments(LaTeXNotebookWriter(registry: StandardDirectives.registry, allowOutside: allowsOutside),
                           extension: "tex") { tex in
            let manager = FileManager.default
            let folder = manager.temporaryDirectory.appendingPathComponent("parzen-pdf-\(UUID().uuidString)")
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? manager.removeItem(at: folder) }
            let stem = ((tex as NSString).lastPathComponent as NSString).deletingPathExtension
            try manager.copyItem(atPath: tex, toPath: folder.appendingPathComponent(stem + ".tex").path)
            for _ in 1...2 {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: pdflatex)
                process.arguments = ["-interaction=nonstopmode", "-halt-on-error", stem + ".tex"]
                process.currentDirectoryURL = folder
                process.standardOutput = FileHandle.nullDevice
                try process.run()
                process.waitUntilExit()
                guard process.terminationStatus == 0 else {
                    throw ValidationError("pdflatex could not compile \(tex); its log is printed by "
                                          + "pdflatex -interaction=nonstopmode \(tex)")
                }
            }
            let pdf = (tex as NSString).deletingPathExtension + ".pdf"
            let data = try Data(contentsOf: folder.appendingPathComponent(stem + ".pdf"))
            try AtomicFile.write([UInt8](data), to: pdf)
        }
    }

    /// The first executable called `name` on PATH.
    static func executable(named name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
