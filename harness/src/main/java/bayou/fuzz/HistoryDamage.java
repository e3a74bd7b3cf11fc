package bayou.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/** Seeded damage to a recorded history: its queue directory or its JSON lines. */
final class HistoryDamage {
  private final SplittableRandom random;

  HistoryDamage(SplittableRandom random) {
    this.random = random;
  }

  /** Copies the queue {@code base} to {@code dir} with damage; returns what was done. */
  String queue(Path base, Path dir) throws IOException {
    int kind = random.nextInt(6);
    if (kind == 0) {
      return foreign(dir);
    }
    copyTree(base, dir);
    List<Path> files = files(dir);
    Path file = files.get(random.nextInt(files.size()));
    byte[] bytes = Files.readAllBytes(file);
    switch (kind) {
      case 1, 2 -> {
        int length = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
        Files.write(file, java.util.Arrays.copyOf(bytes, length));
        return "a queue with " + file.getFileName() + " truncated to " + length + " bytes";
      }
      case 3, 4 -> {
        int flips = 1 + random.nextInt(64);
        for (int i = 0; i < flips && bytes.length > 0; i++) {
          int at = random.nextInt(Math.min(bytes.length, 1 << 20));
          bytes[at] ^= (byte) (1 << random.nextInt(8));
        }
        Files.write(file, bytes);
        return "a queue with " + flips + " bits flipped in " + file.getFileName();
      }
      default -> {
        Files.delete(file);
        return "a queue without " + file.getFileName();
      }
    }
  }

  /** A directory that is no queue: random files, or nothing. */
  private String foreign(Path dir) throws IOException {
    Files.createDirectories(dir);
    int files = random.nextInt(4);
    for (int i = 0; i < files; i++) {
      String name = random.nextBoolean() ? "2026" + i + ".cq4" : "metadata.cq4t";
      byte[] bytes = new byte[random.nextInt(0, 70_000)];
      random.nextBytes(bytes);
      Files.write(dir.resolve(name), bytes);
    }
    return "a foreign directory of " + files + " random files";
  }

  /** Writes {@code base} to {@code file} with damage; returns what was done. */
  String jsonl(Path base, Path file) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(base, StandardCharsets.UTF_8));
    Frames frames = new Frames(random);
    int at = random.nextInt(Math.max(1, lines.size()));
    String what;
    switch (random.nextInt(5)) {
      case 0 -> {
        byte[] bytes = Files.readAllBytes(base);
        int length = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
        Files.write(file, java.util.Arrays.copyOf(bytes, length));
        return "JSON lines truncated to " + length + " bytes";
      }
      case 1 -> {
        lines.set(at, frames.mutated(lines.get(at)));
        what = "JSON lines with line " + (at + 1) + " mutated";
      }
      case 2 -> {
        lines.add(at, frames.nonsense());
        what = "JSON lines with nonsense at line " + (at + 1);
      }
      case 3 -> {
        lines.add(at, new String(frames.bytes(300), StandardCharsets.ISO_8859_1)
            .replace('\n', ' ').replace('\r', ' '));
        what = "JSON lines with binary at line " + (at + 1);
      }
      default -> {
        lines.add(at, "{\"index\":" + "9".repeat(random.nextInt(1, 400)) + "}");
        what = "JSON lines with a huge number at line " + (at + 1);
      }
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
    return what;
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }
}
