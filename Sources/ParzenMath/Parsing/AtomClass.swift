/// TeX's classes of math atoms (The TeXbook, ch. 17). MathML's operator dictionary does most
/// of the spacing; the class is kept for what it does not do (thin spaces around `\log`) and for
/// choosing `form` where the dictionary would guess wrong.
enum AtomClass {
    case ordinary, largeOperator, binary, relation, opening, closing, punctuation, inner
}
