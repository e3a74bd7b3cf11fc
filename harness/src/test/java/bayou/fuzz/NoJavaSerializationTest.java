package bayou.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Nothing uses Java serialization (a gadget chain away from running a stranger's code), and
 * every socket is on loopback: a listener binds to it, an outgoing socket binds to it or
 * connects to it.
 */
class NoJavaSerializationTest {
  static final List<String> MODULES = List.of("system", "histories", "checker", "generators",
      "harness");
  static final Pattern SERIALIZATION = Pattern.compile(
      "ObjectInputStream|ObjectOutputStream|\\bSerializable\\b|readObject\\(|writeObject\\(");

  private static Path root() {
    return Path.of(System.getProperty("bayou.root", "..")).toAbsolutePath().normalize();
  }

  private static List<Path> sources() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String module : MODULES) {
      try (Stream<Path> walk = Files.walk(root().resolve(module).resolve("src/main/java"))) {
        walk.filter(f -> f.toString().endsWith(".java")).forEach(files::add);
      }
    }
    assertTrue(files.size() > 50, "found the sources: " + files.size());
    return files;
  }

  @Test
  void noSourceUsesJavaSerialization() throws IOException {
    List<String> offences = new ArrayList<>();
    for (Path file : sources()) {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        String code = lines.get(i).replaceAll("//.*|^\\s*\\*.*|/\\*.*", "");
        if (SERIALIZATION.matcher(code).find()) {
          offences.add(root().relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
        }
      }
    }
    assertEquals(List.of(), offences);
  }

  @Test
  void everySocketIsOnLoopback() throws IOException {
    List<String> offences = new ArrayList<>();
    for (Path file : sources()) {
      String text = Files.readString(file);
      for (String opening : List.of("new ServerSocket(", "new Socket(")) {
        for (int at = text.indexOf(opening); at >= 0; at = text.indexOf(opening, at + 1)) {
          String statement = text.substring(at, Math.min(text.length(), at + 400));
          // bayou.node.Endpoints: loopback, or with --net netns the node's own namespace address
          boolean bound = opening.equals("new Socket(") && statement.startsWith("new Socket()")
              ? statement.contains(".bind(new InetSocketAddress(InetAddress.getLoopbackAddress()")
                  || statement.contains(".bind(new InetSocketAddress(endpoints.self()")
                  || statement.contains(".bind(new InetSocketAddress(bindTo")
              : statement.substring(0, statement.indexOf(';')).matches(
                  "(?s).*(getLoopbackAddress\\(\\)|endpoints\\.self\\(\\)).*");
          if (!bound) {
            offences.add(root().relativize(file) + ": " + statement.lines().findFirst()
                .orElse(""));
          }
        }
      }
    }
    assertEquals(List.of(), offences);
  }
}
