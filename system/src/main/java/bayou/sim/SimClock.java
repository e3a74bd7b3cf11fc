package bayou.sim;

/**
 * One simulated machine's clock: virtual time shifted by an offset and stretched by a drift, so
 * accept-stamps skew between servers as on real machines. Local time is what the node's role
 * sees (microseconds since the epoch); virtual time is the scheduler's.
 */
public final class SimClock {
  /** Local time at virtual 0 on a clock without offset: 2027-01-01, so names look plausible. */
  static final long EPOCH_MICROS = 1_798_761_600_000_000L;

  private final long offsetMicros;
  private final double driftPpm;
  /** The master's skew ({@code skewClock}): an offset, and a drift from virtual {@code skewFrom}. */
  private long skewOffsetMicros;
  private double skewDriftPpm;
  private long skewFrom;
  /** The last {@link #virtualAt} asked and its answer: a node's wake time seldom changes. */
  private long askedLocal = Long.MIN_VALUE;
  private long answeredVirtual;

  public SimClock(long offsetMicros, double driftPpm) {
    if (driftPpm <= -1e6) {
      throw new IllegalArgumentException("a clock cannot run backwards: drift " + driftPpm);
    }
    this.offsetMicros = offsetMicros;
    this.driftPpm = driftPpm;
  }

  public long offsetMicros() {
    return offsetMicros;
  }

  public double driftPpm() {
    return driftPpm;
  }

  /**
   * Adds the master's skew from virtual time {@code now} on: an offset (a jump, back when
   * negative) and a drift, replacing any earlier skew.
   */
  public void skew(long offset, double drift, long now) {
    if (drift <= -1e6) {
      throw new IllegalArgumentException("a clock cannot run backwards: drift " + drift);
    }
    skewOffsetMicros = offset;
    skewDriftPpm = drift;
    skewFrom = now;
    askedLocal = Long.MIN_VALUE;
  }

  /** This clock's reading at virtual time {@code virtual}. */
  public long local(long virtual) {
    long skewed = skewOffsetMicros == 0 && skewDriftPpm == 0 ? 0 : skewOffsetMicros
        + Math.round(Math.max(0, virtual - skewFrom) * skewDriftPpm / 1e6);
    return EPOCH_MICROS + offsetMicros + virtual + Math.round(virtual * driftPpm / 1e6)
        + skewed;
  }

  /**
   * The earliest virtual time, not before the last skew, at which this clock reads at least
   * {@code local}. From the last skew on the reading only grows, so a search finds it.
   */
  public long virtualAt(long local) {
    if (local != askedLocal) {
      answeredVirtual = search(local);
      askedLocal = local;
    }
    return answeredVirtual;
  }

  private long search(long local) {
    long low = skewFrom;
    if (local(low) >= local) {
      return low;
    }
    long step = 1;
    long high = low + step;
    while (local(high) < local && high < Long.MAX_VALUE / 4) {
      low = high;
      step *= 2;
      high = low + step;
    }
    while (low + 1 < high) { // local(low) < local <= local(high)
      long mid = (low + high) >>> 1;
      if (local(mid) < local) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return high;
  }
}
