/// The version of the core's numbers, part of every cached result's key: bump it with any
/// change that makes a public function return different values (another algorithm, another
/// tolerance, a fixed bug), so that results an older core computed are computed again.
public enum CoreVersion {
    public static let number = 2  // 2: binned KDEs at Monte Carlo draws, screened two-sample tests
}
