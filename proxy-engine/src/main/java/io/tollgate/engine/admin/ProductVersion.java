package io.tollgate.engine.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What {@code show version} and {@code show info} name: Tollgate's own version and build date
 * ({@code version.properties}, filled in by Maven), not HAProxy's, so nobody mistakes the
 * process for an HAProxy build; the field names around them stay HAProxy's.
 */
record ProductVersion(String name, String version, String releaseDate) {
    static final ProductVersion CURRENT = load();

    private static ProductVersion load() {
        Properties p = new Properties();
        try (InputStream in = ProductVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ProductVersion("Tollgate", p.getProperty("version", "unknown"),
                p.getProperty("build.date", "unknown"));
    }
}
