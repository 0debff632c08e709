import ParzenFormat

/// Told when each directive of a run starts and ends computing (not when it is taken from
/// the cache), from whichever thread runs it: `parzen render` shows a progress line for a
/// directive that takes long.
public protocol RunObserver: Sendable {
    func directiveStarted(_ call: DirectiveCall, in file: String)
    func directiveFinished(_ call: DirectiveCall, in file: String)
}
