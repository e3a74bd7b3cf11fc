package bayou.cluster;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The class path of a node process: only the code a server or client runs (the system module,
 * the write ids of the histories module, Gson), found where this JVM loaded it from. A short
 * class path starts faster than the harness's thirty-odd jars, and {@code bin/bayou} archives it
 * for AppCDS on its own. {@code main} prints it for that script.
 */
public final class NodeClasspath {
  private NodeClasspath() {}

  public static String of() {
    Set<String> entries = new LinkedHashSet<>();
    for (Class<?> anchor : new Class<?>[] {bayou.node.NodeMain.class,
        bayou.history.WriteId.class, com.google.gson.Gson.class}) {
      entries.add(locationOf(anchor));
    }
    return String.join(File.pathSeparator, entries);
  }

  private static String locationOf(Class<?> anchor) {
    try {
      return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException | NullPointerException e) {
      return System.getProperty("java.class.path"); // no code source: fall back to all of it
    }
  }

  public static void main(String[] args) {
    System.out.println(of());
  }
}
