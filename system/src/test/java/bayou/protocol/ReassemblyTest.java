package bayou.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Parts of a chunked message come whole in part order, however the network delivered them. */
class ReassemblyTest {
  private final Reassembly<String, String> parts = new Reassembly<>();

  @Test
  void aSinglePartMessageIsWholeAtOnce() {
    assertEquals(List.of("only"), parts.offer("m", 0, 1, "only"));
    assertEquals(List.of("again"), parts.offer("m", 0, 1, "again"), "nothing held from before");
  }

  @Test
  void partsInAnyOrderComeOutInPartOrderOnceAllArrived() {
    assertNull(parts.offer("m", 2, 3, "c"));
    assertNull(parts.offer("m", 0, 3, "a"));
    assertEquals(List.of("a", "b", "c"), parts.offer("m", 1, 3, "b"));
  }

  @Test
  void aRepeatedPartCountsOnceAndTheFirstCopyIsKept() {
    assertNull(parts.offer("m", 0, 3, "a"));
    assertNull(parts.offer("m", 0, 3, "a-again"), "two copies of part 0 are not two parts");
    assertNull(parts.offer("m", 2, 3, "c"));
    assertEquals(List.of("a", "b", "c"), parts.offer("m", 1, 3, "b"));
  }

  @Test
  void messagesWithDifferentKeysAreCollectedApart() {
    assertNull(parts.offer("x", 0, 2, "x0"));
    assertNull(parts.offer("y", 1, 2, "y1"));
    assertEquals(List.of("x0", "x1"), parts.offer("x", 1, 2, "x1"));
    assertEquals(List.of("y0", "y1"), parts.offer("y", 0, 2, "y0"));
  }

  @Test
  void aDifferentPartCountStartsTheMessageAgain() {
    assertNull(parts.offer("m", 0, 3, "old0"));
    assertNull(parts.offer("m", 1, 2, "new1"), "the old part 0 is not part of this message");
    assertEquals(List.of("new0", "new1"), parts.offer("m", 0, 2, "new0"));
  }

  @Test
  void aCompletedMessageIsForgottenAndACopyIsCollectedAnew() {
    assertNull(parts.offer("m", 0, 2, "a"));
    assertEquals(List.of("a", "b"), parts.offer("m", 1, 2, "b"));
    assertNull(parts.offer("m", 1, 2, "b2"), "a resent copy needs all its parts again");
    assertEquals(List.of("a2", "b2"), parts.offer("m", 0, 2, "a2"));
  }
}
