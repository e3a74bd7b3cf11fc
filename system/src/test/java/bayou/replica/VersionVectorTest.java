package bayou.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The vector's own answers, apart from the replica that keeps it. */
class VersionVectorTest {
  @Test
  void advanceOnlyRaisesAndDropForgets() {
    VersionVector vv = new VersionVector(Map.of("R", 5L));
    assertEquals(Map.of("R", 5L), vv.toMap());
    vv.advance("R", 3);
    assertEquals(Map.of("R", 5L), vv.toMap(), "never lowered");
    vv.advance("<1,R>", 2);
    assertEquals(Map.of("R", 5L, "<1,R>", 2L), vv.toMap());
    assertTrue(vv.has("<1,R>"));
    vv.drop("<1,R>");
    assertFalse(vv.has("<1,R>"));
    assertEquals(Map.of("R", 5L), vv.toMap(), "a drop is seen by the next toMap");
    vv.drop("<1,R>");
    assertEquals(Map.of("R", 5L), vv.toMap());
    assertEquals("{R=5}", vv.toString());
  }

  @Test
  void coversVectorComparesEveryEntry() {
    VersionVector small = new VersionVector(Map.of("R", 5L));
    VersionVector big = new VersionVector(Map.of("R", 6L, "<1,R>", 2L));
    assertTrue(big.coversVector(small));
    assertFalse(small.coversVector(big));
    assertTrue(small.coversVector(small));
  }

  @Test
  void aVectorTakesOnlyServerNamesSoItsSnapshotNeedsNoSecondCheck() {
    VersionVector vv = new VersionVector();
    vv.advance("<1,R>", 2);
    vv.advance("R", 5);
    assertThrows(IllegalArgumentException.class, () -> vv.advance("not-a-name", 1));
    assertThrows(IllegalArgumentException.class, () -> new VersionVector(Map.of("<x,R>", 1L)));
    assertTrue(vv.toMap() instanceof VectorSnapshot);
    assertEquals(List.of("<1,R>", "R"), List.copyOf(vv.toMap().keySet()), "sorted");
    assertFalse(VersionVector.readOnly(Map.of("R", 1L)).toMap() instanceof VectorSnapshot,
        "a peer's map was not checked here");
  }

  /** A snapshot and a plain map of the same entries give the same answers. */
  @Test
  void aSnapshotAnswersAsAPlainMapDoes() {
    String a = Names.child(3, Names.ROOT);
    String b = Names.child(5, a);
    String c = Names.child(9, b);
    List<Map<String, Long>> vectors = List.of(Map.of(), Map.of(Names.ROOT, 10L),
        Map.of(Names.ROOT, 10L, b, 4L), Map.of(a, 7L, c, 1L), Map.of(Names.ROOT, 2L, a, 7L, b, 9L),
        Map.of(b, 12L, c, 3L));
    for (Map<String, Long> mine : vectors) {
      VersionVector vv = new VersionVector(mine);
      for (Map<String, Long> theirs : vectors) {
        Map<String, Long> snapshot = new VersionVector(theirs).toMap();
        assertTrue(snapshot instanceof VectorSnapshot);
        java.util.HashMap<String, Long> plain = new java.util.HashMap<>(theirs);
        assertEquals(vv.covers(plain), vv.covers(snapshot), mine + " covers " + theirs);
        assertEquals(vv.knowsRetiredListedBy(plain), vv.knowsRetiredListedBy(snapshot),
            mine + " knows a retiree listed by " + theirs);
        assertEquals(snapshot, plain);
      }
    }
  }

  @Test
  void coversAgreesWithCompleteVOnEveryNameOfAChainOfRetirees() {
    String a = Names.child(3, Names.ROOT);
    String b = Names.child(5, a);
    String c = Names.child(9, b);
    String d = Names.child(2, b); // created at b before what this vector knows of b
    VersionVector vv = new VersionVector(Map.of(Names.ROOT, 10L, b, 4L));
    assertEquals(VersionVector.RETIRED, vv.complete(a));
    assertEquals(VersionVector.UNBORN, vv.complete(c));
    assertEquals(VersionVector.RETIRED, vv.complete(d));
    assertTrue(vv.covers(Map.of(a, 7L, d, 1L, b, 4L)));
    assertFalse(vv.covers(Map.of(a, 7L, d, 1L, c, 1L)), "c is unborn here");
    assertFalse(vv.covers(Map.of(d, 1L, b, 5L)));
  }

  /** The change count decides whether the replica's invariant checks rerun: real changes only. */
  @Test
  void onlyARaiseOrARemovalCountsAsAChange() {
    VersionVector vv = new VersionVector(Map.of("R", 5L));
    assertEquals(0, vv.changes());
    vv.advance("R", 5);
    vv.advance("R", 4);
    assertEquals(0, vv.changes(), "an equal or lower stamp changes nothing");
    vv.advance("R", 6);
    vv.advance("<1,R>", 2);
    assertEquals(2, vv.changes());
    vv.drop("<2,R>");
    assertEquals(2, vv.changes(), "nothing to drop");
    vv.drop("<1,R>");
    assertEquals(3, vv.changes());
  }
}
