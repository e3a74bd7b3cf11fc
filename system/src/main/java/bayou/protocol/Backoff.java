package bayou.protocol;

/**
 * When a request that must be answered is sent again: first after {@code first} microseconds,
 * then at doubling intervals up to {@code max}, until {@link #stop}.
 *
 * <p>A hand-off and a creation carry a whole log. Sent again every 300 ms, as small requests
 * are, a long run's log outran its peer: each copy it had not yet read cost it another, and an
 * hour into a soak retirements and joins timed out.
 */
final class Backoff {
  private final long first;
  private final long max;
  private long interval;
  private long dueAt = Long.MAX_VALUE;

  Backoff(long first, long max) {
    this.first = first;
    this.max = max;
  }

  /** The request was sent (local time {@code now}): it is due again after the first interval. */
  void start(long now) {
    interval = first;
    dueAt = now + interval;
  }

  boolean due(long now) {
    return now >= dueAt;
  }

  /** It was sent again: the next time waits twice as long, up to the maximum. */
  void again(long now) {
    interval = Math.min(interval * 2, max);
    dueAt = now + interval;
  }

  /** It was answered. */
  void stop() {
    dueAt = Long.MAX_VALUE;
  }

  /** When it is due, {@link Long#MAX_VALUE} when it is not pending. */
  long dueAt() {
    return dueAt;
  }
}
