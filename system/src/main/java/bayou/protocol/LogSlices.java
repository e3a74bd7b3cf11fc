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
    List<WriteBatch> chunks = new ArrayList<>();
    int total = batch.committed().size() + batch.tentative().size();
    int from = 0;
    do {
      int to = chunkEnd(batch, from, chunkBytes);
      chunks.add(slice(batch, from, to));
      from = to;
    } while (from < total);
    return chunks;
  }

  /**
   * {@link #split} of a batch whose size, {@code batchBytes}, is known: a whole log that fits
   * one chunk is not walked write by write (a creation or a restart's hand-off in a long run).
   */
  static List<WriteBatch> split(WriteBatch batch, long batchBytes, long chunkBytes) {
    return batchBytes <= chunkBytes ? List.of(batch) : split(batch, chunkBytes);
  }

  /** The first chunk of {@code batch}: all of it when it is small enough. */
  static WriteBatch first(WriteBatch batch, long chunkBytes) {
    int to = chunkEnd(batch, 0, chunkBytes);
    return to == batch.committed().size() + batch.tentative().size() ? batch
        : slice(batch, 0, to);
  }

  /** Where the chunk that begins at write {@code from} ends (exclusive). */
  private static int chunkEnd(WriteBatch batch, int from, long chunkBytes) {
    int total = batch.committed().size() + batch.tentative().size();
    long bytes = 0;
    for (int i = from; i < total; i++) {
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
