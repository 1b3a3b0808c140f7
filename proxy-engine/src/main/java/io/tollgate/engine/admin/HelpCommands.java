package io.tollgate.engine.admin;

import java.util.List;

/**
 * {@code help [<words>]}, any level: HAProxy 2.6 prints the same list at every level
 * (FORMATS §9), the level being checked when a command runs. See {@link CliUsage}.
 */
final class HelpCommands implements RuntimeApi.Family {
    @Override
    public RuntimeApi.Answer run(List<String> w, Actor actor) {
        if (!w.get(0).equals("help")) {
            return null;
        }
        return RuntimeApi.Answer.info(CliUsage.help(w.subList(1, w.size())));
    }
}
