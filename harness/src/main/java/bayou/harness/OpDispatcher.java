package bayou.harness;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs client operations concurrently, at most {@code concurrency} at once, each client's
 * operations in order (a Bayou session is sequential).
 */
final class OpDispatcher implements AutoCloseable {
  static final long DRAIN_TIMEOUT_MS = 30_000;

  private final ExecutorService workers;
  private final Semaphore slots;
  private final Map<Integer, CompletableFuture<Void>> lastByClient = new HashMap<>();

  OpDispatcher(int concurrency) {
    this.workers = Executors.newFixedThreadPool(concurrency, r -> {
      Thread thread = new Thread(r, "campaign-client");
      thread.setDaemon(true);
      return thread;
    });
    this.slots = new Semaphore(concurrency);
  }

  void submit(int client, Runnable op) throws InterruptedException {
    slots.acquire();
    CompletableFuture<Void> previous = lastByClient.getOrDefault(client,
        CompletableFuture.completedFuture(null));
    CompletableFuture<Void> next = previous.handle((ignored, error) -> null)
        .thenRunAsync(op, workers)
        .whenComplete((ignored, error) -> slots.release());
    lastByClient.put(client, next);
  }

  /** Waits until every submitted operation has completed. */
  void drain() throws InterruptedException {
    CompletableFuture<?>[] all = lastByClient.values().toArray(new CompletableFuture<?>[0]);
    try {
      CompletableFuture.allOf(all).handle((ignored, error) -> null)
          .get(DRAIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("client operations still running after "
          + DRAIN_TIMEOUT_MS + " ms");
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
    lastByClient.clear();
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
