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
 * <p>Tollgate refuses on purpose what it does not implement when ignoring it would change
 * traffic, so it may disagree on a few valid files; what it must hold (the routing issue's
 * acceptance): at least 95% of the files HAProxy accepts load; every file of the {@code error}
 * category is refused with a file:line message (a missing final newline may stay a warning);
 * {@code version} files (keywords of other releases) are refused or load with a warning, never
 * silently; {@code lua} files are refused saying that Lua is not supported. The agreement figure
 * and the reasons are printed as a progress report. Loading any file must throw nothing but a
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
        int valid = 0;
        int acceptedValid = 0;
        Map<String, Integer> reasons = new HashMap<>();
        List<String> disagreements = new ArrayList<>();
        for (String[] row : verdicts) {
            String file = row[0];
            boolean haproxyValid = row[1].equals("valid");
            List<String> warnings = new ArrayList<>();
            List<String> alerts = alerts(file, prepared, env.getOrDefault(file, Map.of()), warnings);
            boolean tollgateValid = alerts.isEmpty();
            if (haproxyValid) {
                valid++;
                acceptedValid += tollgateValid ? 1 : 0;
            } else {
                checkInvalid(file, row.length > 4 ? row[4] : "", alerts, warnings);
            }
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
        System.out.println("HAProxy-valid files accepted: " + acceptedValid + "/" + valid);
        assertThat(acceptedValid * 100).as("HAProxy-valid files accepted (%d/%d):%n%s", acceptedValid, valid,
                String.join("\n", disagreements)).isGreaterThanOrEqualTo(95 * valid);
    }

    /** What a file HAProxy refuses must get from Tollgate, by its category in VERDICTS.tsv. */
    private static void checkInvalid(String file, String category, List<String> alerts, List<String> warnings) {
        switch (category) {
            case "error" -> {
                boolean missingNewline = warnings.stream().anyMatch(w -> w.contains("Missing LF on last line"));
                if (!missingNewline) {
                    assertThat(alerts).as("%s is refused", file).isNotEmpty();
                }
                alerts.forEach(a -> assertThat(a).as("%s names file and line", file)
                        .containsPattern("\\[" + java.util.regex.Pattern.quote(file) + ":\\d+\\]"));
            }
            case "version" -> assertThat(alerts.isEmpty() && warnings.isEmpty())
                    .as("%s: refused or translated with a warning, never silently accepted", file).isFalse();
            case "lua" -> assertThat(alerts).as("%s says Lua is not supported", file)
                    .anyMatch(a -> a.contains("Lua is not supported"));
            default -> assertThat(alerts).as("%s is refused", file).isNotEmpty();
        }
    }

    /** The ALERT lines Tollgate gives for {@code file}, empty when it loads; its warnings go to {@code warnings}. */
    private static List<String> alerts(String file, Path prepared, Map<String, String> env, List<String> warnings) {
        try {
            Config config = ConfigLoader.load(List.of(Path.of(file)), env, prepared);
            config.warnings().forEach(w -> warnings.add(w.toString()));
            return List.of();
        } catch (ConfigException e) {
            e.problems().stream().filter(p -> p.severity() != ConfigProblem.Severity.ALERT)
                    .forEach(p -> warnings.add(p.toString()));
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
