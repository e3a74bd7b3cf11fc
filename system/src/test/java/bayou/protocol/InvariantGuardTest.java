package bayou.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bayou.wire.Msg;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A broken invariant reaches the controller once per distinct message, and only if enabled; a
 * role that throws, once per kind of input and exception.
 */
class InvariantGuardTest {
  private final List<String> broken = new ArrayList<>();
  private final List<Msg> sent = new ArrayList<>();

  private final Role role = new Role() {
    @Override
    public void handle(long now, Inbound item) {}

    @Override
    public void afterBatch(long now) {}

    @Override
    public long wakeAt() {
      return Long.MAX_VALUE;
    }

    @Override
    public void checkInvariants() {
      if (!broken.isEmpty()) {
        throw new IllegalStateException(broken.get(broken.size() - 1));
      }
    }
  };

  @Test
  void eachDistinctViolationIsReportedOnce() {
    InvariantGuard guard = new InvariantGuard(role, sent::add, true);
    guard.check();
    assertEquals(List.of(), sent);
    broken.add("a");
    guard.check();
    guard.check();
    broken.add("b");
    guard.check();
    assertEquals(List.of(Msg.Reply.failed(0, "invariant violated: a"),
        Msg.Reply.failed(0, "invariant violated: b")), sent);
  }

  /** Reported even when the checks are off: a throw costs nothing until it happens. */
  @Test
  void aRoleThatThrowsIsReportedOncePerKindOfInputAndException() {
    InvariantGuard guard = new InvariantGuard(role, sent::add, false);
    guard.threw("a Notice from node 3", new NullPointerException("x"));
    guard.threw("a Notice from node 4", new NullPointerException("y"));
    guard.threw("a Pull from node 3", new NullPointerException("z"));
    guard.threw("a Notice from node 3", new IllegalArgumentException("w"));
    assertEquals(List.of(
        Msg.Reply.failed(0, "invariant violated: the role threw on a Notice from node 3: "
            + "java.lang.NullPointerException: x"),
        Msg.Reply.failed(0, "invariant violated: the role threw on a Pull from node 3: "
            + "java.lang.NullPointerException: z"),
        Msg.Reply.failed(0, "invariant violated: the role threw on a Notice from node 3: "
            + "java.lang.IllegalArgumentException: w")), sent);
  }

  @Test
  void aDisabledGuardChecksNothing() {
    broken.add("a");
    new InvariantGuard(role, sent::add, false).check();
    assertEquals(List.of(), sent);
  }

  @Test
  void inputsAreDescribedByKindAndSender() {
    assertEquals("a Notice from node 3", InvariantGuard.describe(new Inbound.FromPeer(3,
        new Msg.Notice(new Msg.Summary(Map.of(), 0)))));
    assertEquals("the master's command pause", InvariantGuard.describe(
        new Inbound.FromMaster(Msg.Control.of(1, "pause", -1))));
  }
}
