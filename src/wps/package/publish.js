/*
 * The publish page's script (plain ES5: it may open in an old browser). It asks WPS's local service on this computer
 * (http://127.0.0.1:58890, started by the ksoWPSCloudSvr:// protocol when it is not running) to enable or disable
 * this add-in, giving the address this page was opened from as the add-in's online address. Nothing else is contacted.
 */
(function () {
  "use strict";
  var NAME = "{{NAME}}";
  var VERSION = "{{VERSION}}";
  var SERVICE = "http://127.0.0.1:58890/deployaddons/runParams";

  function folder() {
    var href = String(window.location.href).split("#")[0].split("?")[0];
    return href.slice(0, href.lastIndexOf("/") + 1);
  }

  /** UTF-8 bytes of a string as base64 (what the local service expects). */
  function base64(text) {
    var utf8 = unescape(encodeURIComponent(text));
    return window.btoa(utf8);
  }

  function send(body, done) {
    var xhr = new XMLHttpRequest();
    xhr.open("POST", SERVICE);
    xhr.timeout = 3000;
    xhr.onload = function () {
      done(xhr.status === 200 ? null : "HTTP " + xhr.status + " " + xhr.responseText);
    };
    xhr.onerror = xhr.ontimeout = function () {
      done("unreachable");
    };
    xhr.send(body);
  }

  function run(type, cmd, row) {
    var status = row.querySelector(".status");
    var body = base64(JSON.stringify({ cmd: cmd, name: NAME, url: folder(), addonType: type, online: "true", version: VERSION }));
    status.textContent = "正在联系本机 WPS… / Contacting WPS…";
    send(body, function (err) {
      if (!err) {
        status.textContent = cmd === "enable" ? "已安装，请重新打开 WPS。 / Installed; restart WPS." : "已卸载。 / Removed.";
        return;
      }
      if (err !== "unreachable") {
        status.textContent = "WPS 拒绝了请求：" + err;
        return;
      }
      // The local service is not running: ask WPS to start it, then try once more.
      status.textContent = "正在启动本机 WPS 服务… / Starting the WPS service…";
      window.location.href = "ksoWPSCloudSvr://start=RelayHttpServer";
      window.setTimeout(function () {
        send(body, function (again) {
          status.textContent = again
            ? "无法联系本机 WPS（请确认已安装 WPS 并允许浏览器打开它），或改用 INSTALL.txt 中的离线方式。 / WPS could not be reached."
            : cmd === "enable"
              ? "已安装，请重新打开 WPS。 / Installed; restart WPS."
              : "已卸载。 / Removed.";
        });
      }, 3000);
    });
  }

  document.getElementById("url").textContent = folder();
  var rows = document.querySelectorAll("tr[data-type]");
  for (var i = 0; i < rows.length; i++) {
    (function (row) {
      var buttons = row.querySelectorAll("button[data-cmd]");
      for (var j = 0; j < buttons.length; j++) {
        (function (button) {
          button.addEventListener("click", function () {
            run(row.getAttribute("data-type"), button.getAttribute("data-cmd"), row);
          });
        })(buttons[j]);
      }
    })(rows[i]);
  }
  if (window.location.protocol === "file:") {
    document.getElementById("note").textContent =
      "本页是从本机文件打开的：发布页方式需要通过 http 地址打开。 / Opened from a file: the publish page must be served over http.";
  }
})();
