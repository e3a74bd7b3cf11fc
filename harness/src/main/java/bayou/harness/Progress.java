package bayou.harness;

import bayou.gen.ScheduleGenerator;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A live one-line display on stderr (elapsed, operations, faults, current partition), redrawn
 * in place; only on a terminal, so logs and CI output stay quiet.
 */
final class Progress implements AutoCloseable {
  static final long REDRAW_MS = 250;
  /** Printed once above the line, which is otherwise terse. */
  static final String LEGEND = "progress: seconds since start, client operations completed, "
      + "faults injected, then the live servers in groups that reach each other ([0 3] [2]: "
      + "2 is cut off from 0 and 3) and 'paused' while anti-entropy is stopped";

  private final Thread thread;
  private volatile boolean running = true;

  Progress(PrintStream err, long seed, ScheduleGenerator generator, AtomicLong ops,
      long startNanos) {
    boolean terminal = System.console() != null;
    if (terminal) {
      err.println(LEGEND);
    }
    thread = new Thread(() -> {
      while (running && terminal) {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        err.printf("\r[seed %d] %6.1f s  ops %-8d faults %-5d %s\u001b[K", seed, elapsed,
            ops.get(), generator.faultSteps(), generator.view().describe());
        err.flush();
        synchronized (this) {
          try {
            wait(REDRAW_MS); // a redraw period, not a wait for an event
          } catch (InterruptedException e) {
            return;
          }
        }
      }
    }, "campaign-progress");
    thread.setDaemon(true);
    thread.start();
    if (terminal) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> err.print("\r\u001b[K")));
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    if (System.console() != null) {
      System.err.print("\r\u001b[K");
    }
  }
}
