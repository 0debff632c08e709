import Foundation
import ParzenFormat

/// What the directives of one run leave, filled in by whichever thread runs each: one slot
/// per cell, in page order, and the digests of the results so far for later cache keys.
final class CellSlots: @unchecked Sendable {
    // Every field is read and written under `lock`.
    private let lock = NSLock()
    private var cellSlots: [CellOutcome?]
    private var diagnosticSlots: [[Diagnostic]]
    private var provenanceSlots: [NotebookRunner.Provenance]
    private var durationSlots: [Duration]
    private var digests: [String: ContentDigest] = [:]

    init(count: Int) {
        cellSlots = Array(repeating: nil, count: count)
        diagnosticSlots = Array(repeating: [], count: count)
        provenanceSlots = Array(repeating: .notRun, count: count)
        durationSlots = Array(repeating: .zero, count: count)
    }

    func fill(_ index: Int, cell: CellOutcome, diagnostics: [Diagnostic], provenance: NotebookRunner.Provenance,
              duration: Duration) {
        lock.withLock {
            cellSlots[index] = cell
            diagnosticSlots[index] = diagnostics
            provenanceSlots[index] = provenance
            durationSlots[index] = duration
        }
    }

    /// Records the digest of the result labelled `label` (its cached bytes), which the keys
    /// of the directives that read it include.
    func recordDigest(_ digest: ContentDigest, of label: String) {
        lock.withLock { digests[label] = digest }
    }

    var resultDigests: [String: ContentDigest] { lock.withLock { digests } }

    var cells: [CellOutcome] { lock.withLock { cellSlots.map { $0! } } }
    var diagnostics: [[Diagnostic]] { lock.withLock { diagnosticSlots } }
    var provenance: [NotebookRunner.Provenance] { lock.withLock { provenanceSlots } }
    var durations: [Duration] { lock.withLock { durationSlots } }
}
