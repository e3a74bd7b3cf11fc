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

  /** This clock's reading at virtual time {@code virtual}. */
  public long local(long virtual) {
    return EPOCH_MICROS + offsetMicros + virtual + Math.round(virtual * driftPpm / 1e6);
  }

  /** The earliest virtual time at which this clock reads at least {@code local}. */
  public long virtualAt(long local) {
    double rate = 1 + driftPpm / 1e6;
    long guess = (long) Math.floor((local - EPOCH_MICROS - offsetMicros) / rate);
    long virtual = Math.max(0, guess - 2);
    while (local(virtual) < local) {
      virtual++;
    }
    return virtual;
  }
}
