package bayou.sim;

import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * The simulator's discrete-event loop: one thread, a virtual clock in microseconds that jumps to
 * the next event, and events at the same time in the order they were scheduled. Nothing here
 * depends on the wall clock, so a run is a function of its inputs and its seed.
 */
public final class Scheduler {
  private final PriorityQueue<Event> queue = new PriorityQueue<>();
  private long now;
  private long sequence;
  private long executed;

  private record Event(long time, long seq, Runnable action) implements Comparable<Event> {
    @Override
    public int compareTo(Event other) {
      int byTime = Long.compare(time, other.time);
      return byTime != 0 ? byTime : Long.compare(seq, other.seq);
    }
  }

  /** Virtual time, microseconds since the run began. */
  public long now() {
    return now;
  }

  /** Events run so far. */
  public long executed() {
    return executed;
  }

  /** Runs {@code action} at virtual time {@code time} (now, if that is in the past). */
  public void at(long time, Runnable action) {
    queue.add(new Event(Math.max(time, now), sequence++, action));
  }

  public void after(long delayMicros, Runnable action) {
    at(now + delayMicros, action);
  }

  /** Runs the next event; false when there is none. */
  public boolean step() {
    Event event = queue.poll();
    if (event == null) {
      return false;
    }
    now = event.time();
    executed++;
    event.action().run();
    return true;
  }

  /**
   * Runs events until {@code done} holds or the next event lies past {@code deadline}; in the
   * second case time moves to the deadline. Returns whether {@code done} holds.
   */
  public boolean runUntil(BooleanSupplier done, long deadline) {
    while (!done.getAsBoolean()) {
      Event next = queue.peek();
      if (next == null || next.time() > deadline) {
        now = Math.max(now, deadline);
        return done.getAsBoolean();
      }
      step();
    }
    return true;
  }

  /** Runs every event up to {@code time}, then sets the clock to it. */
  public void advanceTo(long time) {
    runUntil(() -> false, time);
  }
}
