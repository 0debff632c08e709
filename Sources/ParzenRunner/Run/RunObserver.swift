import ParzenFormat

/// Told when each directive of a run starts and ends computing (not when it is taken from
/// the cache) and what it reports doing meanwhile (``DirectiveProgress``), from whichever
/// thread runs it: `parzen render` shows a progress line for a directive that takes long.
public protocol RunObserver: Sendable {
    func directiveStarted(_ call: DirectiveCall, in file: String)
    func directiveFinished(_ call: DirectiveCall, in file: String)
    /// The step the directive computes now, e.g. "k-fold: fold 3 of 5 for kde".
    func directiveProgress(_ call: DirectiveCall, in file: String, step: String)
}

extension RunObserver {
    public func directiveProgress(_ call: DirectiveCall, in file: String, step: String) {}
}
