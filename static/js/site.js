// Progressive enhancement only: every page works without this script.
document.addEventListener("DOMContentLoaded", function () {
  var phone = window.matchMedia("(max-width: 52rem)").matches;
  // On a phone, the filter panel starts folded so the results come first.
  if (phone) {
    document.querySelectorAll("details.filters[open]").forEach(function (panel) {
      if (!panel.querySelector("[aria-current]")) panel.removeAttribute("open");
    });
  }
  // The phone's Menu button (shown by the stylesheet only where scripting runs) opens the search and the menu.
  var header = document.querySelector(".site-header");
  var button = header && header.querySelector(".menu-button");
  if (button) {
    button.addEventListener("click", function () {
      var open = header.classList.toggle("menu-open");
      button.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }
});
