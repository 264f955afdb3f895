// Longer than 300 lines on purpose: see the class comment (one index scheme, shared by every method).
package io.blastgate.bench;

import io.blastgate.bench.Mix.Draw;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The structure of a synthetic organisation: how many entities of each kind, and who relates to whom,
 * as pure functions of an index. Only small tables are kept (domain and layer boundaries, role chain
 * heads, and the consumers of the few shared credentials); the entities themselves are never held,
 * so a writer can stream a graph of any size.
 *
 * <p>Every entity kind has a global index: identities {@code [0, identities)} (humans, service
 * accounts, roles, applications, agents in that order), credentials {@code [0, credentials)} (shared,
 * human, private), workloads {@code [0, workloads)}, owners {@code [0, teams + persons)} (teams, then
 * persons).
 *
 * <p>Longer than the house's 300 lines on purpose: every method here computes from the one index
 * scheme above and the tables built in the constructor; split apart, each part would have to know the
 * others' offsets, and the generator's determinism (the same seed, the same graph) rests on them
 * agreeing.
 */
final class OrgShape {
  /** Share of all nodes that are workloads, and identities; credentials and owners take the rest. */
  static final double WORKLOAD_SHARE = 0.30;
  static final double IDENTITY_SHARE = 0.36;
  static final int WORKLOADS_PER_TEAM = 50;
  /** One human in 21 identities: non-human identities outnumber humans about 20 to 1. */
  static final int IDENTITIES_PER_HUMAN = 21;
  /** Of the non-human identities; AI agents take the rest. */
  static final double SERVICE_ACCOUNT_SHARE = 0.65;
  static final double ROLE_SHARE = 0.20;
  static final double APPLICATION_SHARE = 0.10;
  /** Credentials that several workloads share; the others have one consumer or none. */
  static final double SHARED_CREDENTIAL_SHARE = 0.01;
  /** Consumers of the most-shared credential per node: 1600 at a million nodes. */
  static final double TOP_CONSUMERS_PER_NODE = 0.0016;
  /** Consumers of the credential of rank r fall as 1 / (r + 1)^exponent (Zipf-like). */
  static final double SHARE_EXPONENT = 0.7;
  /** Dependencies stay within a domain (a business unit) of Pareto-distributed size. */
  static final int MIN_DOMAIN = 150;
  static final int MAX_DOMAIN = 6_000;
  static final double DOMAIN_PARETO = 1.3;
  /** Each layer of a domain's dependency DAG is this fraction of the one above. */
  static final double LAYER_RATIO = 0.65;

  final long seed;
  final int nodes;
  final int workloads;
  final int teams;
  final int humans;
  final int serviceAccounts;
  final int roles;
  final int applications;
  final int agents;
  final int identities;
  final int sharedCredentials;
  final int privateCredentials;
  final int credentials;

  private final int[] domainStart;
  private final int[][] layerStart;
  private final BitSet chainHead;
  private final int[] heads;
  private final int[] consumerCount;
  private final int[] sharedOffset;
  private final int[] sharedRanks;

  OrgShape(long seed, int nodes) {
    this.seed = seed;
    this.nodes = nodes;
    workloads = (int) Math.round(nodes * WORKLOAD_SHARE);
    teams = Math.max(1, (int) Math.round((double) workloads / WORKLOADS_PER_TEAM));
    identities = (int) Math.round(nodes * IDENTITY_SHARE);
    humans = Math.max(1, (int) Math.round((double) identities / IDENTITIES_PER_HUMAN));
    int nonHuman = identities - humans;
    serviceAccounts = (int) Math.round(nonHuman * SERVICE_ACCOUNT_SHARE);
    roles = (int) Math.round(nonHuman * ROLE_SHARE);
    applications = (int) Math.round(nonHuman * APPLICATION_SHARE);
    agents = nonHuman - serviceAccounts - roles - applications;
    credentials = nodes - workloads - identities - teams - humans;
    sharedCredentials = Math.max(1, (int) Math.round(credentials * SHARED_CREDENTIAL_SHARE));
    privateCredentials = credentials - sharedCredentials - humans;
    if (agents < 1 || privateCredentials < 1 || serviceAccounts > workloads) {
      throw new IllegalArgumentException("too few nodes for every kind of entity: " + nodes);
    }
    domainStart = domainStarts();
    layerStart = new int[domainStart.length - 1][];
    for (int d = 0; d < layerStart.length; d++) {
      layerStart[d] = layers(d, domainStart[d], domainStart[d + 1] - domainStart[d]);
    }
    chainHead = roleChains();
    heads = chainHead.stream().toArray();
    consumerCount = new int[sharedCredentials];
    int[][] consumers = sharedConsumers();
    sharedOffset = new int[workloads + 1];
    sharedRanks = invert(consumers);
  }

  int persons() {
    return humans;
  }

