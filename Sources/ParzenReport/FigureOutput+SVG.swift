import ParzenPlot
import ParzenRunner

extension FigureOutput {
    /// The figure drawn as a standalone SVG element (ParzenPlot), for every writer that embeds SVG.
    var svg: String {
        switch content {
        case .chart(let chart): chart.render()
        case .smallMultiples(let panels): panels.render()
        }
    }
}
