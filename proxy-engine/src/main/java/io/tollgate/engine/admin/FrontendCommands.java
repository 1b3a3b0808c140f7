package io.tollgate.engine.admin;

import io.tollgate.engine.runtime.FrontendChanges;
import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.runtime.Proxy;

import java.util.List;

/**
 * {@code disable frontend <f>} (stop listening: connects are refused, status {@code PAUSED}),
 * {@code enable frontend <f>} (listen again) and {@code shutdown frontend <f>} (stop for good,
 * status {@code STOP}), admin level, with HAProxy 2.6.12's answers; connections already
 * accepted go on. The work is {@link FrontendChanges}'s.
 */
final class FrontendCommands implements RuntimeApi.Family {
    private final Proxies proxies;
    private final FrontendChanges changes;

    FrontendCommands(Proxies proxies) {
        this.proxies = proxies;
        this.changes = new FrontendChanges(proxies.stateChanges());
    }

    @Override
    public RuntimeApi.Answer run(List<String> w, Actor actor) {
        String verb = w.get(0);
        if (w.size() < 2 || !w.get(1).equals("frontend") || !List.of("enable", "disable", "shutdown").contains(verb)) {
            return null;
        }
        if (!actor.level().allows(AccessLevel.ADMIN)) {
            return RuntimeApi.Answer.denied();
        }
        String name = w.size() > 2 ? w.get(2) : "";
        Proxy p = find(proxies, name);
        if (p == null) {
            return RuntimeApi.Answer.error(lookupError(name));
        }
        return switch (verb) {
            case "disable" -> answer(changes.pause(p), "Frontend was previously shut down, cannot disable.\n",
                    "All sockets are already disabled.\n", "Failed to pause frontend, check logs for precise cause.\n");
            case "enable" -> answer(changes.resume(p), "Frontend was previously shut down, cannot enable.\n",
                    "All sockets are already enabled.\n",
                    "Failed to resume frontend, check logs for precise cause (port conflict?).\n");
            default -> answer(changes.stop(p), null, "Frontend was already shut down.\n", null);
        };
    }

    private static RuntimeApi.Answer answer(FrontendChanges.Outcome outcome, String stopped, String already,
                                            String failed) {
        return switch (outcome) {
            case DONE -> RuntimeApi.Answer.ok();
            case STOPPED -> RuntimeApi.Answer.error(stopped);
            case ALREADY -> RuntimeApi.Answer.error(already);
            case FAILED -> RuntimeApi.Answer.error(failed);
        };
    }

    /** HAProxy's {@code cli_find_frontend}: a proxy with a frontend side, by name; null if none. */
    static Proxy find(Proxies proxies, String name) {
        for (Proxy p : proxies.all()) {
            if (p.isFrontend() && p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** Why {@link #find} found nothing, in HAProxy's words. */
    static String lookupError(String name) {
        return name.isEmpty() ? "A frontend name is expected.\n" : "No such frontend.\n";
    }
}
