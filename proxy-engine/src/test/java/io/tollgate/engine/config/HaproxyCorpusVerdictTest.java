package io.tollgate.engine.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tollgate's verdict on the real-world corpus ({@code shared/corpus/haproxy-cfg/prepared}, see
 * its README) against HAProxy 2.6's ({@code VERDICTS.tsv}). Each file is loaded with the prepared
 * directory as base directory and exactly the variables {@code env/ENV.tsv} lists for it.
 *
 * <p>Disagreement does not fail the test yet: Tollgate refuses on purpose what it does not
 * implement when ignoring it would change traffic (TLS listeners, access rules, ...), so the
 * figure printed ("corpus agreement: n/56") and the top reasons are a progress report. The test
 * fails if the corpus cannot be found or if loading any file throws anything but a
 * {@link ConfigException}: a RuntimeException from the parser is a bug.
 */
class HaproxyCorpusVerdictTest {
    private static final String CORPUS = "shared/corpus/haproxy-cfg/prepared";

    @Test
    void agreementWithHaproxy() throws IOException {
        Path prepared = locateCorpus();
        Map<String, Map<String, String>> env = environments(prepared.resolve("env/ENV.tsv"));
        List<String[]> verdicts = rows(prepared.resolve("VERDICTS.tsv"));
        assertThat(verdicts).isNotEmpty();

        int agree = 0;
        Map<String, Integer> reasons = new HashMap<>();
        List<String> disagreements = new ArrayList<>();
        for (String[] row : verdicts) {
            String file = row[0];
            boolean haproxyValid = row[1].equals("valid");
            List<String> alerts = alerts(file, prepared, env.getOrDefault(file, Map.of()));
            boolean tollgateValid = alerts.isEmpty();
            if (tollgateValid == haproxyValid) {
                agree++;
                continue;
            }
            if (haproxyValid) {
                disagreements.add(file + ": HAProxy valid, Tollgate: " + alerts.get(0));
                alerts.stream().map(HaproxyCorpusVerdictTest::reason).distinct()
                        .forEach(r -> reasons.merge(r, 1, Integer::sum));
            } else {
                String haproxyAlert = row.length > 3 ? row[3] : "";
                disagreements.add(file + ": Tollgate valid, HAProxy: " + haproxyAlert);
                reasons.merge("(accepted) " + haproxyAlert.replaceAll("\\[[^]]*:\\d+\\]", "[...]"), 1, Integer::sum);
            }
        }

        System.out.println("corpus agreement: " + agree + "/" + verdicts.size());
        System.out.println("top disagreement reasons (files):");
        reasons.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(15)
                .forEach(e -> System.out.printf("  %3d  %s%n", e.getValue(), e.getKey()));
        System.out.println("disagreements:");
        disagreements.forEach(d -> System.out.println("  " + d));
    }

    /** The ALERT lines Tollgate gives for {@code file}; empty when it loads. */
    private static List<String> alerts(String file, Path prepared, Map<String, String> env) {
        try {
            ConfigLoader.load(List.of(Path.of(file)), env, prepared);
            return List.of();
        } catch (ConfigException e) {
            List<String> alerts = e.problems().stream()
                    .filter(p -> p.severity() == ConfigProblem.Severity.ALERT).map(ConfigProblem::toString).toList();
            assertThat(alerts).as("a ConfigException for %s lists its alerts", file).isNotEmpty();
            return alerts;
        }
    }

    /** An alert without its position and with the quoted values of rule lines generalised. */
    private static String reason(String alert) {
        return alert.replaceFirst("^\\[ALERT\\] (parsing \\[[^]]*\\]|config) : ", "")
                .replaceAll("'(bind|server) [^']*'", "'$1 ...'")
                .replaceAll("Proxy '[^']*'", "Proxy '...'")
                .replaceAll("required (default_backend|use_backend): '[^']*'", "required $1: '...'");
    }

    /** {@code <dir>/shared/corpus/...} for the working directory or a parent, or beside the clone. */
    static Path locateCorpus() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : List.of(dir.resolve(CORPUS), dir.resolve("..").resolve(CORPUS).normalize())) {
                if (Files.isRegularFile(candidate.resolve("VERDICTS.tsv"))) {
                    return candidate;
                }
            }
        }
        throw new AssertionError("corpus not found: no " + CORPUS + " above " + Path.of("").toAbsolutePath()
                + " (CI clones the repository with shared/ beside it)");
    }

    private static Map<String, Map<String, String>> environments(Path envTsv) throws IOException {
        Map<String, Map<String, String>> env = new LinkedHashMap<>();
        for (String[] row : rows(envTsv)) {
            env.computeIfAbsent(row[0], f -> new HashMap<>()).put(row[1], row.length > 2 ? row[2] : "");
        }
        return env;
    }

    /** The rows of a TSV file, header excluded. */
    private static List<String[]> rows(Path tsv) throws IOException {
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t", -1)).toList();
    }
}
