package bayou.history;

/**
 * A fault or control event of the run, in the same stream as the operations.
 *
 * @param f one of {@code break}, {@code restore}, {@code pause}, {@code start},
 *     {@code joinServer}, {@code retireServer}, {@code joinClient}, {@code moveClient},
 *     {@code stabilizeBegin}, {@code stabilizeEnd}, {@code runEnd}
 * @param a the first master id involved, or -1
 * @param b the second master id involved (a break's other end, a client's server), or -1
 * @param name a Bayou server name, for joinServer and retireServer; else null
 * @param detail free text (for example why a step gave up), or null
 */
public record NemesisEvent(long index, long timeNanos, String f, int a, int b, String name,
    String detail) implements HistoryEvent {
  /** A step of a schedule that failed; the detail says which and why. */
  public static final String STEP_FAILED = "stepFailed";
  /** A step of the final heal that failed; the detail says which and why. */
  public static final String HEAL_FAILED = "healFailed";
  /**
   * The run is timed by the simulator's virtual clock (recorded first): no busy machine delays
   * an answer there, so a silence or a failed step is the system's doing.
   */
  public static final String VIRTUAL_TIME = "virtualTime";
  /**
   * A short script replayed alone on processes (recorded first), to confirm a finding of the
   * simulator: no load there excuses an operation left unanswered either.
   */
  public static final String QUIET_REPLAY = "quietReplay";
  /**
   * The network loses messages for the whole run (the simulator's {@code --loss}; the detail
   * says how many): any wait may then run out, so no silence is a finding.
   */
  public static final String LOSSY_NETWORK = "lossyNetwork";

  public NemesisEvent {
    if (f == null || f.isEmpty()) {
      throw new IllegalArgumentException("a nemesis event needs an f");
    }
  }

  public static NemesisEvent of(String f, int a, int b, String name, String detail) {
    return new NemesisEvent(-1, -1, f, a, b, name, detail);
  }

  public NemesisEvent at(long newIndex, long newTimeNanos) {
    return new NemesisEvent(newIndex, newTimeNanos, f, a, b, name, detail);
  }
}
