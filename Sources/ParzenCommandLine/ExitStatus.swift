import ArgumentParser

/// Exit statuses, one meaning each (usage errors are ArgumentParser's, mapped to 2 by `parzen`).
public enum ExitStatus {
    /// A notebook (or the project file) has errors; they were printed.
    public static let notebookErrors = ExitCode(1)
}
