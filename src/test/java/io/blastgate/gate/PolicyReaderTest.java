package io.blastgate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blastgate.error.BlastgateException.InvalidDocument;
import io.blastgate.error.BlastgateException.InvalidDocument.Located;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A policy document is accepted whole or refused with every problem listed, in words of the policy. */
class PolicyReaderTest {
  private final PolicyReader reader = new PolicyReader();

  private List<Located> problems(String text) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> reader.read(text));
    assertThat(thrown).isInstanceOf(InvalidDocument.class);
    List<Located> problems = ((InvalidDocument) thrown).problems();
    for (Located p : problems) {
      assertThat(p.message()).doesNotContainPattern("com\\.|networknt|jackson|dev\\.cel|Exception|snakeyaml");
    }
    return problems;
  }

  @Test
  void theShippedPolicyReads() {
    Policy p = reader.defaults();
    assertThat(p.version()).isEqualTo("default-2026-12-02");
    assertThat(p.maxFactsAge()).isEqualTo(Duration.ofHours(24));
    assertThat(p.limits("human", Stage.HARD).executeUpTo().impacted()).isZero();
    assertThat(p.limits("service_account", Stage.HARD)).isSameAs(p.limits("default", Stage.HARD));
    assertThat(p.rules()).hasSize(1);
    assertThat(p.text()).startsWith("# blastgate's default gate policy.");
  }

  @Test
  void everySchemaProblemIsListedWithItsPointer() {
    String text = """
        version: v1
        confidence: {medium_from: 0.5, high_from: 2}
        approvals: {default: 0, critical: 2}
        surprise: true
        identity_kinds:
          default:
            soft: {execute_up_to: {impacted: -1}}
            hard: {execute_up_to: {critical: 3}}
          robot: {}
        """;
    assertThat(problems(text)).extracting(Located::location).contains(
        "/confidence/high_from", "/approvals/default", "/identity_kinds/default/soft/execute_up_to/impacted",
        "/identity_kinds/default/hard/execute_up_to");
    assertThat(problems(text)).hasSizeGreaterThanOrEqualTo(6);
  }

  @Test
  void whatTheSchemaCannotSayIsCheckedToo() {
    String text = """
        version: v1
        confidence: {medium_from: 0.9, high_from: 0.5}
        approvals: {default: 1, critical: 2}
        maintenance_windows:
          - {name: patch, targets: ["*"], start: "2026-12-08T22:00:00Z", end: "2026-12-08T21:00:00Z"}
        identity_kinds:
          default:
            soft: {execute_up_to: {}}
            hard: {execute_up_to: {}}
        rules:
          - {name: typo, when: 'impactd > 3', outcome: deny, reason: x}
          - {name: not-bool, when: 'impacted + 1', outcome: deny, reason: x}
          - {name: wrong-type, when: 'impacted > "3"', outcome: deny, reason: x}
        """;
    List<Located> problems = problems(text);
    assertThat(problems).extracting(Located::location).containsExactly(
        "/confidence", "/maintenance_windows/0/end", "/rules/0/when", "/rules/1/when", "/rules/2/when");
    assertThat(problems.get(2).message()).contains("impactd");
  }

  @Test
  void aDocumentThatDoesNotParseSaysWhere() {
    assertThat(problems("version: v1\nconfidence: {medium_from: 0.5\n")).singleElement()
        .satisfies(p -> assertThat(p.location()).startsWith("line "));
    assertThat(problems("version: v1\nversion: v2\n")).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("appears twice"));
    assertThat(problems("- just\n- a list\n")).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("one YAML or JSON object"));
  }

  @Test
  void aRuleCannotLoosenTheGate() {
    String text = """
        {"version": "v1", "confidence": {"medium_from": 0.5, "high_from": 0.8},
         "approvals": {"default": 1, "critical": 2},
         "identity_kinds": {"default": {"soft": {"execute_up_to": {}}, "hard": {"execute_up_to": {}}}},
         "rules": [{"name": "yolo", "when": "true", "outcome": "execute", "reason": "x"}]}
        """;
    assertThat(problems(text)).extracting(Located::location).containsExactly("/rules/0/outcome");
  }

  @Test
  void theLadderMatchesTheSpecification() {
    var ladder = Actions.ladder();
    assertThat(ladder.all()).extracting(Action::name).containsExactly("annotate", "notify_owners",
        "queue_for_review", "step_up_auth", "quarantine_session", "restrict", "suspend", "revoke_credential",
        "rotate_credential", "disable_identity", "block_workload");
    assertThat(ladder.named("revoke_credential").reversible()).isFalse();
    assertThat(ladder.named("disable_identity").reversible()).isTrue();
    assertThat(ladder.named("step_up_auth").interrupts(true)).isFalse();
    assertThat(ladder.named("step_up_auth").interrupts(false)).isTrue();
    assertThat(ladder.named("suspend").expires()).isTrue();
    assertThatThrownBy(() -> ladder.named("nuke")).hasMessageContaining("the actions are annotate, notify_owners");
  }
}
