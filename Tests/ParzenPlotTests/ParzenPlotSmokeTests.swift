import Testing
@testable import ParzenPlot
