import Testing
@testable import ParzenMath
