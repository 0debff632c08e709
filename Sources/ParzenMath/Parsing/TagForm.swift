/// How an equation number is shown beside its equation: mathtools' `\newtagform{name}[inner]{left}{right}`
/// (amsmath's default is "(", ")", upright); `\usetagform{name}` picks one for the equations after it.
struct TagForm {
    var left = "("
    var right = ")"
    /// CSS for the number itself, from the inner format (`\textbf` → bold); nil: as the text around it.
    var style: String?
}
