package bayou.cli;

import bayou.replica.Bug;
import java.util.Arrays;
import java.util.Iterator;

/** The {@code --bug} names, for help text and completion, and their validation. */
final class BugNames implements Iterable<String> {
  @Override
  public Iterator<String> iterator() {
    return Arrays.stream(Bug.values()).map(Bug::flag).iterator();
  }

  /** The flag itself when known, "" for none; an unknown name throws with the known ones. */
  static String validated(String flag) {
    if (flag == null || flag.isEmpty()) {
      return "";
    }
    return Bug.parse(flag).flag();
  }
}
