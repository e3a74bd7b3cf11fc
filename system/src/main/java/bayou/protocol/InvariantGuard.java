package bayou.protocol;

import bayou.wire.Msg;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks a role's invariants after every batch of messages, in node processes and in the
 * simulator alike, and reports a violation to the controller as an unsolicited failed reply
 * ({@code req} 0, {@code error} starting with {@link #PREFIX}). Each distinct violation is
 * reported once: a broken invariant stays broken, and one report is evidence enough. A role that
 * throws on an input breaks one too (it refuses what it cannot take, it never throws): the driver
 * drops that input and reports it here, once for each kind of input and exception.
 */
public final class InvariantGuard {
  /** How an invariant violation's reply error begins. */
  public static final String PREFIX = "invariant violated: ";

  private final Role role;
  private final Consumer<Msg> controller;
  private final boolean enabled;
  private String reported;
  private final Set<String> failuresReported = new HashSet<>();

  public InvariantGuard(Role role, Consumer<Msg> controller, boolean enabled) {
    this.role = role;
    this.controller = controller;
    this.enabled = enabled;
  }

  /** Runs the role's checks; a violation not yet reported goes to the controller. */
  public void check() {
    if (!enabled) {
      return;
    }
    try {
      role.checkInvariants();
    } catch (IllegalStateException e) {
      String message = e.getMessage();
      if (!message.equals(reported)) {
        reported = message;
        controller.accept(Msg.Reply.failed(0, PREFIX + message));
      }
    }
  }

  /**
   * The role threw while handling {@code what} (an input, as {@link #describe} says, or the end
   * of a batch): the controller hears of it, the first time for this kind of input and exception.
   */
  public void threw(String what, RuntimeException e) {
    String kind = what.replaceAll("node \\d+", "node") + " " + e.getClass().getName();
    if (failuresReported.add(kind)) {
      controller.accept(Msg.Reply.failed(0, PREFIX + "the role threw on " + what + ": " + e));
    }
  }

  /** A short description of an input for a diagnostic line: its kind and sender. */
  public static String describe(Inbound item) {
    if (item instanceof Inbound.FromPeer peer) {
      return "a " + peer.msg().getClass().getSimpleName() + " from node " + peer.from();
    }
    return "the master's command " + ((Inbound.FromMaster) item).control().cmd();
  }
}
