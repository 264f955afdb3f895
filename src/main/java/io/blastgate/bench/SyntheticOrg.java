package io.blastgate.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Generates synthetic enterprise graphs for benchmarks, deterministically from a seed and a size. The
 * shape follows what identity teams see: non-human identities outnumber humans about 20 to 1; teams of
 * about fifty workloads; role chains two to four deep that service accounts, humans, applications and
 * AI agents assume, mostly into a few popular roles; credentials with one consumer each but a
 * Zipf-like tail of shared ones (the most-shared used by 1600 workloads at a million nodes); every
 * workload running as an identity; dependencies as a layered DAG of five to eight layers per business
 * domain, with a few back edges that make cycles; criticality and environment distributions; a few
 * percent of entities unowned and of workloads decommissioned.
 *
 * <p>The bundle is streamed to disk; the graph is never held in memory.
 */
public final class SyntheticOrg {
  private static final int BUFFER = 1 << 20;

  private SyntheticOrg() {}

  /**
   * Writes the bundle to {@code bundle} and the chosen targets beside it ({@link #targetsFileOf}).
   */
  public static GeneratedOrg write(OrgSpec spec, Path bundle) {
    OrgShape shape = new OrgShape(spec.seed(), spec.nodes());
    OrgWriter writer = new OrgWriter(shape);
    try {
      Path parent = bundle.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(bundle), BUFFER)) {
        writer.write(out);
      }
      int mostShared = Math.min(spec.mostSharedTargets(), shape.sharedCredentials);
      List<String> shared = new ArrayList<>();
      List<Integer> consumers = new ArrayList<>();
      for (int r = 0; r < mostShared; r++) {
        shared.add(shape.credentialId(r));
        consumers.add(shape.consumerCount(r));
      }
      List<String> typical = typical(shape, spec.typicalTargets(), mostShared);
      Path targets = targetsFileOf(bundle);
      writeTargets(targets, spec, typical, shared, consumers);
      return new GeneratedOrg(
          spec,
          bundle,
          targets,
          Files.size(bundle),
          writer.entities(),
          writer.relationships(),
          typical,
          shared,
          consumers);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the synthetic bundle " + bundle, e);
    }
  }

  /** {@code org.json} has its targets in {@code org.targets.json}. */
  public static Path targetsFileOf(Path bundle) {
    String name = bundle.getFileName().toString();
    String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    return bundle.resolveSibling(stem + ".targets.json");
  }

  /**
   * Targets drawn uniformly among identities, credentials and workloads, the most-shared credentials
   * (ranks below {@code excluded}) left out so that the two groups do not overlap.
   */
  static List<String> typical(OrgShape s, int count, int excluded) {
    long population = (long) s.identities + s.credentials + s.workloads;
    long available = population - excluded;
    int wanted = (int) Math.min(count, available);
    Set<Long> seen = new HashSet<>();
    List<String> out = new ArrayList<>(wanted);
    for (long j = 0; out.size() < wanted; j++) {
      long x = Math.floorMod(Mix.hash(s.seed, Mix.Draw.TYPICAL, j), population);
      if (!seen.add(x)) {
        continue;
      }
      if (x < s.identities) {
        out.add(s.identityId((int) x));
      } else if (x < s.identities + s.credentials) {
        int c = (int) (x - s.identities);
        if (c >= excluded) {
          out.add(s.credentialId(c));
        }
      } else {
        out.add(OrgShape.workloadId((int) (x - s.identities - s.credentials)));
      }
    }
    return out;
  }

  private static void writeTargets(
      Path file, OrgSpec spec, List<String> typical, List<String> shared, List<Integer> consumers)
      throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("seed", spec.seed());
    root.put("nodes", spec.nodes());
    root.putPOJO("typical", typical);
    var most = root.putArray("most_shared");
    for (int i = 0; i < shared.size(); i++) {
      most.addObject().put("id", shared.get(i)).put("consumers", consumers.get(i));
    }
    json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
  }
}
