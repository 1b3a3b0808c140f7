package io.tollgate.console.cli;

import io.tollgate.engine.admin.RuntimeApi;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Every global {@code stats socket}, serving the runtime API: opened all or none, closed together
 * (which removes their files). They share one timer for the idle timeouts.
 */
public final class AdminSockets implements AutoCloseable {

    private final List<AdminSocket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "tollgate-cli-timeout");
        thread.setDaemon(true);
        return thread;
    });

    private AdminSockets() {
    }

    /** Opens every socket of {@code settings}; if one cannot be opened, closes the others and says why. */
    public static AdminSockets open(CliSettings settings, RuntimeApi api) throws IOException {
        return open(settings, api, new StartupLog());
    }

    /**
     * As {@link #open(CliSettings, RuntimeApi)}, {@code show startup-logs} answering {@code startup};
     * the sockets count in {@code show info}'s {@code Listeners}.
     */
    public static AdminSockets open(CliSettings settings, RuntimeApi api, StartupLog startup) throws IOException {
        AdminSockets all = new AdminSockets();
        ConsoleCommands console = new ConsoleCommands(() -> all.sockets.stream().map(AdminSocket::describe).toList(),
                startup);
        try {
            for (SocketSpec spec : settings.sockets()) {
                all.sockets.add(AdminSocket.open(spec, api, console, settings, all.timer));
            }
        } catch (IOException e) {
            all.close();
            throw e;
        }
        api.countListeners(() -> all.closed ? 0 : all.sockets.size());
        return all;
    }

    @Override
    public void close() {
        closed = true;
        for (AdminSocket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // one socket's leftovers do not keep the others open
            }
        }
        timer.shutdownNow();
    }
}
