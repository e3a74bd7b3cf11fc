package bayou.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bayou.replica.Write;
import bayou.replica.WriteBatch;
import bayou.wire.Msg;
import bayou.wire.Wire;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chunks keep the log's order and fit a line even when escapes blow the text up sixfold. */
class LogSlicesTest {
  private static WriteBatch log(int committed, int tentative, String value) {
    List<Write> c = new ArrayList<>();
    List<Write> t = new ArrayList<>();
    for (int i = 0; i < committed; i++) {
      c.add(new Write(i + 1, "R", Write.PUT, "k" + i, value, i + 1));
    }
    for (int i = 0; i < tentative; i++) {
      t.add(new Write(committed + i + 1, "R", Write.PUT, "t" + i, value, 0));
    }
    return new WriteBatch(c, t);
  }

  /** Given the committed writes' sizes, a split is the same as one that walks the batch. */
  @Test
  void knownSizesGiveTheSameChunks() {
    for (WriteBatch batch : List.of(log(0, 0, "v"), log(3, 2, "v"), log(1, 0, "v"),
        log(0, 4, "v"), log(500, 300, "v".repeat(100)), log(40, 0, "v".repeat(5_000)))) {
      long[] sums = new long[batch.committed().size() + 1];
      for (int i = 0; i < batch.committed().size(); i++) {
        sums[i + 1] = sums[i] + batch.committed().get(i).estimatedBytes();
      }
      long all = sums[sums.length - 1];
      for (Write write : batch.tentative()) {
        all += write.estimatedBytes();
      }
      long one = batch.committed().isEmpty() ? 1 : batch.committed().get(0).estimatedBytes();
      for (long chunkBytes : new long[] {1, one - 1, one, one + 1, 2 * one, 4_096, 12_345, all,
          all - 1, all + 1, 1 << 20}) {
        assertEquals(LogSlices.split(batch, chunkBytes),
            LogSlices.split(batch, (from, to) -> sums[to] - sums[from], chunkBytes),
            batch.committed().size() + "+" + batch.tentative().size() + " writes in chunks of "
                + chunkBytes);
      }
    }
  }

  @Test
  void chunksAreTheLogInOrder() {
    WriteBatch whole = log(500, 300, "v".repeat(100));
    List<WriteBatch> chunks = LogSlices.split(whole, 4_096);
    assertTrue(chunks.size() > 20, chunks.size() + " chunks");
    List<Write> committed = new ArrayList<>();
    List<Write> tentative = new ArrayList<>();
    chunks.forEach(chunk -> {
      committed.addAll(chunk.committed());
      tentative.addAll(chunk.tentative());
    });
    assertEquals(whole, new WriteBatch(committed, tentative));
    assertEquals(chunks.get(0), LogSlices.first(whole, 4_096));
    WriteBatch small = log(3, 2, "v");
    assertSame(small, LogSlices.first(small, 4_096));
    assertEquals(List.of(small), LogSlices.split(small, 4_096));
    assertEquals(1, LogSlices.split(log(0, 0, "v"), 4_096).size()); // an empty log, one chunk
  }

  @Test
  void aChunkFitsTheLineWhateverTheText() {
    int line = 1 << 20;
    for (String value : List.of("\u0001".repeat(1_000), "\"".repeat(1_000),
        "\u20ac".repeat(1_000), "x".repeat(1_000))) {
      for (WriteBatch chunk : LogSlices.split(log(400, 200, value), Wire.chunkBytes(line))) {
        String encoded = Wire.encode(0, new Msg.Handoff(1, chunk.committed(), chunk.tentative(),
            true, 0, 1));
        int bytes = encoded.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes <= line, bytes + " bytes for values like " + value.charAt(0));
      }
    }
  }

  /** A write larger than a chunk still goes, alone: every chunk makes progress. */
  @Test
  void aLargeWriteIsAChunkOfItsOwn() {
    List<WriteBatch> chunks = LogSlices.split(log(3, 0, "v".repeat(10_000)), 1_000);
    assertEquals(3, chunks.size());
    chunks.forEach(chunk -> assertEquals(1, chunk.committed().size()));
  }

  /** A write's size is its strings plus the overhead; a chunk may hold exactly chunkBytes. */
  @Test
  void aChunkHoldsWritesUpToExactlyItsSize() {
    Write put = new Write(1, "<5,R>", Write.PUT, "ab", "xyz", 1);
    Write delete = new Write(2, "R", Write.DELETE, "abcd", null, 2);
    assertEquals(Write.OVERHEAD_BYTES + 5 + 2 + 3, put.estimatedBytes());
    assertEquals(Write.OVERHEAD_BYTES + 1 + 4, delete.estimatedBytes());
    WriteBatch both = new WriteBatch(List.of(put, delete), List.of());
    long exact = put.estimatedBytes() + delete.estimatedBytes();
    assertEquals(List.of(both), LogSlices.split(both, exact));
    assertEquals(List.of(new WriteBatch(List.of(put), List.of()),
        new WriteBatch(List.of(delete), List.of())), LogSlices.split(both, exact - 1));
  }
}
