package io.tollgate.engine.tls;

/**
 * The {@code verify} setting: for a bind, whether a client certificate is asked for and must be
 * valid ({@code none} is HAProxy's default); for a server, whether its certificate is checked
 * ({@code none} or {@code required}).
 */
public enum Verify {
    NONE, OPTIONAL, REQUIRED;

    /**
     * @throws IllegalArgumentException with HAProxy's message for an unknown method
     */
    public static Verify parse(String word, boolean bindSide) {
        switch (word) {
            case "none":
                return NONE;
            case "required":
                return REQUIRED;
            case "optional":
                if (bindSide) {
                    return OPTIONAL;
                }
                break;
            case "":
                throw new IllegalArgumentException("'verify' : missing verify method");
            default:
                break;
        }
        throw new IllegalArgumentException("'verify' : unknown verify method '" + word + "', only 'none'"
                + (bindSide ? ", 'optional', and 'required' are supported" : " and 'required' are supported"));
    }
}
