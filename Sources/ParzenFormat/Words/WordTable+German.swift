extension WordTable {
    /// The German words (exhaustive, as ``english(_:)``). "Abbildung" and "Tabelle" as in
    /// babel's `ngerman` captions, so the LaTeX and HTML pages agree.
    static func german(_ word: Word) -> String {
        switch word {
        case .contents: "Inhalt"
        case .previous: "Zurück"
        case .next: "Weiter"
        case .series: "Reihe"
        case .part: "Teil"
        case .site: "Website"
        case .breadcrumbs: "Pfad"
        case .notebooks: "Notebooks"
        case .otherNotebooks: "Weitere Notebooks"
        case .renderedFrom: "Von Parzen erzeugt aus {source}."
        case .figure: "Abbildung"
        case .table: "Tabelle"
        case .equation: "Gleichung"
        case .section: "Abschnitt"
        case .references: "Literatur"
        case .error: "Fehler"
        case .warning: "Warnung"
        case .note: "Hinweis"
        case .failed: "fehlgeschlagen"
        case .refused: "Wie beabsichtigt abgelehnt:"
        case .problems: "{count} Problem(e) in diesem Notebook."
        case .problemsExplained: "Jedes steht in einem roten Kasten an seiner Stelle; dieselben Meldungen "
            + "wurden mit Datei:Zeile:Spalte ausgegeben."
        case .dateFormat: "{day}. {month} {year}"
        case .january: "Januar"
        case .february: "Februar"
        case .march: "März"
        case .april: "April"
        case .may: "Mai"
        case .june: "Juni"
        case .july: "Juli"
        case .august: "August"
        case .september: "September"
        case .october: "Oktober"
        case .november: "November"
        case .december: "Dezember"
        }
    }
}
