import ArgumentParser

/// What `parzen render --to` writes.
enum RenderFormat: String, CaseIterable, ExpressibleByArgument {
    /// One self-contained HTML page per notebook, plus an index.
    case html
    /// One Jupyter notebook (nbformat 4.5) per notebook.
    case ipynb
    /// One LaTeX document per notebook, for pdflatex.
    case latex
    /// The LaTeX document compiled by pdflatex (which must be on PATH).
    case pdf
}
