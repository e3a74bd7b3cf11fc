package bayou.protocol;

import bayou.wire.Msg;
import java.util.function.Consumer;

/**
 * The master's {@code clock} command, which the driver (node process or simulated node) takes
 * before the role sees anything: the node's clock becomes its base clock plus an offset
 * ({@code key}, microseconds, may be negative) and a drift ({@code value}, parts per million).
 */
public final class ClockSkew {
  /** The command's name on the control link. */
  public static final String COMMAND = "clock";

  /** Sets a clock's offset (microseconds) and drift (ppm). */
  public interface Target {
    void skew(long offsetMicros, double driftPpm);
  }

  private ClockSkew() {}

  /** Whether {@code item} was a clock command; if so it is carried out and answered. */
  public static boolean handled(Inbound item, Target clock, Consumer<Msg> controller) {
    if (!(item instanceof Inbound.FromMaster fromMaster)
        || !COMMAND.equals(fromMaster.control().cmd())) {
      return false;
    }
    Msg.Control c = fromMaster.control();
    try {
      double drift = Double.parseDouble(c.value());
      if (!(drift > -1e6 && drift < 1e6)) {
        throw new IllegalArgumentException("drift must be within (-1e6, 1e6) ppm, got " + drift);
      }
      clock.skew(Long.parseLong(c.key()), drift);
      controller.accept(Msg.Reply.ok(c.req()));
    } catch (RuntimeException e) {
      controller.accept(Msg.Reply.failed(c.req(), "bad clock skew: " + e.getMessage()));
    }
    return true;
  }
}
