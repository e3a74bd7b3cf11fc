package bayou.replica;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bayou's recursive server names. The first server is {@link #ROOT}; a server created by a CREATE
 * write with accept-stamp T at server P is named {@code <T,P>}. Names order as plain strings,
 * which is a total order, used only to break ties between equal accept-stamps.
 */
public final class Names {
  public static final String ROOT = "R";
  /**
   * The longest name accepted from outside. A name nests once per creation in its chain, about
   * 20 characters a level, so this allows chains of some 800 servers; it also bounds the
   * recursion of the CompleteV rule.
   */
  public static final int NAME_CHARS_MAX = 16_384;

  /**
   * Names already parsed and found valid. Every vector on every message names its servers, and
   * parsing them again each time (substrings, digit scans) was a third of a simulated run's CPU.
   * A pure function's memo, shared by the runs of a sweep; cleared when it grows past the bound,
   * so a long run that creates servers without end does not keep every name forever.
   */
  private static final Map<String, Parsed> PARSED = new ConcurrentHashMap<>();
  private static final int PARSED_MAX = 65_536;

  /**
   * A valid name's parts, linked to its parent's: CompleteV walks a chain of parents with one
   * memo look-up, not two per level. {@code name} is the instance the memo holds, so a walk's
   * map look-ups of parents' names mostly meet the same instance and skip comparing the text.
   * The root has no parent.
   */
  record Parsed(String name, long createStamp, Parsed parent) {}

  private Names() {}

  public static String child(long createStamp, String parent) {
    return "<" + createStamp + "," + parent + ">";
  }

  /** How many creators a name nests: 0 for R, 1 for a server R created, and so on. */
  public static int depth(String name) {
    // a scan, not the parsed chain: the cluster also asks about names it never validated
    int depth = 0;
    for (int i = 0; i < name.length() && name.charAt(i) == '<'; i = name.indexOf(',', i) + 1) {
      depth++;
    }
    return depth;
  }

  public static boolean isRoot(String name) {
    return ROOT.equals(name);
  }

  /** The accept-stamp of the CREATE write that made this (non-root) server. */
  public static long createStamp(String name) {
    return child(name).createStamp();
  }

  /** The server at which this (non-root) server was created. */
  public static String parent(String name) {
    return child(name).parent().name();
  }

  /**
   * Throws unless {@code name} is a server name: {@code R}, or {@code <T,P>} with T a
   * non-negative accept-stamp and P a name, at most {@link #NAME_CHARS_MAX} characters.
   */
  public static String requireValid(String name) {
    parsed(name);
    return name;
  }

  /**
   * {@code name}, validated, as one shared instance: every write decoded from a message would
   * otherwise hold its own copy of its acceptor's name, and a long log of long names filled a
   * node's heap (an hour-long campaign ran nodes out of memory).
   */
  public static String canonical(String name) {
    return parsed(name).name();
  }

  private static Parsed child(String name) {
    Parsed parsed = name == null ? null : parsed(name);
    if (parsed == null || parsed.parent() == null) {
      throw new IllegalArgumentException("not a created server's name: " + name);
    }
    return parsed;
  }

  /** A valid name's parts; throws IllegalArgumentException as {@link #requireValid} does. */
  static Parsed parsed(String name) {
    Parsed known = name == null ? null : PARSED.get(name);
    if (known != null) {
      return known;
    }
    validate(name);
    return parsedValid(name);
  }

  /** The parts of a name already validated (so are its parents': they are inside it). */
  private static Parsed parsedValid(String name) {
    Parsed known = PARSED.get(name);
    if (known != null) {
      return known;
    }
    Parsed parsed = isRoot(name) ? new Parsed(name, 0, null)
        : new Parsed(name, Long.parseLong(name.substring(1, name.indexOf(','))),
            parsedValid(name.substring(name.indexOf(',') + 1, name.length() - 1)));
    if (PARSED.size() >= PARSED_MAX) {
      PARSED.clear();
    }
    PARSED.put(name, parsed);
    return parsed;
  }

  private static void validate(String name) {
    if (name == null || name.isEmpty() || name.length() > NAME_CHARS_MAX) {
      throw new IllegalArgumentException("not a server name (null, empty or longer than "
          + NAME_CHARS_MAX + " characters)");
    }
    int at = 0;
    int depth = 0;
    while (at < name.length() && name.charAt(at) == '<') {
      int digits = at + 1;
      while (digits < name.length() && Character.isDigit(name.charAt(digits))) {
        digits++;
      }
      if (digits == at + 1 || digits - at > 20 || digits >= name.length()
          || name.charAt(digits) != ',') {
        throw new IllegalArgumentException("not a server name at " + at + ": " + clip(name));
      }
      at = digits + 1;
      depth++;
    }
    boolean valid = name.startsWith(ROOT, at) && name.length() == at + ROOT.length() + depth;
    for (int i = at + ROOT.length(); valid && i < name.length(); i++) {
      valid = name.charAt(i) == '>';
    }
    if (!valid) {
      throw new IllegalArgumentException("not a server name: " + clip(name));
    }
  }

  private static String clip(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "...";
  }
}
