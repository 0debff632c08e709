/// The attributes of one `<mo>`, plus the TeX class it came from. `nil` means "leave it to the
/// MathML Core operator dictionary".
struct OperatorAttributes {
    var atomClass: AtomClass
    var form: String?
    var fence = false
    var stretchy: Bool?
    var symmetric: Bool?
    var lspace: String?
    var rspace: String?
    var minsize: String?
    var maxsize: String?

    init(_ atomClass: AtomClass) {
        self.atomClass = atomClass
    }

    /// A bracket or bar written without `\left`/`\right`: it must not grow with its neighbours.
    static func fixedDelimiter(_ atomClass: AtomClass) -> OperatorAttributes {
        var attributes = OperatorAttributes(atomClass)
        attributes.stretchy = false
        if atomClass == .ordinary {
            // A bar used as an ordinary symbol (`p\vert q`) gets no space, like TeX's mathord.
            attributes.lspace = "0em"
            attributes.rspace = "0em"
        }
        return attributes
    }
}
