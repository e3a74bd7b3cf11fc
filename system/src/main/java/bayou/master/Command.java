package bayou.master;

import java.util.List;
import java.util.Map;

/**
 * One parsed course command. {@link #parse} accepts exactly the course's twelve commands with
 * their argument counts and numeric ids; anything else is rejected with a one-line reason.
 */
record Command(String name, List<String> args) {
  private static final Map<String, String> SHAPES = Map.ofEntries(
      Map.entry("joinServer", "i"), Map.entry("retireServer", "i"),
      Map.entry("joinClient", "ii"), Map.entry("breakConnection", "ii"),
      Map.entry("restoreConnection", "ii"), Map.entry("pause", ""), Map.entry("start", ""),
      Map.entry("stabilize", ""), Map.entry("printLog", "i"), Map.entry("put", "iss"),
      Map.entry("get", "is"), Map.entry("delete", "is"));

  /** Parses a line; throws IllegalArgumentException saying what is wrong. */
  static Command parse(String line) {
    String[] words = line.trim().split("\\s+");
    String name = words[0];
    String shape = SHAPES.get(name);
    if (shape == null) {
      throw new IllegalArgumentException("unknown command '" + name + "'");
    }
    if (words.length - 1 != shape.length()) {
      throw new IllegalArgumentException(name + " takes " + shape.length() + " argument(s), got "
          + (words.length - 1));
    }
    for (int i = 0; i < shape.length(); i++) {
      if (shape.charAt(i) == 'i' && !words[i + 1].matches("\\d{1,9}")) {
        throw new IllegalArgumentException(name + ": '" + words[i + 1] + "' is not an id");
      }
    }
    return new Command(name, List.of(words).subList(1, words.length));
  }

  int id(int i) {
    return Integer.parseInt(args.get(i));
  }

  String arg(int i) {
    return args.get(i);
  }
}
