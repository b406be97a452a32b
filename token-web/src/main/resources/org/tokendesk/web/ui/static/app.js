/*
 * tokendesk operator pages: a little plain JavaScript on top of pages that work without it.
 * Loaded from our own origin (the CSP allows no inline script). Everything here enhances a form
 * or a link that already does the job on its own.
 */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute("content") : "";
  }

  function say(from, text) {
    var scope = from.closest("section, .card, form, main") || document;
    var status = scope.querySelector('[role="status"]') || document.querySelector('[role="status"]');
    if (status) {
      status.textContent = "";
      window.setTimeout(function () { status.textContent = text; }, 30);
    }
  }

  function post(form, extraHeaders) {
    var headers = { "X-CSRF-Token": meta("csrf-token"), "X-Requested-With": "fetch",
      "Content-Type": "application/x-www-form-urlencoded" };
    Object.keys(extraHeaders || {}).forEach(function (k) { headers[k] = extraHeaders[k]; });
    return fetch(form.getAttribute("action"), { method: "POST", credentials: "same-origin", headers: headers,
      body: new URLSearchParams(new FormData(form)).toString() });
  }

  /* selects that act at once (account picker, language): the form's button stays for no-JS */
  function initAutosubmit(root) {
    root.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
      select.addEventListener("change", function () { select.form.submit(); });
    });
  }

  /* the left navigation on narrow screens */
  function initNavToggle() {
    var toggle = document.getElementById("nav-toggle");
    var nav = document.getElementById("sidenav");
    if (!toggle || !nav) { return; }
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      nav.classList.toggle("open", open);
      if (open) { var first = nav.querySelector("a"); if (first) { first.focus(); } }
    });
    nav.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && toggle.getAttribute("aria-expanded") === "true"
          && window.getComputedStyle(toggle).display !== "none") {
        toggle.setAttribute("aria-expanded", "false");
        nav.classList.remove("open");
        toggle.focus();
      }
    });
  }

  /* menu button pattern: Enter/Space/ArrowDown open, arrows move, Escape closes and returns focus */
  function initMenus(root) {
    root.querySelectorAll('button[aria-haspopup="menu"]').forEach(function (button) {
      var menu = document.getElementById(button.getAttribute("aria-controls"));
      if (!menu) { return; }
      var items = function () { return Array.prototype.slice.call(menu.querySelectorAll('[role="menuitem"]')); };
      function open(focusLast) {
        menu.classList.add("open");
        button.setAttribute("aria-expanded", "true");
        var list = items();
        if (list.length) { list[focusLast ? list.length - 1 : 0].focus(); }
      }
      function close(returnFocus) {
        menu.classList.remove("open");
        button.setAttribute("aria-expanded", "false");
        if (returnFocus) { button.focus(); }
      }
      button.addEventListener("click", function () {
        if (button.getAttribute("aria-expanded") === "true") { close(true); } else { open(false); }
      });
      button.addEventListener("keydown", function (e) {
        if (e.key === "ArrowDown") { e.preventDefault(); open(false); }
        if (e.key === "ArrowUp") { e.preventDefault(); open(true); }
      });
      menu.addEventListener("keydown", function (e) {
        var list = items();
        var i = list.indexOf(document.activeElement);
        if (e.key === "ArrowDown") { e.preventDefault(); list[(i + 1) % list.length].focus(); }
        else if (e.key === "ArrowUp") { e.preventDefault(); list[(i - 1 + list.length) % list.length].focus(); }
        else if (e.key === "Home") { e.preventDefault(); list[0].focus(); }
        else if (e.key === "End") { e.preventDefault(); list[list.length - 1].focus(); }
        else if (e.key === "Escape") { e.preventDefault(); close(true); }
        else if (e.key === "Tab") { close(false); }
        else if (e.key === " " && document.activeElement) { e.preventDefault(); document.activeElement.click(); }
      });
      document.addEventListener("click", function (e) {
        if (menu.classList.contains("open") && !menu.contains(e.target) && !button.contains(e.target)) { close(false); }
      });
      items().forEach(function (item) {
        item.addEventListener("click", function (e) {
          var dialog = item.getAttribute("data-dialog") && document.getElementById(item.getAttribute("data-dialog"));
          if (dialog) {
            e.preventDefault();
            close(false);
            openDialog(dialog, button);
          }
        });
      });
    });
  }

  /* modal dialog: focus moves in and is kept there; Escape or Cancel closes and focus returns */
  function focusables(el) {
    return Array.prototype.slice.call(el.querySelectorAll(
      'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"])'));
  }

  function openDialog(backdrop, opener) {
    var dialog = backdrop.querySelector('[role="dialog"]');
    backdrop.hidden = false;
    var list = focusables(dialog);
    var cancel = dialog.querySelector("[data-close]");
    (cancel || list[0]).focus();
    function close() {
      backdrop.hidden = true;
      document.removeEventListener("keydown", onKey, true);
      if (opener) { opener.focus(); }
    }
    function onKey(e) {
      if (e.key === "Escape") { e.preventDefault(); close(); return; }
      if (e.key === "Tab") {
        var items = focusables(dialog);
        var first = items[0], last = items[items.length - 1];
        if (e.shiftKey && document.activeElement === first) { e.preventDefault(); last.focus(); }
        else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
      }
    }
    document.addEventListener("keydown", onKey, true);
    dialog.querySelectorAll("[data-close]").forEach(function (b) { b.onclick = close; });
    backdrop.onclick = function (e) { if (e.target === backdrop) { close(); } };
  }

  /* "Enable legacy tokens": post, then put the card where the empty state was, without a reload */
  function initEnable() {
    var form = document.getElementById("enable-form");
    if (!form) { return; }
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var button = form.querySelector("button");
      button.disabled = true;
      post(form).then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.text();
      }).then(function (html) {
        var area = document.getElementById(form.getAttribute("data-enable-target"));
        var parsed = new DOMParser().parseFromString(html, "text/html");
        area.replaceChildren.apply(area, Array.prototype.slice.call(parsed.body.childNodes));
        form.remove();
        initMenus(area);
        initCopy(area);
        var heading = area.querySelector("#shown-once-title") || document.getElementById("card-title");
        if (heading) { heading.focus(); }
      }).catch(function () { form.submit(); });
    });
  }

  /* tabs: links without JavaScript; with it, arrow keys move between tabs and panels switch in place */
  function initTabs() {
    document.querySelectorAll('[role="tablist"]').forEach(function (list) {
      var tabs = Array.prototype.slice.call(list.querySelectorAll('[role="tab"]'));
      function select(tab, focus) {
        tabs.forEach(function (t) {
          var on = t === tab;
          t.setAttribute("aria-selected", String(on));
          t.setAttribute("tabindex", on ? "0" : "-1");
          document.getElementById(t.getAttribute("aria-controls")).hidden = !on;
        });
        if (focus) { tab.focus(); }
        if (window.history && window.history.replaceState) { window.history.replaceState(null, "", tab.getAttribute("href")); }
      }
      tabs.forEach(function (tab, i) {
        tab.addEventListener("click", function (e) { e.preventDefault(); select(tab, true); });
        tab.addEventListener("keydown", function (e) {
          var next = null;
          if (e.key === "ArrowRight") { next = tabs[(i + 1) % tabs.length]; }
          if (e.key === "ArrowLeft") { next = tabs[(i - 1 + tabs.length) % tabs.length]; }
          if (e.key === "Home") { next = tabs[0]; }
          if (e.key === "End") { next = tabs[tabs.length - 1]; }
          if (e.key === " ") { e.preventDefault(); select(tab, true); }
          if (next) { e.preventDefault(); select(next, true); }
        });
      });
    });
  }

  /* API version: saved as soon as it changes */
  function initAutosave() {
    document.querySelectorAll("form[data-autosave]").forEach(function (form) {
      var status = document.getElementById(form.getAttribute("data-autosave"));
      form.querySelectorAll("select").forEach(function (select) {
        select.addEventListener("change", function () {
          status.textContent = "";
          post(form).then(function (response) {
            status.textContent = response.ok ? meta("ui-saved") : meta("ui-failed");
          }).catch(function () { status.textContent = meta("ui-failed"); });
        });
      });
    });
  }

  /* Show: the tokens are fetched only when asked for, from the API with the session (never in a URL) */
  var revealed = null;
  function fetchCredentials(form) {
    if (revealed) { return Promise.resolve(revealed); }
    return fetch(form.getAttribute("data-reveal"), { credentials: "same-origin", cache: "no-store",
      headers: { "Accept": "application/json" } }).then(function (response) {
      if (!response.ok) { throw new Error(String(response.status)); }
      return response.json();
    }).then(function (body) {
      revealed = { readWrite: body.readWrite.authToken, readOnly: body.readOnly.authToken };
      return revealed;
    });
  }

  function initReveal() {
    var form = document.getElementById("reveal-form");
    if (!form) { return; }
    document.querySelectorAll("button[data-show]").forEach(function (button) {
      var target = document.getElementById(button.getAttribute("data-show"));
      button.type = "button";
      button.removeAttribute("form");
      button.setAttribute("aria-expanded", "false");
      button.addEventListener("click", function () {
        if (button.getAttribute("aria-expanded") === "true") {
          target.textContent = target.getAttribute("data-masked");
          target.classList.add("masked");
          button.textContent = meta("ui-show");
          button.setAttribute("aria-expanded", "false");
          return;
        }
        fetchCredentials(form).then(function (tokens) {
          target.textContent = tokens[target.getAttribute("data-secret")];
          target.classList.remove("masked");
          button.textContent = meta("ui-hide");
          button.setAttribute("aria-expanded", "true");
        }).catch(function () { form.submit(); });
      });
    });
  }

  /* Copy: to the clipboard, fetching a masked token first; the status line says it worked */
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "visually-hidden";
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand("copy");
      area.remove();
      if (ok) { resolve(); } else { reject(new Error("copy")); }
    });
  }

  function initCopy(root) {
    root.querySelectorAll("button[data-copy]").forEach(function (button) {
      var target = document.getElementById(button.getAttribute("data-copy"));
      if (!target) { return; }
      button.hidden = false;
      button.addEventListener("click", function () {
        var key = target.getAttribute("data-secret");
        var form = document.getElementById("reveal-form");
        var value = key && target.classList.contains("masked") && form
          ? fetchCredentials(form).then(function (tokens) { return tokens[key]; })
          : Promise.resolve(target.textContent.trim());
        value.then(copyText).then(function () {
          button.setAttribute("data-copied", "true");
          say(button, meta("ui-copied"));
        }).catch(function () { say(button, meta("ui-failed")); });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    initAutosubmit(document);
    initNavToggle();
    initMenus(document);
    initEnable();
    initTabs();
    initAutosave();
    initReveal();
    initCopy(document);
  });
}());
