package bayou.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A master killed with SIGKILL leaves no node behind: each node exits when its link closes. */
class NoOrphansTest {
  @Test
  void nodesExitWhenTheirMasterIsKilled() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process master = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "bayou.cli.Main", "master").redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try (Writer in = master.outputWriter(StandardCharsets.UTF_8);
        BufferedReader out = new BufferedReader(new InputStreamReader(master.getInputStream(),
            StandardCharsets.UTF_8))) {
      in.write("joinServer 0\njoinServer 1\njoinClient 2 0\nput 2 song url\nget 2 song\n");
      in.flush();
      assertEquals("song:url", out.readLine(), "the cluster must be up before the kill");
      List<Long> nodes = recordedPids(master.pid());
      assertTrue(nodes.size() >= 3, "servers, client and spares are recorded: " + nodes);
      master.destroyForcibly();
      assertTrue(master.waitFor(10, TimeUnit.SECONDS));
      for (long pid : nodes) {
        Optional<ProcessHandle> node = ProcessHandle.of(pid);
        if (node.isPresent()) {
          node.get().onExit().get(10, TimeUnit.SECONDS);
        }
        assertTrue(ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true),
            "node " + pid + " outlived its master");
      }
    } finally {
      master.destroyForcibly();
    }
  }

  private static List<Long> recordedPids(long masterPid) throws Exception {
    Path file = PidRegistry.directory().resolve(masterPid + ".pids");
    return Files.readAllLines(file).stream().map(l -> Long.parseLong(l.split(" ")[0])).toList();
  }
}
