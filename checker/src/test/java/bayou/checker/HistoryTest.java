package bayou.checker;

import static bayou.checker.Fixture.id;
import static bayou.checker.Fixture.vv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import bayou.history.HistoryEvent;
import bayou.history.OpType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryTest {
  @Test
  void pairsEachProcessesInvocationWithItsCompletion() {
    Fixture h = new Fixture();
    h.invoke(1, "put", "k", "a");
    h.invoke(2, "get", "k", null);
    h.complete(2, OpType.OK, "get", "k", null, "ERR_KEY", "R", vv("R", 1), null, null);
    h.complete(1, OpType.OK, "put", "k", "a", null, "R", vv("R", 2), id(2, "R"), null);
    h.invoke(3, "get", "k", null);
    History history = h.history();
    assertEquals(3, history.ops().size());
    Op put = history.ops().get(0);
    assertEquals(0, put.invokeIndex());
    assertEquals(3, put.index());
    assertEquals(id(2, "R"), put.writeId());
    assertEquals(2, history.ops().get(1).index());
    assertNull(history.ops().get(2).completion());
    assertEquals(List.of(), history.malformations());
    Expect.valid(new WellFormedChecker().check(history));
  }

  @Test
  void eventsArriveInAnyOrder() {
    Fixture h = new Fixture();
    h.put(1, "k", "a", "R", id(1, "R"), vv("R", 1));
    h.get(1, "k", "a", "R", id(1, "R"), vv("R", 1));
    List<HistoryEvent> shuffled = new ArrayList<>(h.events());
    Collections.reverse(shuffled);
    History history = History.of(shuffled);
    assertEquals(2, history.ops().size());
    assertEquals(1, history.ops().get(0).index());
    assertEquals(List.of(), history.malformations());
  }

  @Test
  void finalSnapshotsAreTheLastOfEachServerAfterTheLastStabilize() {
    Fixture h = new Fixture();
    h.snapshot("R", "final", true, List.of(), List.of(), vv("R", 1));
    h.nemesis("stabilizeEnd");
    long first = h.snapshot("R", "final", true, List.of(), List.of(), vv("R", 2));
    long other = h.snapshot("<1,R>", "final", false, List.of(), List.of(), vv("R", 2));
    long last = h.snapshot("R", "final", true, List.of(), List.of(), vv("R", 3));
    History history = h.history();
    assertEquals(List.of(other, last),
        history.finalSnapshots().stream().map(HistoryEvent::index).sorted().toList());
    assertEquals(3, history.snapshotsByServer().get("R").size());
    assertEquals(true, first < last);
  }

  @Test
  void aCompletionWithoutInvocationIsMalformed() {
    Fixture h = new Fixture();
    long orphan = h.complete(1, OpType.OK, "get", "k", "a", null, "R", vv("R", 1), null, null);
    Expect.invalid(new WellFormedChecker().check(h.history()), HistoryIndexer.MALFORMED, orphan);
  }

  @Test
  void twoOutstandingOperationsOfOneProcessAreMalformed() {
    Fixture h = new Fixture();
    long first = h.invoke(1, "get", "k", null);
    long second = h.invoke(1, "put", "k", "a");
    Expect.invalid(new WellFormedChecker().check(h.history()), HistoryIndexer.MALFORMED, first,
        second);
  }
}
