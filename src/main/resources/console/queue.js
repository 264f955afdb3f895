// The console's approval queue and audit trail: the requests waiting for approval (what would
// break, who asked, why, approve or reject as the token's person) and the audit trail with whether
// its hash chain verifies. Through the same API and token as console.js; text only ever as text.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const TABS = { "tab-radius": "console", "tab-approvals": "approvals", "tab-audit": "audit" };

  function show(tab) {
    for (const [button, section] of Object.entries(TABS)) {
      $(button).classList.toggle("current", button === tab);
      $(section).hidden = button !== tab;
    }
    if (tab === "tab-approvals") loadQueue();
    if (tab === "tab-audit") loadAudit();
  }

  function line(label, text) {
    const p = blastgateConsole.element("p", undefined, "line");
    p.append(blastgateConsole.element("span", label, "label"), " ", blastgateConsole.element("span", text));
    return p;
  }

  function card(request) {
    const el = blastgateConsole.element;
    const d = request.decision;
    const li = el("li", undefined, "request");
    li.dataset.id = request.id;
    li.append(el("h3", request.action + " on " + request.target));
    li.append(line("asked by", request.requester + " at confidence " + request.confidence + ": " + request.reason));
    if (d.blast_radius) {
      const s = d.blast_radius.summary;
      li.append(line("would break", s.total + " workloads (" + s.by_criticality.critical + " critical, "
        + s.unowned + " unowned), teams " + (s.teams.length ? s.teams.join(", ") : "none")));
    }
    const why = el("ul", undefined, "reasons");
    d.reasons.forEach((r) => why.append(el("li", r.rule + ": " + r.message)));
    li.append(el("h4", "Why it waits"), why);
    li.append(line("approvals", request.approved_by.length + " of " + d.approvals_needed
      + (request.approved_by.length ? " (" + request.approved_by.join(", ") + ")" : "")
      + "; who may approve: " + d.approvers.join(", ")));
    const comment = el("input");
    comment.placeholder = "comment (required to reject)";
    comment.className = "comment";
    const approve = el("button", "Approve", "approve");
    const reject = el("button", "Reject", "reject");
    const outcome = el("p", "", "outcome");
    approve.addEventListener("click", () => decide(request.id, "approve", comment.value, outcome));
    reject.addEventListener("click", () => {
      if (!comment.value.trim()) { outcome.textContent = "Say why you reject it."; return; }
      decide(request.id, "reject", comment.value, outcome);
    });
    const actions = el("div", undefined, "decide");
    actions.append(comment, approve, reject);
    li.append(actions, outcome);
    return li;
  }

  async function decide(id, verb, comment, outcome) {
    outcome.textContent = "…";
    try {
      const after = await blastgateConsole.api("/api/v1/actions/" + encodeURIComponent(id) + "/" + verb, "POST",
        comment.trim() ? { comment: comment.trim() } : {});
      outcome.textContent = "Now " + after.status + (after.execution_detail ? ": " + after.execution_detail : "") + ".";
      outcome.dataset.status = after.status;
    } catch (e) {
      outcome.textContent = "Refused (" + e.status + "): " + e.message;
      outcome.dataset.status = "refused";
    }
  }

  // Each load of a tab is numbered: only the latest one may fill it, so that a tab opened twice in
  // quick succession shows one list, not two.
  const loads = { queue: 0, audit: 0 };

  async function loadQueue() {
    const mine = ++loads.queue;
    $("queue").replaceChildren();
    $("approvals-status").textContent = "loading…";
    try {
      const page = await blastgateConsole.api("/api/v1/actions?status=pending_approval&limit=100");
      if (mine !== loads.queue) return;
      $("queue").replaceChildren(...page.requests.map(card));
      $("approvals-status").textContent = page.requests.length
        ? page.requests.length + " waiting for approval" : "Nothing waits for approval.";
    } catch (e) {
      if (mine !== loads.queue) return;
      $("approvals-status").textContent = "Cannot list the requests: " + e.message;
    }
  }

  async function loadAudit() {
    const mine = ++loads.audit;
    const body = document.querySelector("#audit-entries tbody");
    body.replaceChildren();
    $("audit-problems").replaceChildren();
    $("audit-verified").textContent = "loading…";
    delete $("audit-verified").dataset.verified;
    try {
      const page = await blastgateConsole.api("/api/v1/audit?limit=200");
      if (mine !== loads.audit) return;
      const el = blastgateConsole.element;
      $("audit-verified").textContent = page.verified
        ? "The hash chain verifies: no entry was changed, inserted or removed."
        : "The hash chain does NOT verify:";
      $("audit-verified").dataset.verified = String(page.verified);
      (page.problems || []).forEach((p) => $("audit-problems").append(
        el("li", (p.seq !== null && p.seq !== undefined ? "entry " + p.seq + ": " : "") + p.message)));
      page.entries.forEach((e) => {
        const tr = el("tr");
        [e.seq, e.at, e.event, e.actor, e.request_id || "", e.target || ""].forEach((v) => tr.append(el("td", String(v))));
        body.append(tr);
      });
    } catch (e) {
      if (mine !== loads.audit) return;
      $("audit-verified").textContent = e.status === 403
        ? "The audit trail needs the role auditor." : "Cannot read the audit trail: " + e.message;
      $("audit-verified").dataset.verified = "unknown";
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    for (const tab of Object.keys(TABS)) $(tab).addEventListener("click", () => show(tab));
  });
})();
