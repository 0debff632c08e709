import Testing
@testable import ParzenRunner
