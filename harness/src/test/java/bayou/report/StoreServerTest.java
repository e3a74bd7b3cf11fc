package bayou.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bayou serve over HTTP: the table, the files, and what it refuses. */
class StoreServerTest {
  @TempDir
  static Path root;
  private static Path store;
  private static StoreServer server;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    store = Files.createDirectories(root.resolve("store"));
    RunFixture.valid(store.resolve("c/1-valid"));
    RunFixture.invalid(store.resolve("c/2-invalid"));
    Files.writeString(root.resolve("secret.txt"), "outside the store");
    Files.createSymbolicLink(store.resolve("c/2-invalid/escape"), root.resolve("secret.txt"));
    server = StoreServer.start(store, "127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theTableListsEveryRunAndFiltersByVerdict() throws Exception {
    String all = get("/").body();
    assertEquals(2, count(all, "<tr class=\"run "), all);
    String invalid = get("/?verdict=invalid&sort=ops&order=asc").body();
    assertEquals(1, count(invalid, "<tr class=\"run "), invalid);
    assertTrue(invalid.contains("/run/c/2-invalid/report.html"), invalid);
    String markup = get("/?verdict=%3Cscript%3E").body();
    assertFalse(markup.contains("<script>"), markup);
  }

  @Test
  void aRunsFilesAreServedWithTheirTypes() throws Exception {
    HttpResponse<String> report = get("/run/c/2-invalid/report.html");
    assertEquals(200, report.statusCode());
    assertTrue(report.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(report.body().contains("read-your-writes"));
    assertEquals("image/svg+xml", get("/run/c/2-invalid/latency.svg").headers()
        .firstValue("Content-Type").orElse(""));
    assertEquals(302, get("/run/c/2-invalid").statusCode());
    String jsonl = get("/run/c/2-invalid/history.jsonl").body();
    assertTrue(jsonl.startsWith("{\"index\":0"), jsonl);
  }

  @Test
  void nothingOutsideTheStoreIsServedAndNothingIsWritten() throws Exception {
    assertNull(server.inside("../secret.txt"));
    assertNull(server.inside("c/../../secret.txt"));
    assertNull(server.inside("c/2-invalid/escape"), "a link out of the store");
    assertNotNull(server.inside("c/2-invalid/report.html"));
    assertEquals(404, raw("GET /run/../secret.txt HTTP/1.0"));
    assertEquals(404, raw("GET /run/c/%2e%2e/%2e%2e/secret.txt HTTP/1.0"));
    assertEquals(404, get("/run/c/2-invalid/escape").statusCode());
    HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(uri("/"))
        .POST(HttpRequest.BodyPublishers.ofString("x")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(405, post.statusCode());
  }

  /** A request line sent as is: an HTTP client would normalize the dots away. */
  private static int raw(String requestLine) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.getOutputStream().write((requestLine + "\r\nHost: x\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      String status = new String(socket.getInputStream().readNBytes(12),
          StandardCharsets.US_ASCII);
      return Integer.parseInt(status.substring(9, 12));
    }
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri(path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private static int count(String text, String part) {
    return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }
}
