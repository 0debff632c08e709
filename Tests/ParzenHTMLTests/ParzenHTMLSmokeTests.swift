import Testing
@testable import ParzenHTML
