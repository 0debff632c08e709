import FlyingFox
import Foundation

/// Answers the preview's requests: `GET /` and `/index.html` serve the index, `/<page>.html` a
/// notebook's page, ``LiveReloadScript/eventsPath`` the reload events; anything else is 404.
/// Pages carry `Cache-Control: no-store`, so a reload always fetches the current version.
struct PreviewRequestHandler: HTTPHandler {
    let session: PreviewSession
    let broadcaster: ReloadBroadcaster

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            var headers = HTTPHeaders()
            headers[HTTPHeader("Allow")] = "GET, HEAD"
            return HTTPResponse(statusCode: .methodNotAllowed, headers: headers)
        }
        if request.path == LiveReloadScript.eventsPath {
            return HTTPResponse(statusCode: .ok,
                                headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                                body: HTTPBodySequence(from: ServerSentEventStream(pages: broadcaster.subscribe())))
        }
        let name = request.path == "/" ? "index.html" : String(request.path.drop { $0 == "/" })
        guard let page = session.page(named: name) else {
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: Data("No page '\(name)' in this preview; the index is at /.\n".utf8))
        }
        return HTTPResponse(statusCode: .ok,
                            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                            body: Data(page.html.utf8))
    }
}
