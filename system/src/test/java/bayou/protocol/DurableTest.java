package bayou.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bayou.replica.Write;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Replaying a server's records gives back exactly the state they describe. */
class DurableTest {
  private static final String CHILD = "<5,R>";
  private static final Write CREATE = new Write(5, "R", Write.CREATE, CHILD, null, 1);
  private static final Write A = new Write(10, "R", Write.PUT, "a", "1", 0);
  private static final Write B = new Write(20, CHILD, Write.PUT, "b", "2", 0);
  private static final Write COMMITTED_A = new Write(10, "R", Write.PUT, "a", "1", 2);
  private static final Write C = new Write(30, CHILD, Write.DELETE, "a", null, 0);

  @Test
  void theLogIsTheCommitsInOrderThenWhatStayedTentativeInStampOrder() {
    Durable.Rec last = Durable.state(CHILD, true, true, Map.of("R", 10L, CHILD, 30L));
    Durable.Recovered disk = Durable.replay(List.of(
        Durable.state(CHILD, false, false, Map.of("R", 5L, CHILD, 5L)),
        Durable.write(CREATE),
        Durable.write(C), // stored before B, but ordered after it
        Durable.write(A),
        Durable.ack(9, 3, 20),
        Durable.write(B),
        Durable.write(COMMITTED_A), // A committed: no longer tentative
        Durable.ack(9, 4, 30), // the client's later answer replaces its earlier one
        Durable.ack(8, 1, 10),
        last));
    assertEquals(CHILD, disk.name());
    assertTrue(disk.primary());
    assertTrue(disk.retiring());
    assertEquals(Map.of("R", 10L, CHILD, 30L), disk.vv());
    assertEquals(List.of(CREATE, COMMITTED_A), disk.committed());
    assertEquals(List.of(B, C), disk.tentative());
    assertEquals(Map.of(8, List.of(1L, 10L), 9, List.of(4L, 30L)), acks(disk));
    assertEquals(last, disk.lastState());
  }

  @Test
  void theLastStateRecordDecidesNameRoleAndVector() {
    Durable.Rec first = Durable.state("R", true, false, Map.of("R", 0L));
    Durable.Recovered disk = Durable.replay(List.of(first,
        Durable.state("R", false, false, Map.of("R", 7L))));
    assertFalse(disk.primary(), "the role was handed over");
    assertFalse(disk.retiring());
    assertEquals(Map.of("R", 7L), disk.vv());
    assertEquals(List.of(), disk.committed());
    assertEquals(List.of(), disk.tentative());
    assertEquals(Map.of(), disk.acks());
    Durable.Recovered bare = Durable.replay(List.of(Durable.decode("{\"k\":\"m\",\"name\":\"R\"}")));
    assertFalse(bare.primary());
    assertFalse(bare.retiring());
    assertEquals(Map.of(), bare.vv(), "a state record without a vector: an empty one");
  }

  @Test
  void aStateRecordListsTheVectorInNameOrder() {
    Map<String, Long> vv = new TreeMap<>(Map.of("R", 1L, CHILD, 2L, "<9,R>", 3L));
    assertEquals("{\"k\":\"m\",\"name\":\"R\",\"primary\":false,\"retiring\":true,\"vv\":"
        + "{\"<5,R>\":2,\"<9,R>\":3,\"R\":1}}",
        Durable.encode(Durable.state("R", false, true, Map.copyOf(vv))));
  }

  @Test
  void recordsThatDescribeNoStateAreRefusedWithTheReason() {
    assertEquals("no server state on disk", assertThrows(IllegalArgumentException.class,
        () -> Durable.replay(List.of(Durable.write(A)))).getMessage());
    assertEquals("unknown record kind x", assertThrows(IllegalArgumentException.class,
        () -> Durable.replay(List.of(Durable.decode("{\"k\":\"x\"}")))).getMessage());
    assertEquals("a record without a kind", assertThrows(NullPointerException.class,
        () -> Durable.replay(List.of(Durable.decode("{}")))).getMessage());
    assertEquals("a write record without its write", assertThrows(NullPointerException.class,
        () -> Durable.replay(List.of(Durable.decode("{\"k\":\"w\"}")))).getMessage());
  }

  private static Map<Integer, List<Long>> acks(Durable.Recovered disk) {
    Map<Integer, List<Long>> acks = new TreeMap<>();
    disk.acks().forEach((client, ack) -> acks.put(client, List.of(ack[0], ack[1])));
    return acks;
  }
}
