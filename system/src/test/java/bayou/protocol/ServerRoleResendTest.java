package bayou.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bayou.protocol.RecordingEffects.Sent;
import bayou.wire.Msg;
import bayou.wire.Wire;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Requests awaited across a pause: nothing is sent while paused, and they go again after. */
class ServerRoleResendTest {
  private static final Map<Integer, Integer> PORTS = Map.of(0, 100, 1, 101);
  private static final long CHUNK = Wire.chunkBytes(Wire.LINE_BYTES_MAX);
  private static final long RESEND = ServerRole.RESEND_MICROS;

  private final RecordingEffects fx0 = new RecordingEffects();
  private final ServerRole s0 = new ServerRole(0, Set.of(), fx0, CHUNK);
  private long req = 100;

  private long command(long now, String cmd, int a) {
    long number = ++req;
    s0.handle(now, new Inbound.FromMaster(new Msg.Control(number, cmd, a, null, null, null,
        cmd.equals("servers") ? PORTS : null)));
    return number;
  }

  private List<Msg.Pull> pulls() {
    return fx0.takeSent().stream().filter(s -> s.msg() instanceof Msg.Pull)
        .map(s -> (Msg.Pull) s.msg()).toList();
  }

  @Test
  void aSyncAwaitedWhilePausedIsSentAgainAfterStart() {
    command(1_000, "servers", -1);
    command(1_000, "root", -1);
    s0.afterBatch(1_000);
    fx0.takeSent();
    long sync = command(2_000, "sync", 1);
    Msg.Pull pull = new Msg.Pull(sync, new Msg.Summary(Map.of("R", 0L), 0));
    assertEquals(List.of(new Sent(1, pull)), fx0.takeSent());
    command(2_100, "pause", -1);
    s0.afterBatch(2_000 + RESEND);
    s0.afterBatch(2_000 + 2 * RESEND);
    assertEquals(List.of(), pulls(), "a paused server sends nothing");
    command(5_000_000, "start", -1);
    s0.afterBatch(5_000_000);
    assertEquals(List.of(), pulls());
    assertEquals(5_000_000 + RESEND, s0.wakeAt());
    s0.afterBatch(5_000_000 + RESEND);
    assertEquals(List.of(pull), pulls(), "the sync is still awaited: asked again");
    s0.handle(5_000_000 + RESEND, new Inbound.FromPeer(1, new Msg.Push(sync, pull.have(),
        List.of(), List.of(), pull.have(), List.of())));
    assertEquals(Msg.Reply.ok(sync), fx0.replies.get(fx0.replies.size() - 1));
  }

  @Test
  void aStartWithNothingAwaitedArmsNoResend() {
    command(1_000, "servers", -1);
    command(1_000, "root", -1);
    s0.afterBatch(1_000);
    command(2_000, "pause", -1);
    command(3_000, "start", -1);
    s0.afterBatch(3_000);
    assertEquals(3_000 + ServerRole.BACKSTOP_GOSSIP_MICROS, s0.wakeAt(), "the backstop only");
  }
}
