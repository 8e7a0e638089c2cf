/*
 * 绩效自评助手 — the first script of taskpane.html and commands.html, in ES5 so that every webview can run it.
 * Office 2016/2019 (volume-licensed, on Windows) shows add-ins in Internet Explorer 11 (Trident) or in the first
 * Edge (EdgeHTML); the pane's JavaScript (ES2020) cannot run there and the pane would stay on "正在加载…" forever.
 * Here such a webview is recognised by its user agent and the pane says, in Chinese and English, what to use
 * instead; in commands.html the ribbon buttons open the same words in a dialog instead of spinning.
 * Everywhere else it does nothing. The sentences come from src/core/messages/oldWebview.ts (put in by the build).
 */
(function () {
  "use strict";
  var MESSAGES = /*JIXIAO_OLD_WEBVIEW_MESSAGES*/ null;
  var ua = (window.navigator && window.navigator.userAgent) || "";
  var trident = /Trident\/|MSIE /.test(ua);
  var edgeHtml = /Edge\/\d/.test(ua);
  if (!MESSAGES || (!trident && !edgeHtml)) return;
  window.jixiaoOldWebview = trident ? "trident" : "edgehtml";

  function block(lang, first) {
    var m = MESSAGES[lang];
    var section = document.createElement("div");
    section.setAttribute("lang", lang === "zh" ? "zh-CN" : "en");
    section.style.marginBottom = "20px";
    var h = document.createElement(first ? "h1" : "h2");
    h.style.fontSize = first ? "18px" : "16px";
    h.appendChild(document.createTextNode(m.title));
    section.appendChild(h);
    var p = document.createElement("p");
    p.appendChild(document.createTextNode(m.body));
    section.appendChild(p);
    var list = document.createElement("ol");
    for (var i = 0; i < m.options.length; i++) {
      var li = document.createElement("li");
      li.appendChild(document.createTextNode(m.options[i]));
      list.appendChild(li);
    }
    section.appendChild(list);
    return section;
  }

  function show() {
    var target = document.getElementById("container") || document.body;
    if (!target) return;
    while (target.firstChild) target.removeChild(target.firstChild);
    var box = document.createElement("div");
    box.setAttribute("role", "alert");
    box.setAttribute("data-testid", "old-webview");
    box.style.padding = "16px";
    box.style.fontSize = "14px";
    box.style.lineHeight = "1.6";
    box.appendChild(block("zh", true));
    box.appendChild(block("en", false));
    target.appendChild(box);
  }

  // The ribbon commands (commands.html has no #container): each button opens the pane page, which shows the words.
  function commands() {
    var Office = window.Office;
    if (!Office || !Office.actions || typeof Office.onReady !== "function") return;
    var page = String(window.location.href).replace(/commands\.html.*$/, "taskpane.html");
    var tell = function (event) {
      try {
        Office.context.ui.displayDialogAsync(page, { height: 60, width: 40 }, function () {
          event.completed();
        });
      } catch (e) {
        event.completed();
      }
    };
    Office.onReady(function () {
      Office.actions.associate("checkWorkbook", tell);
      Office.actions.associate("fillFormulas", tell);
      Office.actions.associate("markFindings", tell);
    });
  }

  function ready() {
    if (document.getElementById("container")) show();
    else commands();
  }
  if (document.readyState === "loading") {
    if (document.addEventListener) document.addEventListener("DOMContentLoaded", ready, false);
    else if (document.attachEvent)
      document.attachEvent("onreadystatechange", function () {
        if (document.readyState !== "loading") ready();
      });
  } else {
    ready();
  }
})();
