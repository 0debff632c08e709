import Testing
@testable import ParzenFormat
