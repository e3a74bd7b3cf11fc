package bayou.replica;

/**
 * Bayou's recursive server names. The first server is {@link #ROOT}; a server created by a CREATE
 * write with accept-stamp T at server P is named {@code <T,P>}. Names order as plain strings,
 * which is a total order, used only to break ties between equal accept-stamps.
 */
public final class Names {
  public static final String ROOT = "R";

  private Names() {}

  public static String child(long createStamp, String parent) {
    return "<" + createStamp + "," + parent + ">";
  }

  public static boolean isRoot(String name) {
    return ROOT.equals(name);
  }

  /** The accept-stamp of the CREATE write that made this (non-root) server. */
  public static long createStamp(String name) {
    requireChild(name);
    return Long.parseLong(name.substring(1, name.indexOf(',')));
  }

  /** The server at which this (non-root) server was created. */
  public static String parent(String name) {
    requireChild(name);
    return name.substring(name.indexOf(',') + 1, name.length() - 1);
  }

  private static void requireChild(String name) {
    if (name == null || !name.startsWith("<") || !name.endsWith(">") || name.indexOf(',') < 0) {
      throw new IllegalArgumentException("not a created server's name: " + name);
    }
  }
}
