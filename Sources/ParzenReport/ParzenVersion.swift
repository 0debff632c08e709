/// Parzen's version, the one constant every generated file names (page generator meta,
/// notebook metadata).
public enum ParzenVersion {
    public static let current = "0.1.0"
}
