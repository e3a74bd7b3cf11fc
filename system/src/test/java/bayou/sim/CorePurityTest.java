package bayou.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core (the replica, the protocol roles, the wire and the simulator) never reads a clock,
 * touches a socket, starts a thread or halts the JVM: time and I/O belong to the drivers, and
 * the simulator's determinism depends on it.
 */
class CorePurityTest {
  static final List<String> CORE = List.of("bayou/replica", "bayou/protocol", "bayou/wire",
      "bayou/sim");
  static final Pattern FORBIDDEN = Pattern.compile(
      "System\\.nanoTime|System\\.currentTimeMillis|\\bInstant\\b|java\\.net|\\bThread\\b"
          + "|\\bRuntime\\b");

  @Test
  void corePackagesNameNoClockSocketThreadOrRuntime() throws IOException {
    Path main = Path.of("src/main/java");
    List<String> offences = new ArrayList<>();
    for (String pkg : CORE) {
      try (Stream<Path> files = Files.walk(main.resolve(pkg))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          List<String> lines = Files.readAllLines(file);
          for (int i = 0; i < lines.size(); i++) {
            String code = lines.get(i).replaceAll("//.*|^\\s*\\*.*|/\\*.*", "");
            if (FORBIDDEN.matcher(code).find()) {
              offences.add(main.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
            }
          }
        }
      }
    }
    assertEquals(List.of(), offences);
  }
}
