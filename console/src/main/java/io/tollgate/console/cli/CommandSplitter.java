package io.tollgate.console.cli;

import java.util.ArrayList;
import java.util.List;

/** Splits one line read from the socket into commands, as HAProxy's CLI does. */
final class CommandSplitter {

    private CommandSplitter() {
    }

    /**
     * The commands of {@code line}, split on {@code ;} except an escaped {@code \;} (which becomes a
     * plain {@code ;}), each trimmed; empty ones are kept, since HAProxy answers them as unknown.
     */
    static List<String> split(String line) {
        List<String> commands = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == ';') {
                current.append(';');
                i++;
            } else if (c == ';') {
                commands.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        commands.add(current.toString().trim());
        return commands;
    }
}
