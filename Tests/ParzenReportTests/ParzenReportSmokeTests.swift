import Testing
@testable import ParzenReport
