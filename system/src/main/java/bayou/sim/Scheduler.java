package bayou.sim;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * The simulator's discrete-event loop: one thread, a virtual clock in microseconds that jumps to
 * the next event, and events at the same time in the order they were scheduled. Nothing here
 * depends on the wall clock, so a run is a function of its inputs and its seed.
 */
public final class Scheduler {
  private final EventHeap queue = new EventHeap();
  private long now;
  private long sequence;
  private long executed;

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
    queue.add(Math.max(time, now), sequence++, action);
  }

  public void after(long delayMicros, Runnable action) {
    at(now + delayMicros, action);
  }

  /** Runs the next event; false when there is none. */
  public boolean step() {
    if (queue.isEmpty()) {
      return false;
    }
    now = queue.firstTime();
    executed++;
    queue.poll().run();
    return true;
  }

  /**
   * Runs events until {@code done} holds or the next event lies past {@code deadline}; in the
   * second case time moves to the deadline. Returns whether {@code done} holds.
   */
  public boolean runUntil(BooleanSupplier done, long deadline) {
    while (!done.getAsBoolean()) {
      if (queue.isEmpty() || queue.firstTime() > deadline) {
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

  /**
   * A binary min-heap of events by (time, order of scheduling), in parallel arrays: a run
   * schedules about ten events per operation, and an object and a comparator call per event
   * were a tenth of the simulator's time.
   */
  private static final class EventHeap {
    private long[] times = new long[256];
    private long[] seqs = new long[256];
    private Runnable[] actions = new Runnable[256];
    private int size;

    boolean isEmpty() {
      return size == 0;
    }

    long firstTime() {
      return times[0];
    }

    void add(long time, long seq, Runnable action) {
      if (size == times.length) {
        times = Arrays.copyOf(times, size * 2);
        seqs = Arrays.copyOf(seqs, size * 2);
        actions = Arrays.copyOf(actions, size * 2);
      }
      int at = size++;
      while (at > 0) { // sift up
        int parent = (at - 1) >>> 1;
        if (!before(time, seq, times[parent], seqs[parent])) {
          break;
        }
        set(at, times[parent], seqs[parent], actions[parent]);
        at = parent;
      }
      set(at, time, seq, action);
    }

    /** Removes and returns the first event's action. */
    Runnable poll() {
      Runnable first = actions[0];
      int last = --size;
      long time = times[last];
      long seq = seqs[last];
      Runnable action = actions[last];
      actions[last] = null;
      if (last > 0) {
        int at = 0;
        int half = last >>> 1;
        while (at < half) { // sift down
          int child = 2 * at + 1;
          int right = child + 1;
          if (right < last && before(times[right], seqs[right], times[child], seqs[child])) {
            child = right;
          }
          if (!before(times[child], seqs[child], time, seq)) {
            break;
          }
          set(at, times[child], seqs[child], actions[child]);
          at = child;
        }
        set(at, time, seq, action);
      }
      return first;
    }

    private static boolean before(long time, long seq, long otherTime, long otherSeq) {
      return time < otherTime || (time == otherTime && seq < otherSeq);
    }

    private void set(int at, long time, long seq, Runnable action) {
      times[at] = time;
      seqs[at] = seq;
      actions[at] = action;
    }
  }
}
