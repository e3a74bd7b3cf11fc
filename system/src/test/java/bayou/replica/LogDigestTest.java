package bayou.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import bayou.history.WriteId;
import org.junit.jupiter.api.Test;

/** The log fingerprint that stabilize compares: equal logs agree, different logs differ. */
class LogDigestTest {
  private static final WriteId A = new WriteId(10, "R");
  private static final WriteId B = new WriteId(11, "R");
  private static final WriteId C = new WriteId(10, "<5,R>");

  private static long hash(WriteId[] committed, WriteId... tentative) {
    LogDigest digest = new LogDigest();
    for (WriteId id : committed) {
      digest.addCommitted(id);
    }
    for (WriteId id : tentative) {
      digest.addTentative(id);
    }
    return digest.value(committed.length, tentative.length).hash();
  }

  private static WriteId[] of(WriteId... ids) {
    return ids;
  }

  @Test
  void theTentativePartIsASetAndTheCommittedPartASequence() {
    assertEquals(hash(of(A), B, C), hash(of(A), C, B));
    assertNotEquals(hash(of(A, B)), hash(of(B, A)));
    assertNotEquals(hash(of(A)), hash(of(C)));
    assertNotEquals(hash(of(), A), hash(of(), C));
    assertNotEquals(hash(of(A), B), hash(of(A, B)));
  }

  @Test
  void removingOrClearingTentativeWritesRestoresTheDigest() {
    LogDigest digest = new LogDigest();
    digest.addCommitted(A);
    long before = digest.value(1, 0).hash();
    digest.addTentative(B);
    digest.addTentative(C);
    digest.removeTentative(B);
    assertEquals(hash(of(A), C), digest.value(1, 1).hash());
    digest.removeTentative(C);
    assertEquals(before, digest.value(1, 0).hash());
    digest.addTentative(B);
    digest.clearTentative();
    assertEquals(before, digest.value(1, 0).hash());
  }
}
