// Filters by code and severity and a search box; the page is complete without this script.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  form.hidden = false;
  var query = document.getElementById("q");
  var shown = document.getElementById("shown");
  var findings = Array.prototype.slice.call(document.querySelectorAll("li.finding"));
  var docs = Array.prototype.slice.call(document.querySelectorAll("section.doc"));
  var texts = docs.map(function (d) { return d.textContent.toLowerCase(); });

  function checked(name) {
    var on = {};
    form.querySelectorAll("input[name=" + name + "]").forEach(function (box) { on[box.value] = box.checked; });
    return on;
  }

  function apply() {
    var codes = checked("code"), severities = checked("severity");
    var q = query.value.trim().toLowerCase();
    var visible = 0;
    findings.forEach(function (li) {
      var ok = codes[li.dataset.code] !== false && severities[li.dataset.severity] !== false &&
        (!q || li.textContent.toLowerCase().indexOf(q) >= 0 || li.closest("section.doc").id && texts[docs.indexOf(li.closest("section.doc"))].indexOf(q) >= 0);
      li.classList.toggle("filtered", !ok);
      document.querySelectorAll("[data-f~='" + li.id + "']").forEach(function (span) { span.classList.toggle("muted-hit", !ok); });
      if (ok) { visible += 1; }
    });
    docs.forEach(function (doc, i) {
      var match = !q || texts[i].indexOf(q) >= 0;
      doc.classList.toggle("filtered", !match);
      var row = document.querySelector("tr[data-doc='" + doc.id + "']");
      if (row) { row.classList.toggle("filtered", !match); }
    });
    shown.textContent = visible + " of " + findings.length + " finding(s) shown";
  }

  form.addEventListener("input", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  document.addEventListener("mouseover", function (e) {
    var span = e.target.closest && e.target.closest("[data-f]");
    document.querySelectorAll(".hit.active").forEach(function (s) { s.classList.remove("active"); });
    if (span) { span.classList.add("active"); }
  });
  apply();
}());
