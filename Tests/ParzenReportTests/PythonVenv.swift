import Foundation
import ParzenTestSupport

/// Python reference tools in virtual environments under `.build/`, made on first use.
enum PythonVenv {
    /// `.build/<name>/bin` with `packages` installed (checked by importing `modules`), or nil and
    /// a notice naming `purpose` when python3's venv or pip is not available.
    static func prepare(_ name: String, modules: [String], packages: [String], purpose: String) async -> String? {
        let venv = Repository.root + "/.build/" + name
        let python = venv + "/bin/python"
        if !FileManager.default.isExecutableFile(atPath: python) {
            guard await run("/usr/bin/env", ["python3", "-m", "venv", venv]).status == 0 else {
                print("notice: skipping \(purpose): python3 -m venv is not available")
                return nil
            }
        }
        let installed = await run(python, ["-c", "import " + modules.joined(separator: ", ")]).status == 0
        if !installed, await run(venv + "/bin/pip", ["install", "--quiet"] + packages).status != 0 {
            print("notice: skipping \(purpose): pip could not install \(packages.joined(separator: " and "))")
            return nil
        }
        return venv + "/bin"
    }

    /// Runs a program and returns its status and its standard output and error together.
    static func run(_ executable: String, _ arguments: [String]) async -> (status: Int32, output: String) {
        do {
            let run = try await ExternalProcess.run(executable, arguments)
            return (run.status, run.output + run.errors)
        } catch {
            return (-1, "\(error)")
        }
    }
}
