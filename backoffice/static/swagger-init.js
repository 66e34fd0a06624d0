// Starts Swagger UI on /api/docs from the page's data attributes (no inline script).
window.addEventListener("load", function () {
  var container = document.getElementById("swagger-ui-container");
  var config = JSON.parse(container.dataset.config || "{}");
  config.url = container.dataset.specUrl;
  config.dom_id = "#swagger-ui-container";
  // The page's own h1 names it: the document's title is a level-2 heading under it, so
  // the operation groups (h3) follow in order; the document's description is a region
  // beside Swagger UI's own main landmark.
  config.onComplete = function () {
    container.querySelectorAll(".info .title").forEach(function (title) {
      title.setAttribute("role", "heading");
      title.setAttribute("aria-level", "2");
    });
    container.querySelectorAll(".information-container").forEach(function (info) {
      info.setAttribute("role", "region");
      info.setAttribute("aria-label", document.title);
    });
  };
  window.ui = SwaggerUIBundle(config);
});
