package bayou.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ModelTest {
  private static Model replay(String... lines) {
    Model m = new Model();
    Script.parse(List.of(lines)).forEach(m::apply);
    return m;
  }

  private static String problem(Model m, String line) {
    return m.problem(Script.parseLine(line));
  }

  @Test void restoringAClientLinkMakesThatServerTheClients() {
    Model m = replay("joinServer 0", "joinServer 1", "joinClient 2 0",
        "breakConnection 2 0", "restoreConnection 1 2");
    assertEquals(1, m.serverOf(2));
    assertTrue(m.connected(2));
    assertTrue(m.isBroken(0, 2));
    assertEquals("the link between client 2 and server 0 is broken",
        problem(m, "joinClient 2 0"));
  }

  @Test void aClientCutFromItsServerCannotOperate() {
    Model m = replay("joinServer 0", "joinClient 1 0", "breakConnection 0 1");
    assertEquals("client 1's link to its server 0 is broken", problem(m, "get 1 k0"));
  }

  @Test void retiringDropsLinksAndOrphansClients() {
    Model m = replay("joinServer 0", "joinServer 1", "joinServer 2", "joinClient 3 1",
        "breakConnection 1 2", "retireServer 1");
    assertEquals(Set.of(0, 2), new TreeSet<>(m.live()));
    assertTrue(m.view().brokenLinks().isEmpty());
    assertEquals("client 3's server 1 is retired", problem(m, "put 3 k0 v0"));
    assertNull(problem(m, "joinClient 3 2"));
    assertEquals("server id 1 is already used", problem(m, "joinServer 1"));
    assertEquals(4, m.nextId());
  }

  @Test void retirementNeedsAReachablePeerAndGoesOnDuringAPause() {
    Model m = replay("joinServer 0", "joinServer 1", "breakConnection 0 1");
    assertEquals("server 0 reaches no other live server", problem(m, "retireServer 0"));
    m.apply(new Step.RestoreConnection(0, 1));
    m.apply(new Step.Pause());
    assertNull(problem(m, "retireServer 0"));
    assertEquals("already paused", problem(m, "pause"));
  }

  @Test void thePrimaryPassesToTheLowestServerItReaches() {
    Model m = replay("joinServer 0", "joinServer 1", "joinServer 2", "breakConnection 0 1");
    assertEquals(0, m.primary());
    assertEquals(2, m.heirOf(0));
    m.apply(new Step.RetireServer(0));
    assertEquals(2, m.primary());
  }

  @Test void linksJoinKnownEnds() {
    Model m = replay("joinServer 0", "joinClient 1 0", "joinClient 2 0");
    assertEquals("a link joins two servers or a client and a server, not two clients",
        problem(m, "breakConnection 1 2"));
    assertEquals("id 9 is neither a live server nor a known client",
        problem(m, "breakConnection 0 9"));
    assertEquals("id 9 is neither a live server nor a known client",
        problem(m, "restoreConnection 9 1"));
    assertEquals("id 1 is a client", problem(m, "joinServer 1"));
    m.apply(new Step.JoinServer(3));
    assertEquals("id 3 is a server", problem(m, "joinClient 3 0"));
  }

  @Test void applyRejectsAnInvalidStep() {
    Model m = replay("joinServer 0");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> m.apply(new Step.RetireServer(0)));
    assertEquals("`retireServer 0`: server 0 is the last live server", e.getMessage());
  }

  @Test void viewShowsThePartition() {
    Model m = replay("joinServer 0", "joinServer 1", "joinServer 2", "joinServer 3",
        "breakConnection 0 2", "breakConnection 0 3", "breakConnection 1 2",
        "breakConnection 1 3", "pause");
    ClusterView v = m.view();
    assertEquals(List.of(Set.of(0, 1), Set.of(2, 3)), List.copyOf(v.partition()));
    assertEquals("[0 1] [2 3] paused", v.describe());
    m.apply(new Step.Start());
    assertTrue(v.paused(), "a view is a snapshot");
    assertFalse(m.view().paused());
  }
}
