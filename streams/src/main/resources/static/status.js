// Sitewatch status page: polls the streams app's JSON views and redraws. Plain browser JavaScript,
// no libraries, no build step. Text from the API (reasons carry vendor error messages) is only ever
// set with textContent, never parsed as HTML.
(function () {
  "use strict";

  var POLL_MS = 5000;
  var SEVERITY = { UNKNOWN: 0, CRITICAL: 1, DEGRADED: 2, OK: 3 };
  var ALERT_SEVERITY = { critical: 0, warning: 1, info: 2 };

  document.getElementById("interval").textContent = String(POLL_MS / 1000);

  // ---- small DOM helpers -------------------------------------------------------------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") {
        node.textContent = attrs[k];
      } else if (k === "className") {
        node.className = attrs[k];
      } else {
        node.setAttribute(k, attrs[k]);
      }
    });
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) {
        node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
      }
    });
    return node;
  }

  function replace(id, children) {
    var target = document.getElementById(id);
    target.replaceChildren.apply(target, children);
  }

  function badge(word, label) {
    return el("span", { className: "badge s-" + word, text: label || word.replace("_", " ") });
  }

  function note(text) {
    return el("p", { className: "note", text: text });
  }

  function duration(seconds) {
    if (seconds === null || seconds === undefined) {
      return "–";
    }
    var s = Math.round(seconds);
    if (s < 90) { return s + " s"; }
    if (s < 5400) { return Math.round(s / 60) + " min"; }
    if (s < 172800) { return (s / 3600).toFixed(1) + " h"; }
    return Math.round(s / 86400) + " d";
  }

  function ago(iso, now) {
    if (!iso) { return ""; }
    var seconds = (now - Date.parse(iso)) / 1000;
    return duration(Math.max(0, seconds)) + " ago";
  }

  function time(iso) {
    return iso ? new Date(iso).toLocaleTimeString() : "";
  }

  // ---- fetching ------------------------------------------------------------------------------

  /** Resolves to {status, body}; body is null when the answer is not JSON. */
  function getJson(path) {
    return fetch(path, { headers: { Accept: "application/json" }, cache: "no-store" })
      .then(function (r) {
        return r.json().then(function (body) { return { status: r.status, body: body }; },
          function () { return { status: r.status, body: null }; });
      });
  }

  // ---- sites ---------------------------------------------------------------------------------

  function bySeverityThenName(a, b) {
    var d = (SEVERITY[a.status] === undefined ? 9 : SEVERITY[a.status]) - (SEVERITY[b.status] === undefined ? 9 : SEVERITY[b.status]);
    return d !== 0 ? d : a.site.localeCompare(b.site);
  }

  function count(map, key) {
    return (map && map[key]) || 0;
  }

  function fact(dl, label, parts) {
    dl.appendChild(el("dt", { text: label }));
    dl.appendChild(el("dd", {}, parts));
  }

  function siteCard(s, now) {
    var c = s.counts || {};
    var vms = c.vms || {};
    var hosts = c.haHosts || {};
    var clusters = c.haClusters || {};
    var repl = c.replication || {};

    var reasons = (s.reasons || []).length
      ? el("ul", { className: "reasons" }, s.reasons.map(function (r) { return el("li", { text: r }); }))
      : el("p", { className: "no-reasons", text: "No problems." });

    var dl = el("dl", { className: "facts" });
    if (s.location) {
      // cloud and region as configured on the site's collector endpoints: "aws · eu-central-1", or a location name on premises
      fact(dl, "Location", [[s.location.cloud || "on premises", s.location.region].filter(Boolean).join(" \u00b7 ")]);
    }
    fact(dl, "VMs", [count(vms.byPower, "RUNNING") + " of " + (vms.total || 0) + " running",
      count(vms.byPower, "CRASHED") ? el("span", { className: "bad", text: " · " + count(vms.byPower, "CRASHED") + " crashed" }) : null]);
    var unhealthy = (hosts.total || 0) - count(hosts.byState, "HEALTHY") - count(hosts.byState, "MAINTENANCE");
    fact(dl, "HA", [count(hosts.byState, "HEALTHY") + " of " + (hosts.total || 0) + " hosts healthy",
      unhealthy > 0 ? el("span", { className: "warn", text: " · " + unhealthy + " not healthy" }) : null,
      clusters.withoutQuorum ? el("span", { className: "bad", text: " · " + clusters.withoutQuorum + " cluster(s) without quorum" }) : null,
      clusters.failoverCapacityLost ? el("span", { className: "warn", text: " · " + clusters.failoverCapacityLost + " cluster(s) without failover capacity" }) : null]);
    fact(dl, "Replication", [(repl.total || 0) + " items",
      count(repl.byState, "FAILED") ? el("span", { className: "bad", text: " · " + count(repl.byState, "FAILED") + " failed" }) : null,
      repl.outsideRpo ? el("span", { className: "warn", text: " · " + repl.outsideRpo + " outside RPO" }) : null,
      repl.worstLagSeconds !== undefined && repl.worstLagSeconds !== null ? " · worst lag " + duration(repl.worstLagSeconds) : null]);
    fact(dl, "Collectors", (s.collectors || []).map(function (col, i) {
      var bad = col.stale || col.status !== "OK";
      var text = (i > 0 ? ", " : "") + col.collectorId + " (" + col.platform + ") " +
        (col.stale ? "stale" : col.status) + (col.errorKind ? " " + col.errorKind : "");
      return el("span", { className: bad ? "bad" : "", title: col.error || "", text: text });
    }));

    return el("article", { className: "site", "data-site": s.site, "data-status": s.status }, [
      el("div", { className: "site-head" }, [el("h3", { className: "site-name", text: s.site }), badge(s.status)]),
      el("p", { className: "since", text: s.since ? s.status + " since " + time(s.since) + " (" + ago(s.since, now) + ")" : "" }),
      reasons,
      dl
    ]);
  }

  function renderSites(answer, now) {
    if (answer.status === 503) {
      replace("sites", [note("Sitewatch is starting or rebalancing; the views are not ready yet. Retrying…")]);
      replace("summary", []);
      return "starting";
    }
    if (answer.status !== 200 || !answer.body) {
      replace("sites", [note("Site views are not served by this process (HTTP " + answer.status + ").")]);
      return "unavailable";
    }
    var sites = (answer.body.sites || []).slice().sort(bySeverityThenName);
    if (sites.length === 0) {
      replace("sites", [note("No site seen yet: no collector has published anything.")]);
    } else {
      replace("sites", sites.map(function (s) { return siteCard(s, now); }));
    }
    var totals = {};
    sites.forEach(function (s) { totals[s.status] = (totals[s.status] || 0) + 1; });
    replace("summary", ["UNKNOWN", "CRITICAL", "DEGRADED", "OK"].filter(function (k) { return totals[k]; })
      .map(function (k) { return el("span", {}, [badge(k), " " + totals[k]]); }));
    return "ok";
  }

  // ---- site pairs ----------------------------------------------------------------------------

  function renderPairs(answer) {
    if (answer.status === 404 || answer.status === 405) {
      replace("pairs", [note("Site-pair views are not available in this version.")]);
      return;
    }
    if (answer.status !== 200 || !answer.body) {
      replace("pairs", [note(answer.status === 503 ? "Not ready yet; retrying…" : "Site pairs could not be loaded (HTTP " + answer.status + ").")]);
      return;
    }
    var pairs = answer.body.pairs || [];
    if (pairs.length === 0) {
      replace("pairs", [note("No replication between sites has been seen.")]);
      return;
    }
    var sources = [];
    var targets = [];
    var byKey = {};
    pairs.forEach(function (p) {
      if (sources.indexOf(p.source) < 0) { sources.push(p.source); }
      if (targets.indexOf(p.target) < 0) { targets.push(p.target); }
      byKey[p.source + "\u0000" + p.target] = p;
    });
    sources.sort();
    targets.sort();
    var head = el("tr", {}, [el("th", { scope: "col", text: "source \u2192 target" })].concat(
      targets.map(function (t) { return el("th", { scope: "col", text: t }); })));
    var rows = sources.map(function (s) {
      return el("tr", {}, [el("th", { scope: "row", text: s })].concat(targets.map(function (t) {
        var p = byKey[s + "\u0000" + t];
        if (!p) {
          return el("td", { className: "empty", text: "–" });
        }
        var items = p.items || {};
        var readiness = p.readiness || "UNKNOWN";
        var tip = (p.reasons || []).join("\n") || "Ready";
        return el("td", { className: "pair", title: tip, "data-pair": p.source + "->" + p.target, "data-readiness": readiness }, [
          badge(readiness),
          el("span", { className: "lag", text: (items.total || 0) + " items" }),
          el("span", { className: "lag", text: "worst lag " + duration(items.worstLagSeconds) }),
          items.outsideRpo ? el("span", { className: "lag warn", text: items.outsideRpo + " outside RPO" }) : null
        ]);
      })));
    });
    var why = pairs.filter(function (p) { return p.readiness && p.readiness !== "READY" && (p.reasons || []).length; })
      .map(function (p) {
        return el("li", {}, [el("strong", { text: p.source + " \u2192 " + p.target + ": " }), p.reasons.join("; ")]);
      });
    replace("pairs", [el("table", {}, [el("thead", {}, [head]), el("tbody", {}, rows)]),
      why.length ? el("ul", { className: "reasons pair-reasons" }, why) : null].filter(Boolean));
  }

  // ---- alerts --------------------------------------------------------------------------------

  function renderAlerts(answer, now) {
    if (answer.status !== 200 || !Array.isArray(answer.body)) {
      replace("alerts", [note("Alerts not available" + (answer.status === 404 ? " (alerting is not enabled in this process)." : " (HTTP " + answer.status + ")."))]);
      return;
    }
    var firing = answer.body.filter(function (a) { return a.state !== "RESOLVED"; });
    if (firing.length === 0) {
      replace("alerts", [note("No alert is firing.")]);
      return;
    }
    firing.sort(function (a, b) {
      var sa = ALERT_SEVERITY[(a.labels || {}).severity];
      var sb = ALERT_SEVERITY[(b.labels || {}).severity];
      return (sa === undefined ? 9 : sa) - (sb === undefined ? 9 : sb) || Date.parse(a.startsAt) - Date.parse(b.startsAt);
    });
    var rows = firing.map(function (a) {
      var labels = a.labels || {};
      var annotations = a.annotations || {};
      var where = labels.site ? labels.site + (labels.peer_site ? " \u2192 " + labels.peer_site : "") : "";
      return el("tr", {}, [
        el("td", {}, [badge(labels.severity || "info", labels.severity || "?")]),
        el("td", { text: labels.alertname || "" }),
        el("td", { text: where }),
        el("td", { title: annotations.description || "", text: (annotations.summary || "") + (a.suppressed ? " (in maintenance)" : "") }),
        el("td", { text: ago(a.startsAt, now) })
      ]);
    });
    var head = el("tr", {}, ["Severity", "Alert", "Site", "Summary", "Since"].map(function (h) { return el("th", { scope: "col", text: h }); }));
    replace("alerts", [el("table", {}, [el("thead", {}, [head]), el("tbody", {}, rows)])]);
  }

  // ---- loop ----------------------------------------------------------------------------------

  function refresh() {
    var now = Date.now();
    var connection = document.getElementById("connection");
    return Promise.all([getJson("api/sites"), getJson("api/site-pairs"), getJson("api/alerts?state=firing")])
      .then(function (answers) {
        var state = renderSites(answers[0], now);
        renderPairs(answers[1]);
        renderAlerts(answers[2], now);
        if (state === "ok") {
          connection.className = "connection live";
          connection.textContent = "Live · updated " + new Date(now).toLocaleTimeString();
        } else {
          connection.className = "connection problem";
          connection.textContent = state === "starting" ? "Starting…" : "Views unavailable";
        }
      })
      .catch(function () {
        connection.className = "connection problem";
        connection.textContent = "Connection lost at " + new Date(now).toLocaleTimeString() + " · retrying";
      })
      .then(function () {
        window.setTimeout(refresh, POLL_MS);
      });
  }

  refresh();
}());
