package bayou.protocol;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Counts what a node drops (a message that does not decode or makes its handler throw, a
 * connection without the run's secret, ...) and says so without flooding stderr: the first drop
 * of each kind in full, then one line with the count when it reaches 10, 100, 1000 and so on,
 * naming the latest. Under {@code -Dbayou.debug=true} every drop gets its line. Garbage sent to
 * a node at a thousand lines a second thus costs a handful of lines, and still says what and
 * how much. Thread-safe: socket readers and the event loop report alike.
 */
public final class Drops {
  private final Consumer<String> out;
  private final boolean everyOne;
  private final Map<String, Long> counts = new HashMap<>();

  /**
   * @param out where a line goes (a node's stderr with its prefix)
   * @param everyOne one line per drop (debugging) instead of the first and the counts
   */
  public Drops(Consumer<String> out, boolean everyOne) {
    this.out = out;
    this.everyOne = everyOne;
  }

  /**
   * One drop of {@code kind} (a short plural noun phrase: "peer messages"), because of
   * {@code detail} (one line: what was dropped and why).
   */
  public void drop(String kind, String detail) {
    long count;
    synchronized (counts) {
      count = counts.merge(kind, 1L, Long::sum);
    }
    if (everyOne) {
      out.accept("dropped " + detail);
    } else if (count == 1) {
      out.accept("dropped " + detail + " (the first of its kind; further " + kind
          + " dropped are counted, -Dbayou.debug=true shows each)");
    } else if (isPowerOfTen(count)) {
      out.accept(count + " " + kind + " dropped so far; the latest: " + detail);
    }
  }

  /** How many of {@code kind} were dropped. */
  public long count(String kind) {
    synchronized (counts) {
      return counts.getOrDefault(kind, 0L);
    }
  }

  private static boolean isPowerOfTen(long n) {
    while (n >= 10 && n % 10 == 0) {
      n /= 10;
    }
    return n == 1;
  }
}
