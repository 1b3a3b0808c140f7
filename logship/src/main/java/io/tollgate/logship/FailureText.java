package io.tollgate.logship;

import java.net.PortUnreachableException;

/**
 * What a transport failure says to an operator. Some JDK exceptions carry no message (a UDP send
 * refused by an ICMP "port unreachable" is the common one), and "null" tells nobody anything.
 */
final class FailureText {
    private FailureText() {
    }

    static String of(Throwable failure) {
        if (failure instanceof PortUnreachableException) {
            return "nothing listens there (ICMP port unreachable)";
        }
        String message = failure.getMessage();
        return message != null ? message : failure.getClass().getSimpleName();
    }
}
