/* Display settings: text size, high contrast, grayscale. Kept in localStorage (no cookies). */
(function () {
  "use strict";
  var root = document.documentElement;
  var KEY = "khaosan-display";
  var SIZES = [-1, 0, 1, 2, 3];
  var PERCENT = { "-1": 100, "0": 112.5, "1": 125, "2": 143.75, "3": 162.5 };
  var state = { font: 0, contrast: false, gray: false };
  try {
    var saved = JSON.parse(window.localStorage.getItem(KEY) || "{}");
    if (SIZES.indexOf(saved.font) >= 0) state.font = saved.font;
    state.contrast = saved.contrast === true;
    state.gray = saved.gray === true;
  } catch (e) { /* storage blocked: defaults */ }

  function apply() {
    if (state.font) root.setAttribute("data-font", String(state.font)); else root.removeAttribute("data-font");
    if (state.contrast) root.setAttribute("data-contrast", "high"); else root.removeAttribute("data-contrast");
    if (state.gray) root.setAttribute("data-gray", "on"); else root.removeAttribute("data-gray");
  }
  function save() {
    try { window.localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* not kept */ }
  }
  root.className += " js";
  apply();

  function wire() {
    var box = document.getElementById("display-controls");
    if (box) {
      var status = box.querySelector("[data-status]");
      var sync = function () {
        box.querySelector('[data-toggle="contrast"]').setAttribute("aria-pressed", String(state.contrast));
        box.querySelector('[data-toggle="gray"]').setAttribute("aria-pressed", String(state.gray));
        box.querySelector('[data-font="reset"]').setAttribute("aria-pressed", String(state.font === 0));
      };
      box.addEventListener("click", function (event) {
        var button = event.target.closest("button");
        if (!button) return;
        var font = button.getAttribute("data-font");
        var toggle = button.getAttribute("data-toggle");
        if (font) {
          var i = SIZES.indexOf(state.font);
          if (font === "up") i = Math.min(i + 1, SIZES.length - 1);
          else if (font === "down") i = Math.max(i - 1, 0);
          else i = SIZES.indexOf(0);
          state.font = SIZES[i];
          if (status) status.textContent = status.getAttribute("data-status") + " " + Math.round(PERCENT[String(state.font)] / 112.5 * 100) + "%";
        } else if (toggle) {
          state[toggle] = !state[toggle];
        }
        apply();
        save();
        sync();
      });
      sync();
      box.hidden = false;
    }
    // Phones: the display controls fold behind one button (CSS shows it there only).
    var displayButton = document.querySelector(".display-toggle");
    if (displayButton && box) {
      displayButton.hidden = false;
      displayButton.addEventListener("click", function () {
        var open = displayButton.getAttribute("aria-expanded") !== "true";
        displayButton.setAttribute("aria-expanded", String(open));
        box.classList.toggle("open", open);
      });
    }
    // "Copy link" on items: the Clipboard API, no script from another site.
    var copy = document.querySelector(".copy-link");
    if (copy && navigator.clipboard) {
      copy.hidden = false;
      copy.addEventListener("click", function () {
        var note = document.querySelector(".copy-status");
        navigator.clipboard.writeText(copy.getAttribute("data-url")).then(function () {
          if (note) note.textContent = copy.getAttribute("data-done");
        }, function () { /* not allowed: the address bar still has the link */ });
      });
    }
    var menuButton = document.querySelector(".menu-toggle");
    var menu = document.getElementById("menu");
    if (menuButton && menu) {
      menuButton.hidden = false;
      menuButton.addEventListener("click", function () {
        var open = menuButton.getAttribute("aria-expanded") !== "true";
        menuButton.setAttribute("aria-expanded", String(open));
        menu.classList.toggle("open", open);
      });
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", wire);
  else wire();
})();
