// Progressive enhancement only: every page works without this script.
// On a phone, the filter panel starts folded so the results come first.
document.addEventListener("DOMContentLoaded", function () {
  if (window.matchMedia("(max-width: 52rem)").matches) {
    document.querySelectorAll("details.filters[open]").forEach(function (panel) {
      if (!panel.querySelector("[aria-current]")) panel.removeAttribute("open");
    });
  }
});
