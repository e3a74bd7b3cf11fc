package bayou.cluster;

/**
 * What a slow link does to each packet it carries, in each direction: a delay with jitter (and a
 * chance of overtaking the delayed ones: reordering), a chance of loss and one of duplication.
 */
public record LinkFault(int delayMs, int jitterMs, double loss, double duplicate,
    double reorder) {
  public LinkFault {
    if (delayMs < 0 || jitterMs < 0 || jitterMs > delayMs && delayMs > 0) {
      throw new IllegalArgumentException("a link's delay and jitter are milliseconds >= 0, the "
          + "jitter at most the delay; got " + delayMs + " and " + jitterMs);
    }
    for (double p : new double[] {loss, duplicate, reorder}) {
      if (!(p >= 0 && p < 1)) {
        throw new IllegalArgumentException("loss, duplication and reordering are chances in "
            + "[0, 1); got " + p);
      }
    }
  }

  /** Whether this needs netem (delay, jitter, reordering), not only nftables. */
  boolean delays() {
    return delayMs > 0 || jitterMs > 0 || reorder > 0;
  }

  /** A chance as a threshold of {@code numgen random mod 1000}. */
  static int perMille(double p) {
    return (int) Math.round(p * 1000);
  }
}
