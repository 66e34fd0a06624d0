// The console's few behaviours (a static file: the CSP allows no inline script).
(function () {
  "use strict";

  // After a refused save the page comes back as the answer to the form's post: show the
  // page's own address, so reloading it shows the page and never posts again.
  var page = document.querySelector('meta[name="page-url"]');
  if (page && window.history && window.history.replaceState) {
    var url = page.getAttribute("content");
    if (url && window.location.pathname !== url) {
      window.history.replaceState(null, "", url + window.location.hash);
    }
  }

  // "/" puts the cursor in the search box, unless the agent is typing in a field.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) {
      return;
    }
    var search = document.getElementById("global-search");
    if (search) {
      event.preventDefault();
      search.focus();
      search.select();
    }
  });

  // A form swapped in by htmx: the block stays in view and the cursor goes to its first field.
  document.addEventListener("htmx:afterSettle", function (event) {
    var root = event.detail && event.detail.elt;
    if (!root || !root.querySelector) return;
    var first = root.querySelector("[autofocus]");
    if (first) {
      first.focus();
      root.scrollIntoView({block: "start"});
    }
  });

  // A destination's number or extension is asked for only when the kind needs one.
  function syncDestination(select) {
    var value = document.getElementById(select.id + "__value");
    if (!value) return;
    var needs = select.value === "number" || select.value === "extension";
    value.hidden = !needs;
    value.disabled = !needs;
    value.required = needs;
  }
  document.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches(".destination select")) {
      syncDestination(event.target);
    }
  });
  function syncAll(root) {
    (root || document).querySelectorAll(".destination select").forEach(syncDestination);
  }
  document.addEventListener("DOMContentLoaded", function () { syncAll(document); });
  document.addEventListener("htmx:afterSettle", function (event) {
    syncAll(event.detail && event.detail.elt);
  });

  // A table wider than its column scrolls sideways: the keyboard can reach it to scroll.
  function reachScrolling() {
    document.querySelectorAll("main table").forEach(function (table) {
      if (table.scrollWidth > table.clientWidth + 1) {
        table.tabIndex = 0;
      } else {
        table.removeAttribute("tabindex");
      }
    });
  }
  document.addEventListener("DOMContentLoaded", reachScrolling);
  document.addEventListener("htmx:afterSettle", reachScrolling);
  window.addEventListener("resize", reachScrolling);
})();
