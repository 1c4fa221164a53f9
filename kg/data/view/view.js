// kg's graph view: Cytoscape.js over the graph data embedded in the page (no network).
// window.kgView exposes the Cytoscape instance and the visible counts for tests.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var style = data.style;

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;  // text only: names never become markup
    return e;
  }

  // -- dates: "2019" covers the year, "2019-04" the month ------------------------------
  function periodStart(d) { return d.length === 4 ? d + "-01-01" : d.length === 7 ? d + "-01" : d; }
  function periodEnd(d) { return d.length === 4 ? d + "-12-31" : d.length === 7 ? d + "-31" : d; }
  var DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

  // -- the graph -------------------------------------------------------------------------
  var maxDegree = 1;
  data.nodes.forEach(function (n) { maxDegree = Math.max(maxDegree, n.degree); });
  var elements = [];
  data.nodes.forEach(function (n) {
    var t = style.types[n.type] || style.types[""];
    var size = t.size * (0.75 + 0.75 * Math.sqrt(n.degree / maxDegree));
    elements.push({ group: "nodes", data: { id: n.id, name: n.name, type: n.type,
      color: t.color, border: t.border, text: t.text, size: size } });
  });
  data.edges.forEach(function (e) {
    var r = style.relations[e.relation] || style.relations[""];
    elements.push({ group: "edges", data: { id: e.id, source: e.source, target: e.target,
      relation: e.relation, mentions: e.mentions, negated: e.negated, color: r.color,
      width: r.width * (1 + Math.log(Math.max(1, e.mentions)) / 2) } });
  });
  var edgeById = {};
  data.edges.forEach(function (e) { edgeById[e.id] = e; });
  var nodeById = {};
  data.nodes.forEach(function (n) { nodeById[n.id] = n; });

  var big = data.nodes.length > 300;
  var cy = cytoscape({
    container: document.getElementById("cy"),
    elements: elements,
    wheelSensitivity: 0.3,
    textureOnViewport: big,
    hideEdgesOnViewport: big,
    minZoom: 0.02, maxZoom: 6,
    style: [
      { selector: "node", style: {
        "background-color": "data(color)", "border-color": "data(border)", "border-width": 1.5,
        width: "data(size)", height: "data(size)", label: "data(name)",
        "font-size": 11, "text-valign": "bottom", "text-margin-y": 3,
        "text-outline-color": "#fff", "text-outline-width": 2, color: "#1d232b",
        "min-zoomed-font-size": 8 } },
      { selector: "edge", style: {
        "line-color": "data(color)", "target-arrow-color": "data(color)",
        "target-arrow-shape": "triangle", "curve-style": big ? "haystack" : "bezier",
        width: "data(width)", opacity: 0.8, label: "data(relation)", "font-size": 8,
        "text-rotation": "autorotate", "min-zoomed-font-size": 10, color: "#5b6470",
        "text-background-color": "#fff", "text-background-opacity": 0.8 } },
      { selector: "edge[?negated]", style: { "line-style": "dashed", opacity: 0.5 } },
      { selector: ".hidden", style: { display: "none" } },
      { selector: ".faded", style: { opacity: 0.12 } },
      { selector: ":selected", style: { "border-width": 4, "border-color": "#111",
        "line-color": "#111", "target-arrow-color": "#111", opacity: 1 } },
    ],
    layout: { name: "preset" },
  });

  function runLayout(name) {
    var opts = { name: name, animate: false, fit: true, padding: 30 };
    if (name === "cose") {
      opts.nodeRepulsion = function () { return 9000; };
      opts.idealEdgeLength = function () { return 90; };
      opts.numIter = big ? 300 : 1000;
      opts.randomize = true;
    }
    if (name === "concentric") {
      opts.concentric = function (n) { return n.degree(); };
      opts.levelWidth = function () { return Math.max(1, maxDegree / 8); };
      opts.minNodeSpacing = 8;
    }
    cy.layout(opts).run();
  }
  // force-directed reads best; past a few hundred actors, hubs-in-the-centre is instant
  var initial = data.nodes.length > 500 ? "concentric" : "cose";
  document.getElementById("layout").value = initial;
  runLayout(initial);
  document.getElementById("relayout").addEventListener("click", function () {
    runLayout(document.getElementById("layout").value);
  });

  // -- filters ---------------------------------------------------------------------------
  function checkboxes(containerId, values, swatch) {
    var box = document.getElementById(containerId);
    values.forEach(function (v) {
      var label = el("label");
      var input = el("input", { type: "checkbox", value: v.key });
      input.checked = true;
      input.addEventListener("change", apply);
      label.appendChild(input);
      label.appendChild(el("span", { class: swatch, style: "background:" + v.color }));
      label.appendChild(document.createTextNode(v.key + " (" + v.count + ")"));
      box.appendChild(label);
    });
  }
  function counted(items, key) {
    var c = {};
    items.forEach(function (i) { c[i[key]] = (c[i[key]] || 0) + 1; });
    return Object.keys(c).sort().map(function (k) { return { key: k, count: c[k] }; });
  }
  checkboxes("relations", counted(data.edges, "relation").map(function (v) {
    v.color = (style.relations[v.key] || style.relations[""]).color; return v; }), "line");
  checkboxes("types", counted(data.nodes, "type").map(function (v) {
    v.color = (style.types[v.key] || style.types[""]).color; return v; }), "swatch");

  function checked(containerId) {
    var on = {};
    document.querySelectorAll("#" + containerId + " input").forEach(function (i) {
      if (i.checked) on[i.value] = true;
    });
    return on;
  }
  function dateBound(id, fn) {
    var v = document.getElementById(id).value.trim();
    var ok = v === "" || DATE.test(v);
    document.getElementById(id).style.borderColor = ok ? "" : "#c0392b";
    return ok && v ? fn(v) : null;
  }
  function inWindow(e, from, to, keepUndated) {
    var dated = e.dates.filter(function (d) { return DATE.test(d); });
    if (!dated.length) return keepUndated;
    return dated.some(function (d) {
      return (from === null || periodEnd(d) >= from) && (to === null || periodStart(d) <= to);
    });
  }

  function apply() {
    var rels = checked("relations"), types = checked("types");
    var from = dateBound("from", periodStart), to = dateBound("to", periodEnd);
    var keepUndated = document.getElementById("undated").checked;
    var minMentions = Math.max(1, parseInt(document.getElementById("minmentions").value, 10) || 1);
    var edgeFilter = from !== null || to !== null || minMentions > 1 ||
      Object.keys(rels).length < document.querySelectorAll("#relations input").length;
    var shownDegree = {};
    cy.batch(function () {
      cy.edges().forEach(function (edge) {
        var e = edgeById[edge.id()];
        var show = rels[e.relation] && e.mentions >= minMentions &&
          types[nodeById[e.source].type] && types[nodeById[e.target].type] &&
          (from === null && to === null || inWindow(e, from, to, keepUndated));
        edge.toggleClass("hidden", !show);
        if (show) {
          shownDegree[e.source] = (shownDegree[e.source] || 0) + 1;
          shownDegree[e.target] = (shownDegree[e.target] || 0) + 1;
        }
      });
      cy.nodes().forEach(function (node) {
        var n = nodeById[node.id()];
        // once relations are filtered, actors left without any shown relation go too
        var show = types[n.type] && (!edgeFilter || shownDegree[n.id] > 0);
        node.toggleClass("hidden", !show);
      });
    });
    showCounts();
  }
  ["from", "to", "undated", "minmentions"].forEach(function (id) {
    document.getElementById(id).addEventListener("input", apply);
    document.getElementById(id).addEventListener("change", apply);
  });

  function counts() {
    return { nodes: cy.nodes().not(".hidden").length, edges: cy.edges().not(".hidden").length };
  }
  function showCounts() {
    var c = counts();
    document.getElementById("counts").textContent = c.nodes + " of " + data.nodes.length +
      " actors, " + c.edges + " of " + data.edges.length + " relationships";
  }

  // -- search ------------------------------------------------------------------------------
  function norm(s) {
    return s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/\b(al|el)[\s-]+/g, "").replace(/[^0-9a-z]+/g, "");
  }
  var searchKeys = data.nodes.map(function (n) {
    return { id: n.id, keys: [n.name].concat(n.aliases || []).map(norm) };
  });
  function search(text) {
    var q = norm(text), box = document.getElementById("matches");
    box.textContent = "";
    cy.elements().removeClass("faded");
    if (!q) return [];
    var hits = searchKeys.filter(function (s) {
      return s.keys.some(function (k) { return k.indexOf(q) >= 0; });
    }).map(function (s) { return s.id; });
    hits.sort(function (a, b) {
      var ea = searchKeys.find(function (s) { return s.id === a; }).keys.indexOf(q) >= 0;
      var eb = searchKeys.find(function (s) { return s.id === b; }).keys.indexOf(q) >= 0;
      return (eb - ea) || nodeById[b].degree - nodeById[a].degree;
    });
    hits.slice(0, 12).forEach(function (id) {
      var a = el("a", {}, nodeById[id].name + " (" + nodeById[id].type + ")");
      a.addEventListener("click", function () { focusNode(id); });
      box.appendChild(a);
    });
    if (hits.length) {
      var picked = cy.collection();
      hits.forEach(function (id) { picked = picked.union(cy.getElementById(id)); });
      cy.elements().not(picked.closedNeighborhood()).addClass("faded");
    }
    return hits;
  }
  document.getElementById("search").addEventListener("input", function (ev) {
    search(ev.target.value);
  });
  document.getElementById("search").addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      var hits = search(ev.target.value);
      if (hits.length) focusNode(hits[0]);
    }
  });
  function focusNode(id) {
    var node = cy.getElementById(id);
    cy.elements().unselect();
    node.select();
    cy.animate({ fit: { eles: node.closedNeighborhood(), padding: 60 } }, { duration: 250 });
    showNode(id);
  }

  // -- details -----------------------------------------------------------------------------
  var detail = document.getElementById("detail"), panel = document.getElementById("panel");
  document.getElementById("close").addEventListener("click", function () {
    panel.classList.remove("open");
  });
  function showEdge(id) {
    var e = edgeById[id];
    detail.textContent = "";
    detail.appendChild(el("h3", {}, nodeById[e.source].name + " " + e.relation + " " +
      nodeById[e.target].name + (e.negated ? " (denied)" : "")));
    var span = [e.first_date, e.last_date].filter(Boolean);
    detail.appendChild(el("div", { class: "meta" }, e.mentions + " mention" +
      (e.mentions === 1 ? "" : "s") + (span.length ? ", " + span[0] + (span[1] && span[1] !==
      span[0] ? " – " + span[1] : "") : "") + ", confidence " + e.confidence +
      (e.sources ? ", " + e.documents + " document" + (e.documents === 1 ? "" : "s") + " from " +
      e.sources + " source" + (e.sources === 1 ? "" : "s") : "")));
    e.sentences.forEach(function (s, i) {
      var box = el("div", { class: "ev" });
      box.appendChild(el("div", { class: "sentence" }, s));
      var meta = [e.docs[i], e.dates[i], e.attributed_to[i] ? "according to " +
        e.attributed_to[i] : "", e.outlets[i]].filter(Boolean).join(" · ");
      box.appendChild(el("div", { class: "meta" }, meta));
      detail.appendChild(box);
    });
    panel.classList.add("open");
  }
  function showNode(id) {
    var n = nodeById[id], node = cy.getElementById(id);
    detail.textContent = "";
    detail.appendChild(el("h3", {}, n.name + " (" + n.type + ")"));
    if (n.camp) {
      detail.appendChild(el("div", { class: "meta" }, "camp " + n.camp + " (kg balance --camps)"));
    }
    if (n.aliases && n.aliases.length) {
      detail.appendChild(el("div", { class: "meta" }, "also written " + n.aliases.join(", ")));
    }
    var rows = node.connectedEdges().not(".hidden").map(function (edge) {
      var e = edgeById[edge.id()];
      var out = e.source === id;
      return { text: (out ? e.relation + " → " : "← " + e.relation + " ") +
        nodeById[out ? e.target : e.source].name, mentions: e.mentions, id: e.id };
    }).sort(function (a, b) { return b.mentions - a.mentions || (a.text < b.text ? -1 : 1); });
    rows.forEach(function (r) {
      var a = el("a", { style: "display:block;cursor:pointer;color:#1f5fa8" },
        r.text + " (" + r.mentions + ")");
      a.addEventListener("click", function () { showEdge(r.id); });
      detail.appendChild(a);
    });
    panel.classList.add("open");
  }
  cy.on("tap", "edge", function (ev) { showEdge(ev.target.id()); });
  cy.on("tap", "node", function (ev) { showNode(ev.target.id()); });

  apply();
  window.kgView = { cy: cy, counts: counts, apply: apply, search: search, showEdge: showEdge,
                    ready: true };
})();
