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
  // A phone's key layout: the move buttons, the arrow keys on a key's handle and drag and
  // drop reorder the rows; each row's position follows its place, and a screen reader
  // hears where the key went. Keys move only within their category (the server says so
  // too); without JavaScript the positions do the same.
  function categoryOf(row) {
    var kind = row.querySelector(".key-kind");
    var layout = row.closest(".key-layout");
    var categories = JSON.parse((layout && layout.dataset.categories) || "{}");
    return kind && kind.value && kind.value in categories ? categories[kind.value] : null;
  }
  function renumber(layout) {
    layout.querySelectorAll(".key-grid > .key").forEach(function (row, index) {
      var order = row.querySelector(".key-order");
      if (order) order.value = index + 1;
      row.querySelectorAll(".key-title").forEach(function (title) {
        title.textContent = title.textContent.replace(/\d+/, String(index + 1));
      });
    });
  }
  function announce(layout, text) {
    var region = layout.querySelector(".key-announce");
    if (region) region.textContent = text;
  }
  function moveRow(row, step) {
    var layout = row.closest(".key-layout");
    var other = step < 0 ? row.previousElementSibling : row.nextElementSibling;
    if (!other) { announce(layout, layout.dataset.edge); return false; }
    var mine = categoryOf(row), theirs = categoryOf(other);
    if (mine !== null && theirs !== null && mine !== theirs) {
      announce(layout, layout.dataset.blocked);
      return false;
    }
    if (step < 0) other.before(row); else other.after(row);
    renumber(layout);
    var position = Array.prototype.indexOf.call(row.parentNode.children, row) + 1;
    announce(layout, layout.dataset.moved.replace("{n}", position));
    return true;
  }
  function enhanceKeys(root) {
    (root || document).querySelectorAll(".key-layout").forEach(function (layout) {
      if (layout.dataset.enhanced) return;
      layout.dataset.enhanced = "1";
      layout.querySelectorAll(".key-moves, .key-handle").forEach(function (el) {
        el.hidden = false;
      });
      layout.querySelectorAll(".no-js").forEach(function (el) { el.hidden = true; });
      var dragged = null;
      layout.querySelectorAll(".key-grid > .key").forEach(function (row) {
        row.draggable = true;
        row.addEventListener("dragstart", function (event) {
          dragged = row;
          event.dataTransfer.effectAllowed = "move";
          event.dataTransfer.setData("text/plain", row.dataset.index);
        });
        row.addEventListener("dragover", function (event) {
          if (dragged && dragged !== row) event.preventDefault();
        });
        row.addEventListener("drop", function (event) {
          event.preventDefault();
          if (!dragged || dragged === row) return;
          var rows = Array.prototype.slice.call(row.parentNode.children);
          var from = rows.indexOf(dragged), to = rows.indexOf(row), step = to > from ? 1 : -1;
          for (var i = from; i !== to; i += step) {
            if (!moveRow(dragged, step)) break;
          }
          dragged = null;
        });
      });
    });
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".move-up, .move-down");
    if (!button) return;
    var row = button.closest(".key");
    if (row) {
      moveRow(row, button.classList.contains("move-up") ? -1 : 1);
      button.focus();
    }
  });
  document.addEventListener("keydown", function (event) {
    var handle = event.target.closest && event.target.closest(".key-handle");
    if (!handle || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    event.preventDefault();
    moveRow(handle.closest(".key"), event.key === "ArrowUp" ? -1 : 1);
    handle.focus();
  });
  document.addEventListener("DOMContentLoaded", function () { enhanceKeys(document); });
  document.addEventListener("htmx:afterSettle", function (event) {
    enhanceKeys(event.detail && event.detail.elt);
  });
})();
