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

  /** A log's hash must not forget its first writes as the log grows (a stabilize compares it). */
  @Test
  void aCommittedHashDependsOnTheFirstWriteHoweverLongTheLog() {
    WriteId[] first = new WriteId[40];
    WriteId[] other = new WriteId[40];
    java.util.List<Write> log = new java.util.ArrayList<>();
    for (int i = 0; i < first.length; i++) {
      first[i] = new WriteId(100 + i, "R");
      other[i] = first[i];
      log.add(new Write(100 + i, "R", Write.PUT, "k", "v", i + 1));
    }
    other[0] = C;
    assertNotEquals(hash(first), hash(other));
    LogDigest digest = new LogDigest();
    for (int i = 0; i < 25; i++) {
      digest.addCommitted(first[i]);
    }
    assertEquals(digest.committedHash(), LogDigest.committedHash(log, 25),
        "a recount of a prefix folds as the digest did");
    assertEquals(LogDigest.EMPTY_COMMITTED, LogDigest.committedHash(log, 0));
  }

  /** The tentative part is a sum of the ids' mixes: two ids that mix alike make logs alike. */
  @Test
  void noTwoWriteIdsOfALongRunMixAlike() {
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (long stamp = 1; stamp <= 20_000; stamp++) {
      for (String acceptor : new String[] {"R", "<5,R>", "<7,<5,R>>"}) {
        long mixed = LogDigest.mix(new WriteId(stamp, acceptor));
        org.junit.jupiter.api.Assertions.assertTrue(seen.add(mixed), stamp + "@" + acceptor);
      }
    }
  }
}
