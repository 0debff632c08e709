import ParzenChart
/// Sizes in SVG user units shared by every chart, so panels and single charts look alike.
///
/// Text is drawn at the sizes templates/plot.css sets (12 units for ticks and legend, 13 for
/// axis titles; `tickFont` is the fallback without the style sheet), but room is made for the
/// larger `layoutTickFont`/`layoutLabelFont` that plot.css switches to on phones: a user unit
/// shrinks with the chart there, and text must stay legible without colliding.
enum ChartStyle {
    static let tickFont = 12.0
    static let layoutTickFont = 15.0
    static let layoutLabelFont = 16.0
    static let titleFont = 14.0
    static let padding = 6.0
    static let tickLength = 4.0
    /// Gap between a tick and its label.
    static let tickGap = 3.0
    /// Least space between two neighbouring x tick labels.
    static let tickLabelGap = 6.0
    static let legendRowHeight = 19.0
    /// Width of a legend symbol and the gap after it.
    static let legendSymbolWidth = 18.0
    static let legendSymbolGap = 5.0
    /// Space between two legend entries on a row.
    static let legendEntryGap = 14.0
}
