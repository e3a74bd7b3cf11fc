package bayou.protocol;

import bayou.wire.Msg;
import java.util.function.Consumer;

/**
 * Checks a role's invariants after every batch of messages, in node processes and in the
 * simulator alike, and reports a violation to the controller as an unsolicited failed reply
 * ({@code req} 0, {@code error} starting with {@link #PREFIX}). Each distinct violation is
 * reported once: a broken invariant stays broken, and one report is evidence enough.
 */
public final class InvariantGuard {
  /** How an invariant violation's reply error begins. */
  public static final String PREFIX = "invariant violated: ";

  private final Role role;
  private final Consumer<Msg> controller;
  private final boolean enabled;
  private String reported;

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

  /** A short description of an input for a diagnostic line: its kind and sender. */
  public static String describe(Inbound item) {
    if (item instanceof Inbound.FromPeer peer) {
      return "a " + peer.msg().getClass().getSimpleName() + " from node " + peer.from();
    }
    return "the master's command " + ((Inbound.FromMaster) item).control().cmd();
  }
}
