package bayou.node;

import bayou.protocol.Drops;

/** Diagnostics to stderr, off unless {@code -Dbayou.debug=true}: nodes are quiet by default. */
final class Log {
  static final boolean DEBUG = Boolean.getBoolean("bayou.debug");
  /** What the node drops: the first of each kind and the counts, or each under debug. */
  static final Drops DROPS = new Drops(Log::error, DEBUG);

  private Log() {}

  static void debug(String format, Object... args) {
    if (DEBUG) {
      System.err.println("[node " + ProcessHandle.current().pid() + " " + System.currentTimeMillis() % 100000 + "] "
          + String.format(format, args));
    }
  }

  static void error(String message) {
    System.err.println("bayou node " + ProcessHandle.current().pid() + ": " + message);
  }
}
