package bayou.cluster;

import bayou.wire.Msg;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The latest log digest of every server, pushed by the servers after each change, and the wait
 * for "stable": in each connected group every log is identical, and where the group holds the
 * primary nothing is tentative. Waiting is on a condition signalled by arriving digests.
 */
final class Stabilizer {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Map<Integer, Msg.Digest> digests = new HashMap<>();

  void update(Msg.Digest digest) {
    lock.lock();
    try {
      digests.put(digest.server(), digest);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  void forget(int server) {
    lock.lock();
    try {
      digests.remove(server);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until {@code groups} are stable; false if the deadline passed first (or the wait was
   * interrupted, with the interrupt kept for the caller).
   */
  boolean awaitStable(List<List<Integer>> groups, long deadlineNanos) {
    lock.lock();
    try {
      while (!isStable(groups)) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        changed.awaitNanos(left);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      lock.unlock();
    }
  }

  /** A one-line account of what is not yet stable, for the give-up message. */
  String describe(List<List<Integer>> groups) {
    lock.lock();
    try {
      StringBuilder text = new StringBuilder();
      for (List<Integer> group : groups) {
        text.append(group).append(':');
        for (int server : group) {
          Msg.Digest d = digests.get(server);
          text.append(' ').append(server).append('=')
              .append(d == null ? "?" : d.committed() + "c/" + d.tentative() + "t"
                  + (d.primary() ? "/P" : ""));
        }
        text.append("; ");
      }
      return text.toString();
    } finally {
      lock.unlock();
    }
  }

  /** Whether {@code groups} are stable by the digests received so far. */
  boolean stableNow(List<List<Integer>> groups) {
    lock.lock();
    try {
      return isStable(groups);
    } finally {
      lock.unlock();
    }
  }

  private boolean isStable(List<List<Integer>> groups) {
    for (List<Integer> group : groups) {
      Msg.Digest first = digests.get(group.get(0));
      if (first == null) {
        return false;
      }
      boolean holdsPrimary = false;
      for (int server : group) {
        Msg.Digest digest = digests.get(server);
        if (digest == null || digest.hash() != first.hash()
            || digest.committed() != first.committed()
            || digest.tentative() != first.tentative()) {
          return false;
        }
        holdsPrimary |= digest.primary();
      }
      if (holdsPrimary && first.tentative() > 0) {
        return false;
      }
    }
    return true;
  }

  static long deadline(long timeoutMs) {
    return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
  }
}
