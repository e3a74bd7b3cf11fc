package bayou.protocol;

import bayou.replica.Write;
import bayou.replica.WriteBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts writes (committed ones, then tentative ones) into chunks of at most about
 * {@code chunkBytes} of encoded writes, so that no message that carries a log, or a long part of
 * one, exceeds the wire's line limit. The size is {@link Write#estimatedBytes}, which counts
 * characters as bytes; {@code bayou.wire.Wire#chunkBytes} leaves room for what escapes and
 * multi-byte text add. A chunk holds at least one write, so every chunk makes progress.
 */
final class LogSlices {
  private LogSlices() {}

  /** The whole batch in chunks, in order: at least one chunk (empty when the batch is). */
  static List<WriteBatch> split(WriteBatch batch, long chunkBytes) {
    return split(batch, null, chunkBytes);
  }

  /**
   * The sizes of runs of a batch's committed writes, {@code [from, to)}, from running sums: a
   * server knows them for its own log, and cutting a whole log (a creation, a hand-off, a
   * printLog) then takes a binary search per chunk, not a visit to every write.
   */
  interface CommittedBytes {
    long between(int from, int to);
  }

  /**
   * {@link #split} of a batch whose committed writes' sizes are known (or null: each write is
   * measured): the same chunks.
   */
  static List<WriteBatch> split(WriteBatch batch, CommittedBytes sizes, long chunkBytes) {
    List<WriteBatch> chunks = new ArrayList<>();
    int total = batch.committed().size() + batch.tentative().size();
    int from = 0;
    do {
      int to = chunkEnd(batch, from, chunkBytes, sizes);
      chunks.add(to - from == total ? batch : slice(batch, from, to));
      from = to;
    } while (from < total);
    return chunks;
  }

  /** The first chunk of {@code batch}: all of it when it is small enough. */
  static WriteBatch first(WriteBatch batch, long chunkBytes) {
    int to = chunkEnd(batch, 0, chunkBytes, null);
    return to == batch.committed().size() + batch.tentative().size() ? batch
        : slice(batch, 0, to);
  }

  /**
   * Where the chunk that begins at write {@code from} ends (exclusive), searching the committed
   * writes by their known sizes when given. A chunk ends before the first write that would take
   * it past {@code chunkBytes}, and holds at least one write (every write has a size, so the
   * walk's first write always goes in).
   */
  private static int chunkEnd(WriteBatch batch, int from, long chunkBytes,
      CommittedBytes sizes) {
    int committed = batch.committed().size();
    int total = committed + batch.tentative().size();
    long bytes = 0;
    int start = from;
    if (sizes != null && from < committed) {
      int fits = from + 1; // the largest end whose run fits, or one write that alone does not
      if (sizes.between(from, fits) > chunkBytes) {
        return fits;
      }
      int above = committed + 1; // the smallest end known not to fit
      while (above - fits > 1) {
        int mid = (fits + above) >>> 1;
        if (sizes.between(from, mid) <= chunkBytes) {
          fits = mid;
        } else {
          above = mid;
        }
      }
      if (fits < committed) {
        return fits;
      }
      bytes = sizes.between(from, committed);
      start = committed;
    }
    for (int i = start; i < total; i++) {
      long size = at(batch, i).estimatedBytes();
      if (bytes > 0 && bytes + size > chunkBytes) {
        return i;
      }
      bytes += size;
    }
    return total;
  }

  private static Write at(WriteBatch batch, int i) {
    int committed = batch.committed().size();
    return i < committed ? batch.committed().get(i) : batch.tentative().get(i - committed);
  }

  /** Writes [from, to) of the batch, counting committed ones first. */
  private static WriteBatch slice(WriteBatch batch, int from, int to) {
    int committed = batch.committed().size();
    return new WriteBatch(
        batch.committed().subList(Math.min(from, committed), Math.min(to, committed)),
        batch.tentative().subList(Math.max(from, committed) - committed,
            Math.max(to, committed) - committed));
  }
}
