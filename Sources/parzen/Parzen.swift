import ArgumentParser

@main
struct Parzen: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run Markdown notebooks about generative models and write static HTML reports."
    )
}
