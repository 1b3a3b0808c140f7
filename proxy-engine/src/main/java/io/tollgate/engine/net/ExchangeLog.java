package io.tollgate.engine.net;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.tollgate.engine.log.AccessLog;
import io.tollgate.engine.log.CapturedHeaders;
import io.tollgate.engine.log.LogEvent;

import java.util.List;

/** What an HTTP exchange writes into its access-log record when the request and the response heads arrive. */
final class ExchangeLog {
    private ExchangeLog() {
    }

    /** A new request: the record starts over with its line (as received) and its captured headers. */
    static void started(LogEvent e, HttpRequest request, AccessLog log) {
        e.reset();
        e.requestCounter = AccessLog.nextRequest();
        if (request.decoderResult().isFailure()) {
            return;
        }
        e.method = request.method().name();
        e.uri = request.uri();
        e.version = request.protocolVersion().text();
        if (e.requestCaptures != null) {
            capture(e.requestCaptures, log.requestCaptures(), request.headers());
        }
    }

    static void captureResponse(LogEvent e, HttpHeaders headers, AccessLog log) {
        capture(e.responseCaptures, log.responseCaptures(), headers);
    }

    private static void capture(String[] into, List<CapturedHeaders.Capture> captures, HttpHeaders headers) {
        for (int i = 0; i < into.length; i++) {
            CapturedHeaders.Capture c = captures.get(i);
            into[i] = CapturedHeaders.value(headers.getAll(c.name()), c.length());
        }
    }
}
