package io.tollgate.console;

import io.netty.channel.epoll.Epoll;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What this build is and what it runs on, for {@code -v} (one line, as {@code haproxy -v} opens)
 * and {@code -vv} (that line and the build details an operator pastes into a bug report).
 * The version and build date come from {@code version.properties}, filled in by Maven.
 */
final class Version {

    private static final String RESOURCE = "version.properties";

    private final String version;
    private final String buildDate;
    private final String nettyVersionAtBuild;

    Version(String version, String buildDate, String nettyVersionAtBuild) {
        this.version = version;
        this.buildDate = buildDate;
        this.nettyVersionAtBuild = nettyVersionAtBuild;
    }

    /** This build, as recorded in the jar. */
    static Version current() {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new Version(properties.getProperty("version", "unknown"),
                properties.getProperty("build.date", "unknown"),
                properties.getProperty("netty.version", "unknown"));
    }

    String version() {
        return version;
    }

    /** {@code Tollgate version 0.1.0 2026/11/23 - ...}, shaped like HAProxy's first line. */
    String line() {
        return "Tollgate version " + version + " " + buildDate
                + " - a load balancer that reads HAProxy's configuration language";
    }

    /** The stats page's first heading: {@code Tollgate version 0.1.0, released 2026/11/23}, shaped like HAProxy's. */
    String pageHeading() {
        return "Tollgate version " + version + ", released " + buildDate;
    }

    /** The {@code -vv} lines after {@link #line()}: platform, Java, Netty and network transports. */
    List<String> details() {
        List<String> lines = new ArrayList<>();
        lines.add("Running on: " + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " " + System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors()
                + " cores");
        lines.add("Java: " + System.getProperty("java.vm.name") + " " + Runtime.version()
                + " (" + System.getProperty("java.vendor") + ", " + System.getProperty("java.home") + ")");
        lines.add("Netty: " + nettyVersion());
        lines.add("Available transports: " + transports());
        return lines;
    }

    /** The Netty version actually on the classpath, else the one the build was made against. */
    private String nettyVersion() {
        Map<String, io.netty.util.Version> artifacts = io.netty.util.Version.identify();
        io.netty.util.Version common = artifacts.get("netty-common");
        if (common == null && !artifacts.isEmpty()) {
            common = artifacts.values().iterator().next();
        }
        return common != null ? common.artifactVersion() : nettyVersionAtBuild;
    }

    private static String transports() {
        if (Epoll.isAvailable()) {
            return "epoll (native, preferred), nio";
        }
        Throwable cause = Epoll.unavailabilityCause();
        return "nio (epoll unavailable: " + (cause == null ? "unknown reason" : cause.getMessage()) + ")";
    }
}
