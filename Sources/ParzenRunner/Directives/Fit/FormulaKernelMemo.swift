import Foundation
import ParzenCore

/// Formula kernels by their text, checked once per process (see `KernelChoice.kernel`);
/// refusals are remembered too, since the same text is refused the same way.
final class FormulaKernelMemo: @unchecked Sendable {
    // `kernels` is read and written under `lock`; `make` runs outside it, so two threads
    // may check one new text at once and the second result is kept — both are equal.
    private let lock = NSLock()
    private var kernels: [String: Result<Kernel, KernelChoice>] = [:]

    func kernel(_ text: String, make: () throws(KernelChoice) -> Kernel) throws(KernelChoice) -> Kernel {
        if let known = lock.withLock({ kernels[text] }) { return try known.get() }
        let made = Result { () throws(KernelChoice) -> Kernel in try make() }
        lock.withLock { kernels[text] = made }
        return try made.get()
    }
}
