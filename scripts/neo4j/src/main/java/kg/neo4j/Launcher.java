package kg.neo4j;

import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * zhkg's bundled Neo4j: Neo4j Community 5.26 embedded, with the Bolt connector on loopback only.
 *
 * Environment:
 *   NEO4J_HOME_DIR        data home (data/, logs/); default ".neo4j" (persistent, git-ignored)
 *   NEO4J_BOLT_PORT       Bolt port on 127.0.0.1; default 7687; 0 = ephemeral (the real port is printed)
 *   NEO4J_PASSWORD        password of user "neo4j", set on every start; default "zhkg-local-password";
 *                         NEO4J_AUTH=none disables authentication instead
 *   NEO4J_PAGECACHE_MB    page cache size in MiB; default 256
 *   NEO4J_WATCH_STDIN=1   exit (cleanly) when stdin closes, so a parent's death never orphans the JVM
 *
 * Prints "NEO4J_READY bolt://127.0.0.1:PORT" on stdout once Bolt answers a handshake, then runs until
 * SIGTERM/SIGINT (or stdin EOF with NEO4J_WATCH_STDIN=1), shutting the store down cleanly.
 * The password is never printed.
 */
public final class Launcher {
  static final String HOST = "127.0.0.1"; // loopback only, never 0.0.0.0

  public static void main(String[] args) throws Exception {
    Path home = Path.of(env("NEO4J_HOME_DIR", ".neo4j")).toAbsolutePath();
    int port = parsePort(env("NEO4J_BOLT_PORT", "7687"));
    boolean auth = !"none".equalsIgnoreCase(env("NEO4J_AUTH", ""));
    String password = env("NEO4J_PASSWORD", "zhkg-local-password");
    long pagecacheMb = Long.parseLong(env("NEO4J_PAGECACHE_MB", "256"));
    if (auth && password.length() < 8) {
      fail("NEO4J_PASSWORD must be at least 8 characters long (Neo4j's minimum)");
    }

    final DatabaseManagementService dbms;
    try {
      dbms = new DatabaseManagementServiceBuilder(home)
          .setConfig(BoltConnector.enabled, true)
          .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
          .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
          .setConfig(GraphDatabaseSettings.auth_enabled, auth)
          .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pagecacheMb))
          .setConfig(GraphDatabaseSettings.keep_logical_logs, "keep_none")
          .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(25))
          .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
          .setConfig(GraphDatabaseSettings.udc_enabled, false)
          .build();
    } catch (Throwable t) {
      fail("could not start Neo4j in " + home + ": " + rootMessage(t));
      return;
    }

    Thread hook = new Thread(() -> {
      try {
        dbms.shutdown();
        System.out.println("NEO4J_STOPPED");
        System.out.flush();
      } catch (Throwable t) {
        System.err.println("neo4j-launcher: shutdown error: " + rootMessage(t));
      }
    }, "neo4j-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);

    GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    db.executeTransactionally("RETURN 1");

    if (auth) {
      try {
        dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
            "ALTER USER neo4j SET PASSWORD $p CHANGE NOT REQUIRED", Map.of("p", password));
      } catch (RuntimeException e) {
        // "Old password and new password cannot be the same": already set on an earlier start. The
        // message never contains the password, but it is not printed anyway.
      }
    }

    ConnectorPortRegister reg = ((GraphDatabaseAPI) db).getDependencyResolver()
        .resolveDependency(ConnectorPortRegister.class);
    var bolt = reg.getLocalAddress(ConnectorType.BOLT);
    int realPort = bolt.getPort();
    waitForBolt(realPort);
    System.out.println("NEO4J_READY bolt://" + HOST + ":" + realPort);
    System.out.flush();

    if ("1".equals(env("NEO4J_WATCH_STDIN", ""))) {
      Thread watchdog = new Thread(() -> {
        try (InputStream in = System.in) {
          while (in.read() != -1) { /* discard */ }
        } catch (Exception ignored) { }
        System.exit(0); // runs the shutdown hook
      }, "stdin-watchdog");
      watchdog.setDaemon(true);
      watchdog.start();
    }
    Thread.currentThread().join();
  }

  /** Bolt handshake (magic + 4 version proposals); a 4-byte answer means Bolt is serving. */
  private static void waitForBolt(int port) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (true) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(HOST, port), 2000);
        s.setSoTimeout(5000);
        OutputStream out = s.getOutputStream();
        out.write(new byte[] {
          0x60, 0x60, (byte) 0xB0, 0x17,
          0, 8, 8, 5, // 5.0 .. 5.8
          0, 0, 4, 4,
          0, 0, 0, 0,
          0, 0, 0, 0});
        out.flush();
        byte[] answer = new byte[4];
        new DataInputStream(s.getInputStream()).readFully(answer);
        return;
      } catch (Exception e) {
        if (System.currentTimeMillis() > deadline) {
          fail("Bolt did not answer on " + HOST + ":" + port + " within 60 s");
        }
        Thread.sleep(200);
      }
    }
  }

  private static int parsePort(String s) {
    try {
      int p = Integer.parseInt(s.trim());
      if (p < 0 || p > 65535) throw new NumberFormatException();
      return p;
    } catch (NumberFormatException e) {
      fail("NEO4J_BOLT_PORT must be a port number 0-65535");
      return -1;
    }
  }

  private static String rootMessage(Throwable t) {
    Throwable r = t;
    while (r.getCause() != null && r.getCause() != r) r = r.getCause();
    String m = r.getMessage();
    String top = t.getMessage();
    return (top != null && !top.equals(m) ? top + " (cause: " + m + ")" : String.valueOf(m));
  }

  private static void fail(String message) {
    System.err.println("neo4j-launcher: " + message);
    System.err.flush();
    System.exit(2);
  }

  private static String env(String k, String d) {
    String v = System.getenv(k);
    return v == null || v.isBlank() ? d : v;
  }
}
