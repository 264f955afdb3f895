package io.blastgate.bench;

import io.blastgate.bench.Mix.Draw;
import java.util.ArrayList;
import java.util.List;

/**
 * Who owns what in a synthetic organisation. Teams own about fifty workloads each, with the service
 * accounts, roles, applications, agents and credentials that go with them; a few percent of workloads
 * are owned by a person of the team instead, and a few percent of everything is owned by nobody.
 * Ownership is asserted from the owner's side in a bundle ({@code owns}), so each rule here has an
 * inverse that lists, for one owner, what it owns without scanning the graph.
 */
final class OrgOwnership {
  static final double UNOWNED = 0.03;
  static final double PERSON_OWNED = 0.05;
  static final double SECOND_TEAM = 0.10;
  static final int NOBODY = -1;

  private final OrgShape s;

  OrgOwnership(OrgShape shape) {
    this.s = shape;
  }

  private boolean unowned(Draw draw, int index) {
    return Mix.unit(Mix.hash(s.seed, draw, index)) < UNOWNED;
  }

  /** The owner (global owner index) of workload {@code w}, or {@link #NOBODY}. */
  int workloadOwner(int w) {
    if (unowned(Draw.WL_OWNER, w)) {
      return NOBODY;
    }
    int team = s.teamOf(w, s.workloads);
    int[] persons = s.rangeOf(team, s.humans);
    long h = Mix.hash(s.seed, Draw.WL_OWNER, w, 1);
    if (persons[1] > persons[0] && Mix.unit(h) < PERSON_OWNED) {
      return s.person(persons[0] + Mix.below(Mix.hash(s.seed, Draw.WL_OWNER, w, 2), persons[1] - persons[0]));
    }
    return team;
  }

  /** The owner of identity {@code i}: a human by its person, the others by a team. */
  int identityOwner(int i) {
    if (i < s.humans) {
      return s.person(i);
    }
    if (unowned(Draw.ID_OWNER, i)) {
      return NOBODY;
    }
    if (i < s.role(0)) {
      // A service account belongs to the team of the workload that runs as it.
      return s.teamOf(i - s.humans, s.workloads);
    } else if (i < s.application(0)) {
      return s.teamOf(i - s.role(0), s.roles);
    } else if (i < s.agent(0)) {
      return s.teamOf(i - s.application(0), s.applications);
    }
    return s.teamOf(i - s.agent(0), s.agents);
  }

  /** The owner of credential {@code c}: a human's by its person, the others by a team. */
  int credentialOwner(int c) {
    if (c >= s.humanCredential(0) && c < s.privateCredential(0)) {
      return s.person(c - s.humanCredential(0));
    }
    if (unowned(Draw.CRED_OWNER, c)) {
      return NOBODY;
    }
    if (c < s.sharedCredentials) {
      return s.teamOf(c, s.sharedCredentials);
    }
    // A private credential belongs to the team of the workload that uses it.
    return s.teamOf((c - s.privateCredential(0)) % s.workloads, s.workloads);
  }

  /** Everything team {@code t} owns: identities, then credentials, then workloads. */
  List<String> ownedByTeam(int t) {
    List<String> out = new ArrayList<>();
    int[] sas = s.rangeOf(t, s.workloads);
    for (int a = sas[0]; a < Math.min(sas[1], s.serviceAccounts); a++) {
      addIdentity(out, t, s.serviceAccount(a));
    }
    addIdentities(out, t, s.rangeOf(t, s.roles), s.role(0));
    addIdentities(out, t, s.rangeOf(t, s.applications), s.application(0));
    addIdentities(out, t, s.rangeOf(t, s.agents), s.agent(0));
    int[] shared = s.rangeOf(t, s.sharedCredentials);
    for (int r = shared[0]; r < shared[1]; r++) {
      addCredential(out, t, r);
    }
    int[] ws = s.rangeOf(t, s.workloads);
    for (int w = ws[0]; w < ws[1]; w++) {
      for (int p = w; p < s.privateCredentials; p += s.workloads) {
        addCredential(out, t, s.privateCredential(p));
      }
    }
    for (int w = ws[0]; w < ws[1]; w++) {
      if (workloadOwner(w) == t) {
        out.add(OrgShape.workloadId(w));
      }
    }
    return out;
  }

  /** Everything person {@code h} owns: their own human identity and credential, and some workloads. */
  List<String> ownedByPerson(int h) {
    List<String> out = new ArrayList<>();
    out.add(s.identityId(h));
    out.add(s.credentialId(s.humanCredential(h)));
    int[] ws = s.rangeOf(s.teamOf(h, s.humans), s.workloads);
    for (int w = ws[0]; w < ws[1]; w++) {
      if (workloadOwner(w) == s.person(h)) {
        out.add(OrgShape.workloadId(w));
      }
    }
    return out;
  }

  /** The teams person {@code h} is a member of: their own, and sometimes a second one. */
  List<String> teamsOfPerson(int h) {
    int team = s.teamOf(h, s.humans);
    List<String> out = new ArrayList<>(List.of(s.ownerId(team)));
    long draw = Mix.hash(s.seed, Draw.PERSON, h);
    if (s.teams > 1 && Mix.unit(draw) < SECOND_TEAM) {
      int other = (team + 1 + Mix.below(Mix.hash(s.seed, Draw.PERSON, h, 1), s.teams - 1)) % s.teams;
      out.add(s.ownerId(other));
    }
    return out;
  }

  private void addIdentities(List<String> out, int t, int[] range, int base) {
    for (int i = range[0]; i < range[1]; i++) {
      addIdentity(out, t, base + i);
    }
  }

  private void addIdentity(List<String> out, int t, int i) {
    if (identityOwner(i) == t) {
      out.add(s.identityId(i));
    }
  }

  private void addCredential(List<String> out, int t, int c) {
    if (credentialOwner(c) == t) {
      out.add(s.credentialId(c));
    }
  }
}
