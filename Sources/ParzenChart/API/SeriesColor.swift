/// The colour of a mark, named by role so that the style sheet (templates/plot.css) decides
/// the actual colour: the Okabe–Ito palette in light mode, a lightened variant in dark mode.
///
/// The SVG carries only a class (`series-3`, `series-ink`, `series-muted`) and draws with
/// `currentColor`; no colour value is written into the markup.
public enum SeriesColor: Sendable, Equatable, Codable {
    /// The next palette slot not yet taken by an earlier automatic mark in the chart.
    case automatic
    /// Palette slot 1…8 (`--series-1` … `--series-8`); other numbers wrap around.
    case series(Int)
    /// The text colour: for data marks that should not compete with model curves (rug).
    case ink
    /// A neutral grey: for background marks such as a data histogram.
    case muted

    /// The CSS class carrying this colour; `.automatic` must be resolved first.
    package var className: String {
        switch self {
        case .automatic, .series: "series-\(paletteSlot)"
        case .ink: "series-ink"
        case .muted: "series-muted"
        }
    }

    package var paletteSlot: Int {
        guard case .series(let slot) = self else { return 1 }
        return ((slot - 1) % 8 + 8) % 8 + 1
    }
}
