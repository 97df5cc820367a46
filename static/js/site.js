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

  // An event's times are in its own zone; where the visitor's differs, their own time is added once for each
  // time or span of times (a [data-local-times] holder of <time data-event-time> elements).
  var holders = document.querySelectorAll("[data-local-times]");
  if (holders.length && window.Intl && Intl.DateTimeFormat) {
    var lang = document.documentElement.lang || "en";
    var chinese = lang.indexOf("zh") === 0;
    var format = new Intl.DateTimeFormat(lang, { weekday: "short", hour: "2-digit", minute: "2-digit", hour12: false });
    var hours = new Intl.DateTimeFormat(lang, { hour: "2-digit", minute: "2-digit", hour12: false });
    holders.forEach(function (holder) {
      var moments = [];
      var differs = false;
      holder.querySelectorAll("time[data-event-time]").forEach(function (element) {
        var value = element.getAttribute("datetime");
        var offset = value.match(/([+-])(\d\d):(\d\d)$/);
        var moment = new Date(value);
        if (!offset || isNaN(moment)) return;
        var minutes = (offset[1] === "-" ? -1 : 1) * (parseInt(offset[2], 10) * 60 + parseInt(offset[3], 10));
        if (-moment.getTimezoneOffset() !== minutes) differs = true;
        moments.push(moment);
      });
      if (!differs || !moments.length) return;
      var text = format.format(moments[0]) + (moments[1] ? "–" + hours.format(moments[1]) : "");
      var local = document.createElement("span");
      local.className = "local-time";
      local.textContent = chinese ? "（您当地时间 " + text + "）" : " (your time: " + text + ")";
      holder.appendChild(local);
    });
  }
  // A printable programme: the stylesheet's print rules leave the timetable and little else.
  document.querySelectorAll(".print-button").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
});
