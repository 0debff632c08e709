import ArgumentParser

/// What `parzen render --to` writes.
enum RenderFormat: String, CaseIterable, ExpressibleByArgument {
    /// One self-contained HTML page per notebook, plus an index.
    case html
    /// One Jupyter notebook (nbformat 4.5) per notebook.
    case ipynb
}
