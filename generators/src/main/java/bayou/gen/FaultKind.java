package bayou.gen;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The kinds of fault a schedule may inject; the campaign's {@code --nemesis} names them. */
public enum FaultKind {
  /** Partition the live servers into a shape, or heal the current partition. */
  PARTITION(4),
  /** Pause anti-entropy for a few steps, then start it again. */
  PAUSE(2),
  /** Retire a live server (never the last one) and move its clients elsewhere. */
  RETIRE(1),
  /** Join a new server under the next unused id. */
  JOIN(1),
  /** Move a client to another server, by {@code joinClient} or by break and restore. */
  MOVE(6),
  /** SIGKILL a server process (at random, or the primary); restart it from disk later. */
  KILL(1),
  /** SIGSTOP a server process; SIGCONT it later. */
  FREEZE(1),
  /** Give a server's clock an offset (ahead or behind) and a drift. */
  CLOCK(1),
  /**
   * Slow a link between two servers, or every link of one server (loss, duplication, delay,
   * jitter, reordering), and later make it fast again. Only with {@code --net netns}: not in
   * {@code all}, which means every kind that runs anywhere.
   */
  SLOW(3);

  private final int weight;

  FaultKind(int weight) {
    this.weight = weight;
  }

  /**
   * How often this kind is chosen relative to the others: membership changes start and stop
   * processes, so they are rarer than partitions and moves, which cost nothing.
   */
  public int weight() {
    return weight;
  }

  /** The lower-case name used on command lines. */
  public String flagName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a comma-separated list such as {@code partition,pause}; {@code all} means every kind
   * and {@code none} or an empty string means none.
   *
   * @throws IllegalArgumentException naming the unknown kind and the known ones
   */
  public static Set<FaultKind> parseList(String list) {
    String trimmed = list.strip();
    if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("none")) {
      return EnumSet.noneOf(FaultKind.class);
    }
    if (trimmed.equalsIgnoreCase("all")) {
      return EnumSet.complementOf(EnumSet.of(SLOW));
    }
    EnumSet<FaultKind> kinds = EnumSet.noneOf(FaultKind.class);
    for (String word : trimmed.split(",")) {
      kinds.add(parse(word.strip()));
    }
    return kinds;
  }

  private static FaultKind parse(String word) {
    for (FaultKind k : values()) {
      if (k.flagName().equalsIgnoreCase(word)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown fault kind \"" + word
        + "\"; expected some of partition,pause,retire,join,move,kill,freeze,clock,slow (or"
        + " all, none)");
  }
}
