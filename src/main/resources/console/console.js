// The console: sign in with a token, search, draw a blast radius (graph.js), show its summary and a
// clicked node's owners and path. Everything goes through the API of this origin with the token as a
// bearer token; the token stays in this tab's session storage and never in a URL. Text from the graph
// is only ever set as text (textContent), never as HTML.
"use strict";

(function () {
  const TOKEN_KEY = "blastgate.token";
  const NEIGHBOUR_LOOKUPS = 200; // beyond this, deeper workloads get a dashed edge to the target
  const $ = (id) => document.getElementById(id);
  let answer = null;

  class ApiError extends Error {
    constructor(status, detail) { super(detail); this.status = status; }
  }

  async function api(path, method, body) {
    const token = sessionStorage.getItem(TOKEN_KEY);
    const headers = { "Authorization": "Bearer " + token, "Accept": "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(path, { method: method || "GET", headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body) });
    if (response.ok) return response.json();
    let detail = response.status + " " + response.statusText;
    try { detail = (await response.json()).detail || detail; } catch (ignored) { /* not a problem document */ }
    if (response.status === 401) signOut("The token was refused: " + detail);
    throw new ApiError(response.status, detail);
  }

  function element(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (className) e.className = className;
    return e;
  }

  function status(text) { $("status").textContent = text; }

  // Sign in: the token is kept only if the API accepts it for a search (role viewer).
  async function signIn(event) {
    event.preventDefault();
    $("sign-in-error").textContent = "";
    sessionStorage.setItem(TOKEN_KEY, $("token").value.trim());
    $("token").value = "";
    try {
      await api("/api/v1/entities?q=a&limit=1");
      showConsole();
    } catch (e) {
      sessionStorage.removeItem(TOKEN_KEY);
      $("sign-in-error").textContent = e.status === 403
        ? "This token may not read the graph (it needs the role viewer)." : "Sign-in failed: " + e.message;
    }
  }

  function signOut(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    $("console").hidden = true;
    $("approvals").hidden = true;
    $("audit").hidden = true;
    $("tabs").hidden = true;
    $("sign-out").hidden = true;
    $("sign-in").hidden = false;
    $("sign-in-error").textContent = typeof message === "string" ? message : "";
  }

  function showConsole() {
    $("sign-in").hidden = true;
    $("console").hidden = false;
    $("tabs").hidden = false;
    $("sign-out").hidden = false;
    $("query").focus();
  }

  async function search(event) {
    event.preventDefault();
    const list = $("results");
    list.replaceChildren();
    status("Searching…");
    try {
      const page = await api("/api/v1/entities?limit=20&q=" + encodeURIComponent($("query").value.trim()));
      status(page.items.length === 0 ? "Nothing matches." : "");
      for (const item of page.items) {
        const li = element("li");
        if (item.label === "Owner") {
          li.append(element("span", item.name || item.id));
        } else {
          const button = element("button", item.name || item.id, "link result");
          button.type = "button";
          button.dataset.id = item.id;
          button.title = item.id;
          button.addEventListener("click", () => showBlastRadius(item.id));
          li.append(button);
        }
        li.append(element("span", item.label + " · " + item.id, "label"));
        list.append(li);
      }
    } catch (e) {
      status("Search failed: " + e.message);
    }
  }

  // For the workloads without `via` that are hops away: which workloads each one DEPENDS_ON.
  async function dependsOn(ids) {
    const map = new Map();
    await Promise.all(ids.slice(0, NEIGHBOUR_LOOKUPS).map(async (id) => {
      const detail = await api("/api/v1/entities?id=" + encodeURIComponent(id));
      map.set(id, detail.neighbours
        .filter((n) => n.type === "DEPENDS_ON" && n.direction === "out")
        .map((n) => n.entity.id));
    }));
    return map;
  }

  async function showBlastRadius(id) {
    document.body.dataset.state = "loading";
    status("Computing the blast radius of " + id + "…");
    try {
      answer = await api("/api/v1/blast-radius?target=" + encodeURIComponent(id));
      const parents = await dependsOn(BlastRadiusGraph.needsNeighbours(answer));
      $("workspace").hidden = false;
      if (window.blastgateGraph) window.blastgateGraph.destroy();
      const cy = BlastRadiusGraph.draw($("graph"), answer, parents);
      cy.on("tap", "node", (event) => showNode(cy, event.target.id()));
      window.blastgateGraph = cy;
      showSummary(answer);
      $("details").replaceChildren(element("p", "Click a node for its owners and its path from the target.", "hint"));
      status("");
      document.body.dataset.state = "drawn";
    } catch (e) {
      status("Blast radius failed: " + e.message);
      document.body.dataset.state = "failed";
    }
  }

  function showSummary(a) {
    const s = a.summary;
    const c = s.by_criticality;
    $("target-title").textContent = (a.target.name || a.target.id) + " (" + a.target.label + ")";
    const rows = [
      ["target", a.target.id],
      ["direct", s.direct],
      ["total", s.total],
      ["deepest hops", s.deepest_hops === null ? "–" : s.deepest_hops],
      ["critical", c.critical], ["high", c.high], ["medium", c.medium], ["low", c.low], ["unknown", c.unknown],
      ["unowned", s.unowned],
      ["identities", (a.dependent_identities || []).length],
      ["teams", s.teams.join(", ") || "–"],
      ["environments", s.environments.join(", ") || "–"],
      ["shared secret", s.shared_secret ? "yes" : "no"],
      ["truncated", a.truncated ? "yes: max " + a.max_hops + " hops" : "no"],
      ["computed at", a.computed_at],
    ];
    const dl = $("summary");
    dl.replaceChildren();
    for (const [name, value] of rows) {
      const wide = typeof value === "string" && value.length > 6; // a list or an id: a row of its own
      const dd = element("dd", String(value), wide ? "wide" : undefined);
      dd.dataset.figure = name.replace(/ /g, "_");
      dl.append(element("dt", name, wide ? "wide" : undefined), dd);
    }
  }

  function showNode(cy, id) {
    const node = cy.getElementById(id);
    const d = node.data();
    const box = $("details");
    box.replaceChildren(element("h3", d.name), element("p", [d.label, d.kind, d.id].filter(Boolean).join(" · ")));
    const facts = [];
    if (d.hops !== undefined) facts.push("hops " + d.hops);
    if (d.criticality) facts.push("criticality " + d.criticality);
    if (d.environment) facts.push(d.environment);
    if (d.shared) facts.push("shared secret: " + d.consumerCount + " consumers");
    if (facts.length) box.append(element("p", facts.join(" · ")));
    if (d.owners) {
      box.append(element("h3", "Owners"));
      const owners = element("ul");
      if (d.owners.length === 0) owners.append(element("li", "none: unowned", "error"));
      for (const o of d.owners) owners.append(element("li", (o.name || o.id) + " (" + o.kind + ", " + o.id + ")"));
      box.append(owners);
      if (d.teams.length) box.append(element("p", "Teams: " + d.teams.join(", ")));
    }
    const path = BlastRadiusGraph.pathTo(cy, answer, id);
    cy.edges().removeClass("path");
    path.edges.addClass("path");
    if (path.steps.length > 1) {
      box.append(element("h3", "Path from the target"));
      const ol = element("ol", undefined, "path");
      for (const step of path.steps) ol.append(element("li", step.name + (step.relationship ? " (" + step.relationship + ")" : "")));
      box.append(ol);
    }
  }

  // What queue.js (the approvals and the audit) shares with this file.
  window.blastgateConsole = { api: api, element: element };

  document.addEventListener("DOMContentLoaded", () => {
    $("sign-in-form").addEventListener("submit", signIn);
    $("search-form").addEventListener("submit", search);
    $("sign-out").addEventListener("click", () => signOut());
    if (sessionStorage.getItem(TOKEN_KEY)) showConsole();
  });
})();
