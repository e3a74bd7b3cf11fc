package bayou.checker;

import bayou.history.HistoryEvent;
import bayou.history.OpEvent;
import bayou.history.SnapshotEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Short server names in explanations: the master's {@code s23}, as history.txt prints it,
 * instead of Bayou's recursive {@code <1796159719811003,<1796159714959096,R>>} (or the first
 * server's {@code R}). The first mention in an explanation keeps the Bayou name once,
 * {@code s23 (<...>)}, so it can still be matched against a log.
 */
final class ServerAliases {
  private final Map<String, String> aliasByName;
  /** Longest first, so a name is never cut short by the name of the server that created it. */
  private final List<String> names;

  private ServerAliases(Map<String, String> aliasByName) {
    this.aliasByName = aliasByName;
    this.names = new ArrayList<>(aliasByName.keySet());
    names.sort(Comparator.comparingInt(String::length).reversed());
  }

  /** The aliases every event that names both a master id and a Bayou name defines. */
  static ServerAliases of(History history) {
    Map<String, String> aliases = new HashMap<>();
    for (HistoryEvent event : history.events()) {
      if (event instanceof OpEvent op) {
        put(aliases, op.server(), op.serverName());
      } else if (event instanceof SnapshotEvent snapshot) {
        put(aliases, snapshot.server(), snapshot.serverName());
      }
    }
    return new ServerAliases(aliases);
  }

  private static void put(Map<String, String> aliases, int id, String name) {
    if (id >= 0 && name != null && !name.isEmpty()) {
      aliases.putIfAbsent(name, "s" + id);
    }
  }

  /** The result with every explanation's server names shortened. */
  CheckResult apply(CheckResult result) {
    if (aliasByName.isEmpty() || result.violations().isEmpty()) {
      return result;
    }
    List<Violation> renamed = new ArrayList<>();
    for (Violation v : result.violations()) {
      renamed.add(new Violation(v.kind(), shorten(v.explanation()), v.eventIndices()));
    }
    return new CheckResult(result.checker(), result.validity(), result.counts(), renamed);
  }

  /** Scans left to right and replaces the longest name starting at each {@code <}. */
  String shorten(String text) {
    StringBuilder out = new StringBuilder(text.length());
    Set<String> mentioned = new HashSet<>();
    int i = 0;
    while (i < text.length()) {
      String name = nameAt(text, i);
      if (name == null) {
        out.append(text.charAt(i++));
        continue;
      }
      String alias = aliasByName.get(name);
      out.append(alias);
      if (mentioned.add(name)) {
        out.append(" (").append(name).append(')');
      }
      i += name.length();
    }
    return out.toString();
  }

  /**
   * The longest name at i. A bare name (the first server's {@code R}) counts only as a whole
   * word, so that "Read" stays a word; a recursive name is delimited by its brackets.
   */
  private String nameAt(String text, int i) {
    for (String name : names) {
      if (text.startsWith(name, i) && (name.startsWith("<")
          || (!wordChar(text, i - 1) && !wordChar(text, i + name.length())))) {
        return name;
      }
    }
    return null;
  }

  private static boolean wordChar(String text, int i) {
    return i >= 0 && i < text.length() && Character.isLetterOrDigit(text.charAt(i));
  }
}
