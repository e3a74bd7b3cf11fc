package bayou.replica;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Defects that can be injected on purpose ({@code --bug NAME}) to prove that the checkers catch
 * them. Never on by default.
 */
public enum Bug {
  SKIP_RYW, SKIP_MR, SKIP_MW, SKIP_WFR,
  /** Ignore CompleteV: re-add retired servers when a peer still lists them. */
  FORGET_RETIRED,
  /** A non-primary commits the writes it accepts. */
  NON_PRIMARY_COMMIT,
  /** Received tentative writes go to the end of the log instead of into their place. */
  SKIP_ROLLBACK,
  /** One write received by anti-entropy is dropped (but counted as seen). */
  LOSE_WRITE,
  /**
   * A tentative write placed before later ones updates the cached database as if it were the
   * last, instead of rolling back and replaying: reads can return an older write over a newer.
   */
  STALE_VIEW,
  /** The heir of a retirement applies the retiree's log without its RETIRE write. */
  LOSE_RETIRE,
  /**
   * A server answers a client's write before the write is on disk and saves its writes only
   * now and then: a crash loses writes it acknowledged.
   */
  ACK_BEFORE_PERSIST,
  /** A restarted server marks the tentative writes it recovers committed. */
  RECOVER_TENTATIVE_AS_COMMITTED,
  /** Accept-stamps come from the raw local clock, not the hybrid clock: causality is lost. */
  WALL_CLOCK_STAMPS;

  public String flag() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Bug parse(String flag) {
    for (Bug bug : values()) {
      if (bug.flag().equals(flag)) {
        return bug;
      }
    }
    throw new IllegalArgumentException("unknown bug '" + flag + "'; known: " + known());
  }

  public static String known() {
    return Arrays.stream(values()).map(Bug::flag).collect(Collectors.joining(", "));
  }

  public static Set<Bug> parseList(String flags) {
    Set<Bug> bugs = EnumSet.noneOf(Bug.class);
    if (flags != null && !flags.isBlank()) {
      for (String flag : flags.split(",")) {
        bugs.add(parse(flag.trim()));
      }
    }
    return bugs;
  }
}
