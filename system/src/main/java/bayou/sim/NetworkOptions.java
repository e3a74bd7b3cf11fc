package bayou.sim;

/**
 * The simulated network and clocks. Latency is {@code minLatency} plus an exponential tail of
 * mean {@code meanLatency - minLatency}; each message is lost, duplicated or allowed to overtake
 * earlier ones on its link with the given probabilities. Clocks get an offset within
 * {@code ±maxSkewMicros} and a drift within {@code ±maxDriftPpm}.
 */
public record NetworkOptions(long minLatencyMicros, long meanLatencyMicros, double loss,
    double duplication, double reordering, long maxSkewMicros, double maxDriftPpm,
    boolean wire) {

  public NetworkOptions {
    if (minLatencyMicros < 0 || meanLatencyMicros < minLatencyMicros) {
      throw new IllegalArgumentException("latency must satisfy 0 <= min <= mean, got min "
          + minLatencyMicros + " us, mean " + meanLatencyMicros + " us");
    }
    probability("loss", loss);
    probability("duplication", duplication);
    probability("reordering", reordering);
    if (loss >= 0.5) {
      throw new IllegalArgumentException("--loss must be below 0.5 for anything to get through");
    }
    if (maxSkewMicros < 0 || maxDriftPpm < 0 || maxDriftPpm >= 1e5) {
      throw new IllegalArgumentException("clock skew must be >= 0 and drift in [0, 100000) ppm");
    }
  }

  private static void probability(String name, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("--" + name + " must be in [0, 1], got " + p);
    }
  }

  /** Loopback-like latency, a reliable FIFO network and synchronized clocks: the course's. */
  public static NetworkOptions reliable() {
    return new NetworkOptions(50, 200, 0, 0, 0, 0, 0, false);
  }

  /** The campaign default: LAN-like latency with a tail, skewed and drifting clocks. */
  public static NetworkOptions campaignDefault() {
    return new NetworkOptions(100, 1_000, 0, 0, 0, 20_000, 100, false);
  }

  /** The command-line options that give exactly these (see {@code bin/bayou campaign --help}). */
  public String toArgs() {
    return "--latency-us " + minLatencyMicros + "," + meanLatencyMicros + " --loss " + loss
        + " --duplicate " + duplication + " --reorder " + reordering + " --clock-skew-ms "
        + maxSkewMicros / 1e3 + " --clock-drift-ppm " + maxDriftPpm + (wire ? " --wire" : "");
  }

  public NetworkOptions withWire(boolean roundTrip) {
    return new NetworkOptions(minLatencyMicros, meanLatencyMicros, loss, duplication,
        reordering, maxSkewMicros, maxDriftPpm, roundTrip);
  }
}
