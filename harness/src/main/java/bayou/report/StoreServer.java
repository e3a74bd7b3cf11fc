package bayou.report;

import bayou.history.HistoryJson;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code bayou serve}: a read-only web view of a store. The table of runs at {@code /}, and at
 * {@code /run/PATH/FILE} the files of each run (its report, timeline, pictures, scripts),
 * streamed from disk. Only GET and HEAD; no path leaves the store, symbolic links included.
 */
public final class StoreServer implements AutoCloseable {
  /** Requests served at once; a browser opens a handful of connections. */
  static final int THREADS = 4;
  private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
      "svg", "image/svg+xml", "json", "application/json", "png", "image/png",
      "jsonl", "text/plain; charset=utf-8", "test", "text/plain; charset=utf-8",
      "txt", "text/plain; charset=utf-8");

  private final Path store;
  private final HttpServer server;
  private final ExecutorService threads;

  private StoreServer(Path store, HttpServer server) {
    this.store = store;
    this.server = server;
    this.threads = Executors.newFixedThreadPool(THREADS, r -> {
      Thread t = new Thread(r, "serve");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(threads);
    server.createContext("/", this::handle);
  }

  /** Serves store on host:port (port 0: any free port) until closed. */
  public static StoreServer start(Path store, String host, int port) throws IOException {
    if (!Files.isDirectory(store)) {
      throw new IllegalArgumentException("no store directory " + store.toAbsolutePath()
          + " (a campaign makes one; or pass --store DIR)");
    }
    HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 0);
    StoreServer served = new StoreServer(store.toRealPath(), http);
    http.start();
    return served;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        text(exchange, 405, "read-only: GET and HEAD only");
        return;
      }
      String path = exchange.getRequestURI().getPath(); // decoded
      if (path.equals("/")) {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        page(exchange, RunIndex.page(RunIndex.rows(store, query.get("verdict"),
            query.get("sort"), query.get("order").equals("desc")), query.get("verdict"),
            query.get("sort"), query.get("order").equals("desc")));
      } else if (path.startsWith("/run/")) {
        file(exchange, path.substring("/run/".length()));
      } else {
        text(exchange, 404, "not found: try /");
      }
    } catch (RuntimeException e) {
      System.err.println("bayou serve: " + exchange.getRequestURI() + ": " + e);
    }
  }

  private void file(HttpExchange exchange, String relative) throws IOException {
    Path file = inside(relative);
    if (file == null) {
      text(exchange, 404, "not in the store: " + relative);
    } else if (Files.isDirectory(file)) {
      exchange.getResponseHeaders().set("Location", "report.html");
      exchange.sendResponseHeaders(302, -1);
    } else if (Files.isRegularFile(file)) {
      send(exchange, file);
    } else if (file.getFileName().toString().equals("history.jsonl")
        && Files.isDirectory(file.resolveSibling("queue"))) {
      exchange.getResponseHeaders().set("Content-Type", TYPES.get("jsonl"));
      exchange.sendResponseHeaders(200, 0); // chunked: written as it is read
      if (!exchange.getRequestMethod().equals("HEAD")) {
        HistoryJson.export(file.getParent(), exchange.getResponseBody());
      }
    } else {
      text(exchange, 404, "no such file in the run: " + relative);
    }
  }

  /**
   * The path in the store that relative names, or null when it would leave the store: no
   * {@code ..}, and what it resolves to (through any link) must still be under the store.
   */
  Path inside(String relative) throws IOException {
    if (relative.contains("\0") || relative.startsWith("/")) {
      return null;
    }
    for (String part : relative.split("/")) {
      if (part.equals("..")) {
        return null;
      }
    }
    Path path = store.resolve(relative).normalize();
    if (!path.startsWith(store)) {
      return null;
    }
    Path existing = Files.exists(path) ? path : path.getParent();
    return existing != null && Files.exists(existing) && existing.toRealPath().startsWith(store)
        ? path : null;
  }

  private static void send(HttpExchange exchange, Path file) throws IOException {
    String name = file.getFileName().toString();
    String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1)
        .toLowerCase(Locale.ROOT), "application/octet-stream");
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(200, head ? -1 : Files.size(file));
    if (!head) {
      try (OutputStream body = exchange.getResponseBody()) {
        Files.copy(file, body); // streamed in buffers, never loaded whole
      }
    }
  }

  private static void page(HttpExchange exchange, String html) throws IOException {
    respond(exchange, 200, "text/html; charset=utf-8", html);
  }

  private static void text(HttpExchange exchange, int status, String text) throws IOException {
    respond(exchange, status, "text/plain; charset=utf-8", text + "\n");
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      exchange.getResponseBody().write(bytes);
    }
  }

  /** The table's query: verdict, sort and order, with defaults for what is missing. */
  static Map<String, String> query(String raw) {
    Map<String, String> query = new HashMap<>(RunIndex.defaults());
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    if (!RunIndex.COLUMNS.contains(query.get("sort"))) {
      query.put("sort", "time");
    }
    return query;
  }
}
