import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Bounds the time to read a whole request, headers and body, and closes a
/// connection whose answer went out before its request was read to the end.
///
/// The idle timeout closes a connection on which nothing moves; a body sent one
/// byte every 20 s moves, and held a connection forever. Here a request has
/// `limit` from its head to its end. And a page that answers before reading the
/// body (413 on an announced length, a refused body) cannot be followed by the
/// next request on the same connection, so the connection is closed once that
/// answer is written, instead of waiting for a client still writing its body.
/// A client that asks `Expect: 100-continue` for a body the page can take is told
/// to go on at once, instead of waiting a second before sending it anyway.
final class RequestReadingLimit: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    let limit: TimeAmount
    /// The largest body the page reads; past it no `100 Continue` is sent and
    /// the page answers 413 at once.
    let maximumBody: Int
    /// The deadline of the request being read; nil between requests.
    private var deadline: Scheduled<Void>?
    /// Whether the latest request has been read to its end.
    private var requestRead = true
    /// Requests whose head was read and whose answer has not ended yet: more than
    /// one when a client pipelines.
    private var unanswered = 0

    init(limit: TimeAmount, maximumBody: Int) {
        self.limit = limit
        self.maximumBody = maximumBody
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            requestRead = false
            unanswered += 1
            if request.headerFields[.expect]?.lowercased() == "100-continue",
                let length = request.headerFields[.contentLength].flatMap({ Int($0) }), length <= maximumBody
            {
                context.writeAndFlush(wrapOutboundOut(.head(HTTPResponse(status: .continue))), promise: nil)
            }
            deadline?.cancel()
            let channel = context.channel
            deadline = context.eventLoop.scheduleTask(in: limit) { channel.close(promise: nil) }
        case .body:
            break
        case .end:
            requestRead = true
            deadline?.cancel()
            deadline = nil
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .end = unwrapOutboundIn(data) else {
            context.write(data, promise: promise)
            return
        }
        unanswered = max(unanswered - 1, 0)
        // Only the answer to the request still being read closes: with pipelined
        // requests, an earlier answer leaves the connection to the next one.
        guard !requestRead, unanswered == 0 else {
            context.write(data, promise: promise)
            return
        }
        let written = promise ?? context.eventLoop.makePromise()
        let channel = context.channel
        written.futureResult.whenComplete { _ in channel.close(promise: nil) }
        context.write(data, promise: written)
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
    }
}
