import Foundation
import ParzenRunner
import Testing

/// The steps a long directive reports reach the run's observer, tagged with the directive
/// that reported them, from whichever thread computed it.
@Suite struct DirectiveProgressTests {
    final class Recorder: RunObserver, @unchecked Sendable {
        private let lock = NSLock()
        private var steps: [(label: String?, step: String)] = []
        var recorded: [(label: String?, step: String)] { lock.withLock { steps } }

        func directiveStarted(_ call: DirectiveCall, in file: String) {}
        func directiveFinished(_ call: DirectiveCall, in file: String) {}
        func directiveProgress(_ call: DirectiveCall, in file: String, step: String) {
            lock.withLock { steps.append((call.label, step)) }
        }
    }

    @Test func kFoldAndTwoSampleStepsNameTheirModels() {
        let recorder = Recorder()
        let outcome = DirectiveNotebook("""
            ```{data} d
            generate: {gaussian: {mean: 0, sd: 1}}
            n: 120
            seed: 2
            ```

            ```{fit} g
            data: d
            model: gaussian
            ```

            ```{fit} k
            data: d
            model: kde
            ```

            ```{compare} c
            models: [g, k]
            on: kfold
            folds: 3
            criterion: all
            ```
            """).run(observer: recorder)
        #expect(outcome.messages == [])
        let compare = recorder.recorded.filter { $0.label == "c" }.map(\.step)
        let folds = (1...3).map { "k-fold: fold \($0) of 3 for g" } + (1...3).map { "k-fold: fold \($0) of 3 for k" }
        #expect(Array(compare.prefix(6)) == folds)
        #expect(compare.contains("two-sample tests: k, 2 of 2"))
        #expect(recorder.recorded.allSatisfy { $0.label == "c" }, "only the compare reports steps")
    }

    /// Without an observer nothing is built or sent (a report is then one load).
    @Test func withoutAnObserverAReportIsIgnored() {
        DirectiveProgress.report("nobody listens")
    }
}
