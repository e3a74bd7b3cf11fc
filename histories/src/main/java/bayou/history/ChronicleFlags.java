package bayou.history;

import java.util.List;

/**
 * The JVM flags every process that opens a Chronicle Queue needs, and the quiet, home-free
 * configuration this module applies before Chronicle loads.
 *
 * <p>The module flags cannot be set from inside a running JVM, so launchers (scripts, Surefire,
 * tests that start a second JVM) add {@link #jvmFlags()} to the command line. The same list is in
 * the parent pom's {@code chronicle.jvm.flags}.
 */
public final class ChronicleFlags {
  private static final List<String> FLAGS = List.of(
      "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
      "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
      "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
      "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED",
      "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "-Dchronicle.analytics.disable=true",
      "-Dchronicle.banner.disable=true",
      "-Dchronicle.announcer.disable=true",
      "-Djna.tmpdir=/tmp");

  private static boolean prepared;

  private ChronicleFlags() {}

  /** The flags to put on the {@code java} command line of any JVM that opens a queue. */
  public static List<String> jvmFlags() {
    return FLAGS;
  }

  /**
   * Called from the static initializers of the classes that open queues, so it runs before any
   * Chronicle class initializes (Chronicle reads these properties once, in its own static
   * initializers). Properties already set on the command line win.
   */
  static synchronized void prepare() {
    if (prepared) {
      return;
    }
    prepared = true;
    // Analytics would phone home and keep a client id file under ~.
    setIfAbsent("chronicle.analytics.disable", "true");
    // The startup announcer logs a banner ("Running under ... Process id ...").
    setIfAbsent("chronicle.announcer.disable", "true");
    setIfAbsent("chronicle.banner.disable", "true");
    // JNA (loaded by Chronicle's posix layer) otherwise creates ~/.cache/JNA/temp.
    setIfAbsent("jna.tmpdir", System.getProperty("java.io.tmpdir"));
    requireOpens();
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  /**
   * Without the flags Chronicle fails deep inside with an AssertionError about FileChannelImpl;
   * say what is missing instead.
   */
  private static void requireOpens() {
    Module base = Object.class.getModule();
    Module us = ChronicleFlags.class.getModule();
    if (!base.isOpen("java.lang", us) || !base.isOpen("sun.nio.ch", us)) {
      throw new IllegalStateException("Chronicle Queue needs these JVM flags: "
          + String.join(" ", FLAGS));
    }
  }
}
