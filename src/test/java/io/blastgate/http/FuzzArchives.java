package io.blastgate.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The fuzzer's CSV folders and archives: a bundle written as the CSV files of a folder, with the
 * mistakes CSV invites (unbalanced quotes, extra cells, byte order marks, bad headers, misspelt files,
 * bytes that are not UTF-8); and archives with the mistakes of archives (paths outside the folder, a
 * path twice, entries that clash, bombs, too many entries, damaged or cut bytes, no archive at all).
 */
final class FuzzArchives {
  /** 9 MiB of spaces, a few KiB zipped: a bomb in miniature against the tests' 8 MiB upload limit. */
  private static final byte[] BOMB = bomb();
  /** More entries than an archive may hold. */
  private static final byte[] CROWD = crowd();

  private FuzzArchives() {}

  /** The bundle's sections as CSV files, each with the header of the fields its entities use. */
  static Map<String, byte[]> csvFiles(ObjectNode bundle) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String section : FuzzBundles.SECTIONS) {
      JsonNode rows = bundle.path(section);
      if (!rows.isArray()) {
        continue;
      }
      Set<String> header = new LinkedHashSet<>();
      rows.forEach(row -> row.fieldNames().forEachRemaining(header::add));
      StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
      for (JsonNode row : rows) {
        csv.append(header.stream().map(f -> cell(row.get(f))).collect(Collectors.joining(","))).append('\n');
      }
      files.put(section + ".csv", FuzzBytes.utf8(csv.toString()));
    }
    return files;
  }

  /** One mistake of CSV, in one of the files. */
  static void spoilCsv(Random r, Map<String, byte[]> files) {
    List<String> names = new ArrayList<>(files.keySet());
    String name = names.get(r.nextInt(names.size()));
    String text = new String(files.get(name), java.nio.charset.StandardCharsets.UTF_8);
    int comma = text.indexOf(',', r.nextInt(Math.max(1, text.length())));
    int at = comma < 0 ? text.length() : comma + 1; // just after a comma: at a cell's start
    switch (r.nextInt(14)) {
      case 0 -> files.put(name, FuzzBytes.utf8(text.substring(0, at) + "\"" + text.substring(at)));
      case 1 -> files.put(name, FuzzBytes.utf8(text.substring(0, at) + "\"x\"y" + text.substring(at)));
      case 2 -> files.put(name, FuzzBytes.utf8(text.replaceFirst("\n(.+)\n", "\n$1,extra,cells\n")));
      case 3 -> files.put(name, FuzzBytes.utf8((r.nextBoolean() ? "\uFEFF" : "") + text.replaceFirst("\n", "\n\uFEFF")));
      case 4 -> files.put(name, FuzzBytes.insertAt(files.get(name), at, FuzzBytes.NOT_UTF8[r.nextInt(FuzzBytes.NOT_UTF8.length)]));
      case 5 -> files.put(name, FuzzBytes.flip(r, files.get(name), 1 + r.nextInt(3)));
      case 6 -> files.put(name, FuzzBytes.truncate(r, files.get(name)));
      case 7 -> files.put(name, FuzzBytes.utf8(text.replaceFirst(FuzzBundles.pick(r, "id", "kind", "uses", "owns", "status"),
          FuzzBundles.pick(r, "dependson", "", "id,id", "kind,kind", "Kind"))));
      case 8 -> files.put(FuzzBundles.pick(r, "workload.csv", "extra.csv", "README.txt", "Owners.CSV"), files.remove(name));
      case 9 -> files.put(name, FuzzBytes.utf8(text.replace("\n", r.nextBoolean() ? "\r" : "\r\n")));
      case 10 -> files.put(name, FuzzBytes.utf8(text.substring(0, at) + "\u0000" + text.substring(at)));
      case 11 -> files.put(name, FuzzBytes.utf8(text.substring(0, at) + "y".repeat(100_000) + text.substring(at)));
      case 12 -> files.put(name, FuzzBytes.utf8(r.nextBoolean() ? "" : text.substring(0, text.indexOf('\n') + 1)));
      default -> files.put(name, FuzzBytes.utf8(text.substring(0, at) + "\"multi\nline, \"\"quoted\"\"\"" + text.substring(at)));
    }
  }

  /** One mistake of an archive holding {@code entries}; returns the archive's bytes. */
  static byte[] spoilArchive(Random r, Map<String, byte[]> entries) {
    Map<String, byte[]> e = new LinkedHashMap<>(entries);
    String first = e.keySet().iterator().next();
    switch (r.nextInt(15)) {
      case 0 -> e.put(FuzzBundles.pick(r, "../evil.csv", "../../etc/passwd", "/abs.json", "a/../../x.json",
          "C:\\x.json", "a\\b.json", "x:y.json", "./../owners.csv"), FuzzBytes.utf8("x"));
      case 1 -> e.put("./" + first, e.get(first));
      case 2 -> e.put(first.endsWith(".json") ? "owners.csv" : "bundle.json", FuzzBytes.utf8("id,kind\n"));
      case 3 -> e.put(FuzzBundles.pick(r, "__MACOSX/._" + first, ".DS_Store", "notes.txt"), FuzzBytes.utf8("ignored"));
      case 4 -> e.clear();
      case 5 -> e.put(first + "/inside", FuzzBytes.utf8("clash"));
      case 6 -> e.put("d".repeat(300) + ".json", FuzzBytes.utf8("{}"));
      case 7 -> {
        return BOMB;
      }
      case 8 -> {
        return r.nextInt(4) == 0 ? CROWD : zip(e, false);
      }
      case 9 -> {
        return FuzzBytes.flip(r, zip(e, r.nextBoolean()), 1 + r.nextInt(8));
      }
      case 10 -> {
        return FuzzBytes.truncate(r, zip(e, false));
      }
      case 11 -> e.put(first, zip(Map.of(first, e.get(first)), false));
      case 12 -> {
        return r.nextBoolean() ? e.get(first) : FuzzBytes.flip(r, new byte[64], 64);
      }
      case 13 -> {
        Map<String, byte[]> nested = new LinkedHashMap<>();
        e.forEach((name, bytes) -> nested.put("inventory/" + name, bytes));
        nested.put(r.nextBoolean() ? "other/x.txt" : "inventory/", new byte[0]);
        return zip(nested, r.nextBoolean());
      }
      default -> {
        return zip(e, true);
      }
    }
    return zip(e, r.nextBoolean());
  }

  /** A zip of the entries, in order; {@code stored}: without compression. Directories end in '/'. */
  static byte[] zip(Map<String, byte[]> entries, boolean stored) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (var e : entries.entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey());
        if (stored) {
          CRC32 crc = new CRC32();
          crc.update(e.getValue());
          entry.setMethod(ZipEntry.STORED);
          entry.setSize(e.getValue().length);
          entry.setCrc(crc.getValue());
        }
        out.putNextEntry(entry);
        out.write(e.getValue());
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static String cell(JsonNode value) {
    if (value == null || value.isNull()) {
      return "";
    }
    String text = value.isArray()
        ? StreamSupport.stream(value.spliterator(), false).map(JsonNode::asText).collect(Collectors.joining("|"))
        : value.isTextual() ? value.asText() : value.toString();
    return text.matches(".*[,\"\\r\\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }

  private static byte[] bomb() {
    byte[] spaces = new byte[9 << 20];
    java.util.Arrays.fill(spaces, (byte) ' ');
    return zip(Map.of("bundle.json", spaces), false);
  }

  private static byte[] crowd() {
    Map<String, byte[]> many = new LinkedHashMap<>();
    for (int i = 0; i <= 10_000; i++) {
      many.put("n/" + i + ".txt", new byte[0]);
    }
    return zip(many, false);
  }
}
