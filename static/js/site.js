// Progressive enhancement only: every page works without this script. What it folds, the stylesheet folds
// before the first paint (@media (scripting: enabled)): nothing moves once shown.
document.addEventListener("DOMContentLoaded", function () {
  // A button that opens and closes a part of the page: the class on `holder` shows it (see site.css).
  function toggles(button, holder, openClass) {
    button.addEventListener("click", function () {
      var open = holder.classList.toggle(openClass);
      button.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }
  // On a phone: the search and the menu behind the Menu button; a listing's facets behind their heading.
  var header = document.querySelector(".site-header");
  var menu = header && header.querySelector(".menu-button");
  if (menu) toggles(menu, header, "menu-open");
  document.querySelectorAll(".filters").forEach(function (panel) {
    var button = panel.querySelector(".filters-toggle");
    if (button) toggles(button, panel, "is-open");
  });
});