  int owners() {
    return teams + humans;
  }

  int domains() {
    return layerStart.length;
  }

  // ---- domains and layers: where a workload sits in the dependency DAG ----

  private int[] domainStarts() {
    int[] starts = new int[workloads / MIN_DOMAIN + 2];
    int count = 0;
    int start = 0;
    while (start < workloads) {
      starts[count++] = start;
      double u = Mix.unit(Mix.hash(seed, Draw.DOMAIN_SIZES, count));
      int size =
          (int) Math.min(MAX_DOMAIN, MIN_DOMAIN / StrictMath.pow(1 - u, 1 / DOMAIN_PARETO));
      if (workloads - start - size < MIN_DOMAIN) {
        size = workloads - start;
      }
      start += size;
    }
    starts[count] = workloads;
    return Arrays.copyOf(starts, count + 1);
  }

  /** Layer starts of one domain, plus its end: 5 to 8 layers, each smaller than the one above. */
  private int[] layers(int domain, int start, int size) {
    int count = 5 + Mix.below(Mix.hash(seed, Draw.DOMAIN, domain), 4);
    double total = 0;
    for (int l = 0; l < count; l++) {
      total += StrictMath.pow(LAYER_RATIO, l);
    }
    int[] sizes = new int[count];
    int below = 0;
    for (int l = 1; l < count; l++) {
      sizes[l] = Math.max(1, (int) (size * StrictMath.pow(LAYER_RATIO, l) / total));
      below += sizes[l];
    }
    sizes[0] = size - below;
    int[] starts = new int[count + 1];
    starts[0] = start;
    for (int l = 0; l < count; l++) {
      starts[l + 1] = starts[l] + sizes[l];
    }
    return starts;
  }

  /** Where workload {@code w} sits: its domain, its layer, and that layer's bounds. */
  record Place(int domain, int layer, int layers, int[] layerStart) {
    int layerSize(int l) {
      return layerStart[l + 1] - layerStart[l];
    }

    boolean bottom() {
      return layer == layers - 1;
    }
  }

  Place place(int w) {
    int d = Arrays.binarySearch(domainStart, w);
    d = d >= 0 ? d : -d - 2;
    int[] starts = layerStart[d];
    int l = Arrays.binarySearch(starts, w);
    l = l >= 0 ? l : -l - 2;
    return new Place(d, l, starts.length - 1, starts);
  }

