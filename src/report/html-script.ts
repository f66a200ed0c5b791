// The status page's only script: sorting and filtering each language's table. The page is whole
// without it (every page listed, worst first, details that open natively); the script only
// shows the controls and reorders or hides rows. It reads the rows' data-* attributes as strings
// and numbers and writes nothing but text, attributes and element order: repository text never
// becomes markup or code here either. Allowed by its hash in the page's CSP.

export const SCRIPT = `"use strict";
(function () {
  var NUMERIC = { work: 1, behind: 1, lines: 1, age: 1, rank: 1 };
  // Columns that read best largest first; the others (path, status, work) smallest first.
  var LARGEST_FIRST = { behind: 1, lines: 1, age: 1 };
  document.querySelectorAll("section.lang").forEach(function (section) {
    var table = section.querySelector("table.pages");
    var controls = section.querySelector(".controls");
    if (!table || !controls) return;
    var select = controls.querySelector("select");
    // With --kinds only: the kind of each page's English change.
    var kindSelect = controls.querySelector("select[data-filter=kind]");
    var search = controls.querySelector("input");
    var shown = section.querySelector(".shown");
    var bodies = Array.prototype.slice.call(table.tBodies);
    var sort = { key: "work", ascending: true };
    controls.hidden = false;

    function value(body, key) {
      var v = body.dataset[key] || "";
      return NUMERIC[key] ? Number(v) : v.toLowerCase();
    }
    function compare(a, b) {
      var x = value(a, sort.key);
      var y = value(b, sort.key);
      var order = x < y ? -1 : x > y ? 1 : 0;
      if (!sort.ascending) order = -order;
      return order || value(a, "work") - value(b, "work");
    }
    function matches(body) {
      var status = select.value;
      if (status === "needs-work" && body.dataset.needsWork !== "1") return false;
      if (status !== "all" && status !== "needs-work" && body.dataset.status !== status) return false;
      if (kindSelect && kindSelect.value !== "any" && body.dataset.kind !== kindSelect.value) return false;
      var terms = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
      var path = body.dataset.path.toLowerCase();
      return terms.every(function (t) { return path.indexOf(t) !== -1; });
    }
    // Moving thousands of rows is what costs: filtering only hides and shows them.
    function reorder() {
      bodies.sort(compare).forEach(function (body) { table.appendChild(body); });
      table.querySelectorAll("th[data-sort]").forEach(function (th) {
        th.setAttribute("aria-sort", th.dataset.sort !== sort.key ? "none" : sort.ascending ? "ascending" : "descending");
      });
    }
    function filter() {
      var count = 0;
      bodies.forEach(function (body) {
        var visible = matches(body);
        if (body.hidden === visible) body.hidden = !visible;
        if (visible) count += 1;
      });
      shown.textContent = "Showing " + count + " of " + bodies.length + (bodies.length === 1 ? " page" : " pages");
    }
    table.querySelectorAll("th[data-sort]").forEach(function (th) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var key = th.dataset.sort;
        if (sort.key === key) sort.ascending = !sort.ascending;
        else sort = { key: key, ascending: !LARGEST_FIRST[key] };
        reorder();
      });
    });
    select.addEventListener("change", filter);
    if (kindSelect) kindSelect.addEventListener("change", filter);
    search.addEventListener("input", filter);
    // The page comes sorted (most work first); only the count is missing.
    filter();
  });
})();
`;
