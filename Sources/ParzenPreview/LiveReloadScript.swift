import Foundation

/// The few lines of script that make a preview page live: they listen on the event stream,
/// reload when their page (or every page: `*`) was rebuilt, and keep the scroll position
/// across the reload in `sessionStorage`. Injected into served pages only; `parzen render`
/// never writes a `<script>`.
public enum LiveReloadScript {
    /// The Server-Sent Events endpoint.
    public static let eventsPath = "/__parzen/events"
    /// The SSE event name announcing a rebuilt page; its data is the page's file name or `*`.
    public static let reloadEvent = "reload"

    /// The `<script>` element for the page `fileName` (`index.html` reloads on every change).
    public static func element(forPage fileName: String) -> String {
        // The file name is a JSON string literal inside a script: escape what could end the
        // string or the element.
        let page = fileName.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\"", "\\", "<", ">", "&", "'": String(format: "\\u%04x", scalar.value)
            default: String(scalar)
            }
        }.joined()
        return """
            <script>(() => {
            const page = "\(page)", key = "parzen-scroll:" + location.pathname;
            const saved = sessionStorage.getItem(key);
            if (saved !== null) { sessionStorage.removeItem(key); addEventListener("load", () => scrollTo(0, +saved)); }
            document.querySelector("[data-parzen-dismiss]")
              ?.addEventListener("click", e => e.target.parentElement.remove());
            new EventSource("\(eventsPath)").addEventListener("\(reloadEvent)", e => {
              if (e.data === "*" || e.data === page || page === "index.html") {
                sessionStorage.setItem(key, String(scrollY)); location.reload();
              }
            });
            })();</script>
            """
    }
}
