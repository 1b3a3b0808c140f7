package io.tollgate.engine.config;

import java.util.List;

/**
 * {@code capture request header <name> len <n>}, {@code capture response header <name> len <n>}
 * and {@code capture cookie <name> len <n>}: what the access logs show of each request. Kept
 * for the logs; checked as HAProxy checks them.
 */
final class CaptureKeywords {
    private CaptureKeywords() {
    }

    static void register(KeywordTable<ProxyState> table) {
        table.add("capture", Capabilities.notInDefaults(Capabilities.frontend(CaptureKeywords::capture)));
    }

    private static void capture(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        String what = line.arg(1);
        int lenAt;
        switch (what) {
            case "cookie" -> {
                if (line.arg(2).isEmpty()) {
                    throw new KeywordException("'capture cookie' expects <cookie_name> as argument.");
                }
                lenAt = 3;
            }
            case "request", "response" -> {
                if (!line.arg(2).equals("header") || line.arg(3).isEmpty() || !line.arg(4).equals("len")) {
                    throw new KeywordException("'capture " + what + "' expects 'header' <header_name> 'len' <len>.");
                }
                lenAt = 4;
            }
            default -> throw new KeywordException("'capture' expects 'cookie' or 'request header' or 'response header'.");
        }
        if (!line.arg(lenAt).equals("len") || line.arg(lenAt + 1).isEmpty()) {
            throw new KeywordException("'capture " + (what.equals("cookie") ? "cookie" : what + " header")
                    + "' expects 'len' <length>.");
        }
        int len;
        try {
            len = Integer.parseInt(line.arg(lenAt + 1));
        } catch (NumberFormatException e) {
            len = -1;
        }
        if (len <= 0) {
            throw new KeywordException("'capture' : invalid length '" + line.arg(lenAt + 1) + "'.");
        }
        if (!line.arg(lenAt + 2).isEmpty()) {
            throw new KeywordException("'capture' : unexpected argument '" + line.arg(lenAt + 2) + "'.");
        }
        proxy.captures.add(new Directive("capture", List.copyOf(line.from(1)), line.source()));
    }
}
