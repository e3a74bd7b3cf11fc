package bayou.cluster;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Records every network namespace and link a master creates, before creating it, one file per
 * master in {@code $TMPDIR/bayou-net/MASTERPID.net}, and the run's subnet as a claim file
 * {@code subnet-N} holding the master's pid. {@code bin/cleanup} removes what a dead master left,
 * by the recorded names (never by pattern), then the files.
 */
final class NetRegistry {
  private final Path file;
  private Path subnetClaim;
  private Process reaper;

  private NetRegistry(Path file) {
    this.file = file;
  }

  static Path directory() {
    return Path.of(System.getProperty("java.io.tmpdir"), "bayou-net");
  }

  static NetRegistry forThisProcess() {
    try {
      Files.createDirectories(directory());
    } catch (IOException e) {
      throw new ClusterException("cannot record the run's network in " + directory() + ": "
          + e.getMessage());
    }
    return new NetRegistry(directory().resolve(ProcessHandle.current().pid() + ".net"));
  }

  /**
   * Claims the first subnet slot that no live master holds and that the root namespace does not
   * use already; returns its index.
   */
  synchronized int claimSubnet(int base, int slots) {
    String inUse = NetNamespaces.run(List.of("ip", "-o", "-4", "addr", "show"), null);
    String pid = Long.toString(ProcessHandle.current().pid());
    for (int slot = 0; slot < slots; slot++) {
      if (inUse.contains(" 10." + (base + slot) + ".")) {
        continue;
      }
      Path claim = directory().resolve("subnet-" + slot);
      try {
        Files.writeString(claim, pid + "\n", StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException e) {
        if (!heldByDeadMaster(claim)) {
          continue;
        }
        try {
          Files.deleteIfExists(claim); // bin/cleanup would have; the slot is free
          Files.writeString(claim, pid + "\n", StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE);
        } catch (IOException raced) {
          continue;
        }
      } catch (IOException e) {
        throw new ClusterException("cannot claim a subnet in " + directory() + ": "
            + e.getMessage());
      }
      subnetClaim = claim;
      record("subnet", claim.getFileName().toString());
      return slot;
    }
    throw new ClusterException("no free subnet among 10." + base + ".0.0 to 10."
        + (base + slots - 1) + ".0.0 (run bin/cleanup?)");
  }

  private static boolean heldByDeadMaster(Path claim) {
    try {
      long holder = Long.parseLong(Files.readString(claim).strip());
      return ProcessHandle.of(holder).map(p -> !p.isAlive()).orElse(true);
    } catch (IOException | NumberFormatException e) {
      return false; // being written right now: leave it
    }
  }

  /**
   * Starts a watcher that outlives this JVM: it waits for the end of a pipe that only this JVM
   * holds, so it wakes when the master ends however it ends (a SIGKILL too), and then deletes
   * whatever this record still names. After a normal close the record is gone and it has
   * nothing to do. {@code bin/cleanup} remains for a watcher that was killed as well.
   */
  synchronized void startReaper() {
    String script = "trap '' INT HUP TERM\n"
        + "cat >/dev/null\n" // until the master's end of the pipe closes
        + "f='" + file + "'\n"
        + "[ -f \"$f\" ] || exit 0\n"
        + "while read -r kind name; do case \"$kind\" in\n"
        + "  netns) ip netns delete \"$name\" ;;\n"
        + "  link) ip link delete \"$name\" ;;\n"
        + "  subnet) rm -f '" + directory() + "'/\"$name\" ;;\n"
        + "esac; done < \"$f\" 2>/dev/null\n"
        + "rm -f \"$f\"\n";
    try {
      reaper = new ProcessBuilder("sh", "-c", script)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      System.err.println("bayou: no watcher for the run's network (bin/cleanup removes it after "
          + "a crash): " + e.getMessage());
    }
  }

  synchronized void record(String kind, String name) {
    try {
      Files.writeString(file, kind + " " + name + "\n", StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new ClusterException("cannot record " + kind + " " + name + ": " + e.getMessage());
    }
  }

  synchronized void clear() {
    try {
      if (subnetClaim != null) {
        Files.deleteIfExists(subnetClaim);
      }
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a stale file only costs bin/cleanup a check
    }
    if (reaper != null) {
      try {
        reaper.getOutputStream().close(); // nothing recorded is left: it ends at once
      } catch (IOException ignored) {
        // it ends with this JVM then
      }
    }
  }
}
