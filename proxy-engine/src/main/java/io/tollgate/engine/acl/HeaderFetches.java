package io.tollgate.engine.acl;

import java.util.List;

/**
 * Header fetches. hdr() and its relatives split each header line on commas (outside quotes)
 * and trim the elements, as HAProxy does; fhdr() keeps whole lines. An occurrence argument
 * picks one element (1 is the first, -1 the last); without it, as in ACLs, every one is tried.
 */
final class HeaderFetches {
    private HeaderFetches() {
    }

    static Fetch hdr(String keyword, String[] args) throws AclException {
        String name = name(keyword, args);
        int occurrence = occurrence(keyword, args);
        return (r, t) -> elements(r.headers(name), occurrence, t, true);
    }

    static Fetch fhdr(String keyword, String[] args) throws AclException {
        String name = name(keyword, args);
        int occurrence = occurrence(keyword, args);
        return (r, t) -> elements(r.headers(name), occurrence, t, false);
    }

    static Fetch count(String keyword, String[] args) throws AclException {
        String name = name(keyword, args);
        return (r, t) -> t.integer(count(r.headers(name), true));
    }

    static Fetch fullCount(String keyword, String[] args) throws AclException {
        String name = name(keyword, args);
        return (r, t) -> t.integer(r.headers(name).size());
    }

    /** hdr_val(): each element read as a leading integer. */
    static Fetch value(String keyword, String[] args) throws AclException {
        return new AdaptedFetch(hdr(keyword, args), SampleConversions::toInteger);
    }

    /** hdr_ip(): each element read as an address; elements that are not one are skipped. */
    static Fetch address(String keyword, String[] args) throws AclException {
        return new AdaptedFetch(hdr(keyword, args), SampleConversions::toAddress);
    }

    private static String name(String keyword, String[] args) throws AclException {
        if (args.length == 0 || args[0].isEmpty()) {
            // HAProxy would look at every header; RequestView cannot list them, so say so.
            throw new AclException("ACL keyword '" + keyword + "' : missing header name (Tollgate requires one).");
        }
        if (args.length > 2) {
            throw new AclException("ACL keyword '" + keyword + "' : too many arguments.");
        }
        return args[0];
    }

    private static int occurrence(String keyword, String[] args) throws AclException {
        if (args.length < 2) {
            return 0;
        }
        try {
            return Integer.parseInt(args[1]);
        } catch (NumberFormatException e) {
            throw new AclException("ACL keyword '" + keyword + "' : invalid occurrence '" + args[1] + "'.");
        }
    }

    /** Offers the chosen elements (or lines, when {@code split} is false) until one matches. */
    static boolean elements(List<String> lines, int occurrence, PatternTest test, boolean split) {
        int wanted = occurrence > 0 ? occurrence - 1 : occurrence < 0 ? count(lines, split) + occurrence : -1;
        if (occurrence != 0 && wanted < 0) {
            return false;
        }
        int index = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int start = 0;
            while (start <= line.length()) {
                int end = split ? elementEnd(line, start) : line.length();
                int from = skipBlanks(line, start, end);
                int to = end;
                while (to > from && isBlank(line.charAt(to - 1))) {
                    to--;
                }
                if ((wanted < 0 || index == wanted) && test.string(line, from, to)) {
                    return true;
                }
                if (index++ == wanted) {
                    return false;
                }
                start = end + 1;
            }
        }
        return false;
    }

    static int count(List<String> lines, boolean split) {
        if (!split) {
            return lines.size();
        }
        int n = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            for (int start = 0; start <= line.length(); start = elementEnd(line, start) + 1) {
                n++;
            }
        }
        return n;
    }

    /** Where the comma-separated element starting at {@code start} ends; commas in quotes do not count. */
    private static int elementEnd(String line, int start) {
        boolean quoted = false;
        for (int i = start; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                return i;
            }
        }
        return line.length();
    }

    private static int skipBlanks(String line, int from, int to) {
        while (from < to && isBlank(line.charAt(from))) {
            from++;
        }
        return from;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
