package io.tollgate.engine.config;

/**
 * {@code option forwardfor [except <network>] [header <name>] [if-none]}: add the client's
 * address to requests, unless it is in {@code except}, in {@code header} (default
 * {@code X-Forwarded-For}), and with {@code if-none} only when the request has no such header.
 */
final class ForwardForOption {
    private ForwardForOption() {
    }

    static void parse(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        String header = ForwardFor.DEFAULT_HEADER;
        String except = null;
        boolean ifNone = false;
        int i = 2;
        while (line.has(i)) {
            switch (line.arg(i)) {
                case "except" -> {
                    except = network(line.arg(i + 1));
                    i += 2;
                }
                case "header" -> {
                    if (line.arg(i + 1).isEmpty()) {
                        throw new KeywordException("'option forwardfor header' expects <header_name> as argument.");
                    }
                    header = line.arg(i + 1);
                    i += 2;
                }
                case "if-none" -> {
                    ifNone = true;
                    i++;
                }
                default -> throw new KeywordException("'option forwardfor' only supports optional values: 'except', "
                        + "'header' and 'if-none' (got '" + line.arg(i) + "').");
            }
        }
        proxy.forwardFor = new ForwardFor(header, except, ifNone);
    }

    /** An IPv4 or IPv6 address with an optional /mask (prefix length or, for IPv4, dotted mask). */
    static String network(String text) throws KeywordException {
        String usage = "'option forwardfor except' expects <address>[/mask] as argument";
        if (text.isEmpty()) {
            throw new KeywordException(usage + ".");
        }
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        String mask = slash < 0 ? null : text.substring(slash + 1);
        boolean v4 = AddressParser.isIpv4(address);
        boolean v6 = !v4 && AddressParser.isIpv6(address);
        boolean maskOk = mask == null || (v4 && AddressParser.isIpv4(mask)) || prefix(mask, v4 ? 32 : 128);
        if (!(v4 || v6) || !maskOk) {
            throw new KeywordException(usage + " (got '" + text + "').");
        }
        return text;
    }

    private static boolean prefix(String mask, int max) {
        if (mask.isEmpty() || mask.length() > 3 || !mask.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return Integer.parseInt(mask) <= max;
    }
}
