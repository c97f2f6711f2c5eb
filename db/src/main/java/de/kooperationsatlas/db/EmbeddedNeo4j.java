package de.kooperationsatlas.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Runs Neo4j Community in this JVM and exposes it over Bolt on a loopback address only.
 *
 * <p>The Node side talks to it exclusively through Bolt, exactly as it would talk to a Neo4j server or Aura,
 * so the same code runs against both. Options (all optional):
 * <pre>
 *   --port N            Bolt port (default 7687)
 *   --host H            listen address (default 127.0.0.1)
 *   --data-dir DIR      Neo4j home with the store (default ./.neo4j-data)
 *   --ephemeral         use a temporary store that is deleted on shutdown (tests)
 *   --page-cache SIZE   page cache size, e.g. 256m (default 256m)
 *   --watch-stdin       shut down when standard input closes, so a crashed parent leaves no orphan
 * </pre>
 * Prints one line {@code NEO4J_READY bolt://host:port} when the default database accepts work,
 * and one line {@code NEO4J_ERROR reason} before a non-zero exit.
 */
public final class EmbeddedNeo4j {

    private EmbeddedNeo4j() {
    }

    public static void main(String[] args) {
        Map<String, String> options;
        try {
            options = parseArgs(args);
        } catch (IllegalArgumentException e) {
            fail(e.getMessage(), 2);
            return;
        }

        String host = options.getOrDefault("host", "127.0.0.1");
        int port;
        try {
            port = Integer.parseInt(options.getOrDefault("port", "7687"));
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            fail("invalid --port: " + options.get("port"), 2);
            return;
        }
        boolean ephemeral = options.containsKey("ephemeral");
        Path home;
        try {
            home = ephemeral
                    ? Files.createTempDirectory("kooperationsatlas-neo4j-")
                    : Path.of(options.getOrDefault("data-dir", ".neo4j-data")).toAbsolutePath();
            Files.createDirectories(home);
        } catch (IOException e) {
            fail("cannot create the data directory: " + e.getMessage(), 1);
            return;
        }

        DatabaseManagementService service;
        try {
            service = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                    .setConfig(HttpConnector.enabled, false)
                    // Bound to loopback only; a deployment uses a real server with authentication instead.
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory,
                            org.neo4j.io.ByteUnit.parse(options.getOrDefault("page-cache", "256m")))
                    // Keep transaction logs small: this is a local database that can always be re-imported.
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                    .build();
        } catch (RuntimeException e) {
            fail("Neo4j did not start: " + rootMessage(e), 1);
            deleteQuietly(ephemeral ? home : null);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Path ephemeralHome = ephemeral ? home : null;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.shutdown();
            } finally {
                deleteQuietly(ephemeralHome);
                System.out.println("NEO4J_STOPPED");
                System.out.flush();
                stopped.countDown();
            }
        }, "neo4j-shutdown"));

        if (!service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).isAvailable(Duration.ofMinutes(2).toMillis())) {
            fail("the default database did not become available", 1);
            return;
        }
        // If Bolt could not bind (port in use) the builder logs the failure but still returns; detect it here
        // so the caller gets one clear line instead of a server that never answers.
        if (!canConnect(host, port)) {
            fail("Bolt is not listening on " + host + ":" + port + " (port in use?)", 3);
            return;
        }
        System.out.println("NEO4J_READY bolt://" + host + ":" + port + " home=" + home);
        System.out.flush();

        if (options.containsKey("watch-stdin")) {
            Thread watcher = new Thread(() -> {
                try (InputStream in = System.in) {
                    while (in.read() != -1) {
                        // The parent never writes; we only wait for end-of-stream.
                    }
                } catch (IOException ignored) {
                    // Treated like a closed stream.
                }
                System.exit(0);
            }, "stdin-watcher");
            watcher.setDaemon(true);
            watcher.start();
        }

        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean canConnect(String host, int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(host, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Map<String, String> parseArgs(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--ephemeral", "--watch-stdin" -> options.put(arg.substring(2), "true");
                case "--port", "--host", "--data-dir", "--page-cache" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("missing value for " + arg);
                    }
                    options.put(arg.substring(2), args[++i]);
                }
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return options;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static void fail(String message, int code) {
        System.out.println("NEO4J_ERROR " + message);
        System.out.flush();
        System.exit(code);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // A leftover temp directory is harmless.
        }
    }
}
