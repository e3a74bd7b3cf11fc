package bayou.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