  /**
   * What workload {@code w} depends on: one to three workloads of the next layer or the one after,
   * mostly the popular ones. The first workload of a domain's bottom layer also depends on the most
   * popular workload of the second layer in some domains: a back edge, so dependency cycles exist.
   */
  int[] dependsOn(int w) {
    Place p = place(w);
    Set<Integer> out = new LinkedHashSet<>();
    if (!p.bottom()) {
      double r = Mix.unit(Mix.hash(seed, Draw.WL_DEP_COUNT, w));
      int count = r < 0.50 ? 1 : r < 0.85 ? 2 : 3;
      for (int j = 0; j < count; j++) {
        boolean skip =
            p.layer() + 2 < p.layers()
                && Mix.unit(Mix.hash(seed, Draw.WL_DEP_LAYER, w, j)) < 0.15;
        int l = p.layer() + (skip ? 2 : 1);
        out.add(p.layerStart()[l] + Mix.skewed(Mix.hash(seed, Draw.WL_DEP_INDEX, w, j), p.layerSize(l)));
      }
    } else if (p.layers() >= 3
        && w == p.layerStart()[p.layer()]
        && Mix.below(Mix.hash(seed, Draw.DOMAIN, p.domain(), 1), 10) < 3) {
      out.add(p.layerStart()[1]);
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  // ---- identities ----

  int serviceAccount(int s) {
    return humans + s;
  }

  int role(int r) {
    return humans + serviceAccounts + r;
  }

  int application(int a) {
    return humans + serviceAccounts + roles + a;
  }

  int agent(int g) {
    return humans + serviceAccounts + roles + applications + g;
  }

  /** Roles grouped into CAN_ASSUME chains of 2 to 4; the bit marks the first role of a chain. */
  private BitSet roleChains() {
    BitSet bits = new BitSet(roles);
    int r = 0;
    for (int chain = 0; r < roles; chain++) {
      bits.set(r);
      r += 2 + Mix.below(Mix.hash(seed, Draw.ROLE_CHAINS, chain), 3);
    }
    return bits;
  }

  /** A chain head, mostly a popular one: "everyone assumes the deployer role". */
  int popularRoleHead(long hash) {
    return role(heads[Mix.skewed(hash, heads.length)]);
  }

  /** The next role of role {@code r}'s chain, or -1 at the end of the chain. */
  int nextInChain(int r) {
    return r + 1 < roles && !chainHead.get(r + 1) ? role(r + 1) : -1;
  }

  /**
   * The identity workload {@code w} runs as: functions run as a role, about one in twenty workloads
   * as an AI agent, the rest as a service account (some service accounts serve two workloads).
   */
  int runsAs(int w, String kind) {
    if (kind.equals("function")) {
      return role(Mix.skewed(Mix.hash(seed, Draw.WL_RUNS_AS, w), roles));
    }
    if (Mix.unit(Mix.hash(seed, Draw.WL_RUNS_AS, w, 1)) < 0.05) {
      return agent(Mix.below(Mix.hash(seed, Draw.WL_RUNS_AS, w, 2), agents));
    }
    return serviceAccount(w % serviceAccounts);
  }

  // ---- credentials ----

  int humanCredential(int h) {
    return sharedCredentials + h;
  }

  int privateCredential(int p) {
    return sharedCredentials + humans + p;
  }

  int consumerCount(int rank) {
    return consumerCount[rank];
  }

  /** Shared credential of rank r: consumers fall off as 1 / (r + 1)^0.7, at least two. */
  private int[][] sharedConsumers() {
    double top = Math.max(2, Math.round(nodes * TOP_CONSUMERS_PER_NODE));
    int[][] out = new int[sharedCredentials][];
    for (int r = 0; r < sharedCredentials; r++) {
      int count = (int) Math.max(2, Math.round(top / StrictMath.pow(r + 1, SHARE_EXPONENT)));
      count = Math.min(count, workloads / 2);
      consumerCount[r] = count;
      Set<Integer> picked = new LinkedHashSet<>();
      for (int j = 0; picked.size() < count; j++) {
        picked.add(Mix.below(Mix.hash(seed, Draw.SHARED_CONSUMERS, r, j), workloads));
      }
      out[r] = picked.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
    return out;
  }

  /** Workload to shared-credential ranks, compressed rows: what the writer needs, workload by workload. */
  private int[] invert(int[][] consumers) {
    for (int[] ws : consumers) {
      for (int w : ws) {
        sharedOffset[w + 1]++;
      }
    }
    for (int w = 0; w < workloads; w++) {
      sharedOffset[w + 1] += sharedOffset[w];
    }
    int[] ranks = new int[sharedOffset[workloads]];
    int[] fill = Arrays.copyOf(sharedOffset, workloads);
    for (int r = 0; r < consumers.length; r++) {
      for (int w : consumers[r]) {
        ranks[fill[w]++] = r;
      }
    }
    return ranks;
  }

  /** A few private credentials are used by nobody (left over, forgotten). */
  boolean orphan(int p) {
    return Mix.unit(Mix.hash(seed, Draw.CRED_ORPHAN, p)) < 0.04;
  }

  /** The credentials workload {@code w} uses: the shared ones that picked it, and its private ones. */
  int[] uses(int w) {
    int shared = sharedOffset[w + 1] - sharedOffset[w];
    int[] out = new int[shared + privateCredentials / workloads + 1];
    int n = 0;
    for (int i = sharedOffset[w]; i < sharedOffset[w + 1]; i++) {
      out[n++] = sharedRanks[i];
    }
    for (int p = w; p < privateCredentials; p += workloads) {
      if (!orphan(p)) {
        out[n++] = privateCredential(p);
      }
    }
    return Arrays.copyOf(out, n);
  }

  // ---- owners ----

  /** Entity {@code index} of {@code count} belongs to team floor(index * teams / count). */
  int teamOf(int index, int count) {
    return (int) ((long) index * teams / count);
  }

  /** The indices {@code [from, to)} of {@code count} that {@link #teamOf} gives to team {@code t}. */
  int[] rangeOf(int t, int count) {
    return new int[] {ceilDiv((long) t * count, teams), ceilDiv((long) (t + 1) * count, teams)};
  }

  int person(int h) {
    return teams + h;
  }

  private static int ceilDiv(long a, long b) {
    return (int) ((a + b - 1) / b);
  }

  // ---- ids: the index is part of the id, so a reader can tell kinds apart at a glance ----

  String identityId(int i) {
    if (i < humans) {
      return "id:human:" + i;
    } else if (i < role(0)) {
      return "id:sa:" + (i - humans);
    } else if (i < application(0)) {
      return "id:role:" + (i - role(0));
    } else if (i < agent(0)) {
      return "id:app:" + (i - application(0));
    }
    return "id:agent:" + (i - agent(0));
  }

  String credentialId(int c) {
    if (c < sharedCredentials) {
      return "cred:shared:" + c;
    } else if (c < privateCredential(0)) {
      return "cred:human:" + (c - sharedCredentials);
    }
    return "cred:" + (c - privateCredential(0));
  }

  static String workloadId(int w) {
    return "wl:" + w;
  }

  String ownerId(int o) {
    return o < teams ? "team:" + o : "person:" + (o - teams);
  }
}
