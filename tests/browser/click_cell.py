#!/usr/bin/env python3
"""Opens the HTML report in headless Chromium and checks it as a reader would.

Drives Chromium over the DevTools protocol on --remote-debugging-pipe (fd 3
in, fd 4 out, NUL-terminated JSON), so nothing listens on a port and no
package beyond Chromium and Python is needed. Checks, failing loudly on any:

  * the search box, typed without diacritics, keeps the matching rows only;
  * a real mouse click on a figure in a disagreement row opens its panel:
    the panel is displayed, its highlighted quote is visible on screen (not
    covered), the highlight is the figure's quote, and the highlighted lines
    include the line the cell names (D<n>:<line>);
  * the document carrying markup: its panel shows the markup as text, no
    script of its ran (window.__pwned), no image element exists.

Screenshots of both opened panels go to the artifacts folder.
"""
import argparse
import base64
import json
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata

DEADLINE = time.monotonic() + 50  # the whole run; ctest allows more


class Failure(Exception):
    pass


def check(cond, message):
    if not cond:
        raise Failure(message)


class Browser:
    def __init__(self, chromium, profile):
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()

        def child_fds():
            a, b = os.dup(to_chrome_r), os.dup(from_chrome_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        args = [
            chromium, "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions",
            "--disable-sync", "--mute-audio", "--hide-scrollbars",
            "--user-data-dir=" + profile, "--remote-debugging-pipe",
            "--window-size=1400,900", "about:blank",
        ]
        # Chromium's log goes to a file: a pipe nobody reads would fill and stall it.
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(args, pass_fds=(3, 4), preexec_fn=child_fds,
                                     stdout=subprocess.DEVNULL, stderr=self.log)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.session = None

    def _read_message(self):
        while b"\0" not in self.buffer:
            left = DEADLINE - time.monotonic()
            check(left > 0, "timed out waiting for Chromium")
            ready, _, _ = select.select([self.from_chrome], [], [], left)
            check(ready, "timed out waiting for Chromium")
            chunk = os.read(self.from_chrome, 1 << 20)
            if not chunk:
                self.log.seek(0)
                err = self.log.read().decode(errors="replace")[-2000:]
                raise Failure("Chromium closed the DevTools pipe (exit %s)\n%s" % (self.proc.poll(), err))
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, session=True):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.to_chrome, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read_message()
            if reply.get("id") == self.next_id:
                check("error" not in reply, "%s failed: %s" % (method, reply.get("error")))
                return reply.get("result", {})
            self.events.append(reply)

    def wait_event(self, method):
        while True:
            for i, e in enumerate(self.events):
                if e.get("method") == method:
                    return self.events.pop(i)
            self.events.append(self._read_message())

    def evaluate(self, expression):
        r = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                           "awaitPromise": True})
        check("exceptionDetails" not in r, "script failed: %s\n%s" % (r.get("exceptionDetails"), expression))
        return r["result"].get("value")

    def wait_for(self, expression, what, seconds=5):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if self.evaluate(expression):
                return
            time.sleep(0.05)
        raise Failure("timed out waiting for " + what)

    def click(self, x, y):
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            params = {"type": kind, "x": x, "y": y}
            if kind != "mouseMoved":
                params.update(button="left", clickCount=1)
            self.send("Input.dispatchMouseEvent", params)

    def screenshot(self, path):
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))
        print("screenshot: " + path)

    def close(self):
        try:
            if self.proc.poll() is None:
                self.send("Browser.close", session=False)
        except Failure:
            pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def fold(s):
    s = unicodedata.normalize("NFD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return " ".join(s.replace("đ", "d").replace("Đ", "d").lower().split())


# Brings the link into the middle of the window and tells where to click it.
LOCATE = """(() => {
  const a = %s;
  if (!a) return null;
  a.scrollIntoView({block: "center", inline: "center"});
  const r = a.getClientRects()[0];
  const x = r.left + Math.min(r.width / 2, 20), y = r.top + r.height / 2;
  const hit = document.elementFromPoint(x, y);
  return {href: a.getAttribute("href"), text: a.textContent, x: x, y: y,
          clickable: hit === a || a.contains(hit)};
})()"""

# What the opened panel shows, measured as rendered.
PANEL = """(() => {
  const p = document.getElementById(location.hash.slice(1));
  if (!p) return null;
  const marks = [...p.querySelectorAll("tr.hit td.raw mark")];
  const m = marks[0];
  let visible = false, bg = "";
  const r = m && m.getClientRects()[0];
  if (r) {
    const hit = document.elementFromPoint(r.left + Math.min(r.width / 2, 4), r.top + r.height / 2);
    visible = r.width > 0 && r.top >= 0 && r.bottom <= innerHeight && (hit === m || m.contains(hit));
    bg = getComputedStyle(m).backgroundColor;
  }
  const pr = p.getBoundingClientRect();
  return {
    display: getComputedStyle(p).display,
    onScreen: pr.width > 100 && pr.left < innerWidth && pr.right > 0,
    heading: p.querySelector("h2").textContent,
    quote: p.querySelector(".quote").textContent,
    marked: marks.map(x => x.textContent).join("\\n"),
    markVisible: visible,
    markBackground: bg,
    hitLines: [...p.querySelectorAll("tr.hit")].map(t => t.dataset.line),
    shownText: p.innerText,
    panelsShown: [...document.querySelectorAll(".panel")].filter(
        x => getComputedStyle(x).display !== "none").length,
  };
})()"""


def open_figure(b, selector, what, shot):
    link = b.evaluate(LOCATE % selector)
    check(link is not None, "no figure link in " + what)
    check(link["clickable"], "the link to %s (%s) is covered by another element" % (what, link["href"]))
    b.click(link["x"], link["y"])
    b.wait_for("location.hash === %s" % json.dumps(link["href"]), "the click on " + link["href"])
    # The page's hashchange handler runs after the navigation, as a task of its own.
    b.wait_for("!!document.querySelector(%s)" % json.dumps('a.fig.selected[href="%s"]' % link["href"]),
               "the clicked figure to be marked as selected")
    b.wait_for("(() => { const p = document.getElementById(location.hash.slice(1));"
               " const m = p && p.querySelector('tr.hit mark');"
               " if (!m) return true; const r = m.getBoundingClientRect();"
               " return r.top >= 0 && r.bottom <= innerHeight; })()", "the quote scrolled into view")
    panel = b.evaluate(PANEL)
    check(panel is not None, "no panel %s after the click" % link["href"])
    print("clicked %s %r -> panel %r" % (link["href"], link["text"], panel["heading"]))
    check(panel["display"] != "none", "the panel %s is not displayed after one click" % link["href"])
    check(panel["onScreen"], "the panel %s is off screen" % link["href"])
    check(panel["marked"] == panel["quote"],
          "highlight %r is not the figure's quote %r" % (panel["marked"], panel["quote"]))
    check(panel["markVisible"], "the highlighted quote is not visible on screen")
    check(panel["markBackground"] not in ("", "transparent", "rgba(0, 0, 0, 0)"),
          "the quote is not highlighted (background %s)" % panel["markBackground"])
    check(panel["panelsShown"] == 1,
          "%d source panels are displayed, not just the clicked one (the report's CSS did not apply?)"
          % panel["panelsShown"])
    where = re.search(r"\((D\d+):(\d+)\)", link["text"])
    check(where is not None, "the cell %r names no D<n>:<line>" % link["text"])
    check(panel["heading"].startswith(where.group(1) + " "),
          "the cell names %s but the panel shows %r" % (where.group(1), panel["heading"]))
    check(where.group(2) in panel["hitLines"],
          "line %s named by the cell is not among the highlighted lines %s" % (where.group(2), panel["hitLines"]))
    check(panel["quote"].split("\n")[0] in panel["shownText"], "the source line is not shown")
    b.screenshot(shot)
    return panel


def run(args):
    profile = tempfile.mkdtemp(prefix="chitieu-chromium-")
    b = Browser(args.chromium, profile)
    try:
        targets = []
        while not targets:
            targets = [t for t in b.send("Target.getTargets", session=False)["targetInfos"]
                       if t["type"] == "page"]
            check(time.monotonic() < DEADLINE, "Chromium opened no page")
        b.session = b.send("Target.attachToTarget", {"targetId": targets[0]["targetId"], "flatten": True},
                           session=False)["sessionId"]
        b.send("Page.enable")
        b.send("Emulation.setDeviceMetricsOverride",
               {"width": 1400, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        b.send("Page.navigate", {"url": "file://" + os.path.abspath(args.report)})
        b.wait_event("Page.loadEventFired")

        # Search without diacritics.
        total = b.evaluate("document.querySelectorAll('tr.row').length")
        check(total > 0, "the report has no rows")
        b.send("Runtime.evaluate", {"expression": "document.getElementById('q').focus()"})
        b.send("Input.insertText", {"text": args.search})
        shown = b.evaluate("[...document.querySelectorAll('tr.row')].filter(r => !r.hidden)"
                           ".map(r => r.dataset.search)")
        print("search %r: %d of %d rows" % (args.search, len(shown), total))
        check(0 < len(shown) < total, "search %r kept %d of %d rows" % (args.search, len(shown), total))
        for s in shown:
            check(fold(args.search) in fold(s), "search %r kept a row that does not match: %r" % (args.search, s))
        b.evaluate("(() => { const q = document.getElementById('q'); q.value = '';"
                   " q.dispatchEvent(new Event('input')); q.blur(); })()")

        os.makedirs(args.artifacts, exist_ok=True)
        open_figure(b, "document.querySelector('tr.row.disagree a.fig') || document.querySelector('a.fig')",
                    "a disagreement row", os.path.join(args.artifacts, "report.png"))

        # Esc closes the panel, uncovering the table again.
        for kind in ("keyDown", "keyUp"):
            b.send("Input.dispatchKeyEvent", {"type": kind, "key": "Escape", "code": "Escape",
                                              "windowsVirtualKeyCode": 27})
        b.wait_for("!document.querySelector('.panel:target')", "Esc to close the panel")

        # The document with markup: shown as text, nothing of it ran or loaded.
        panel = open_figure(
            b, "[...document.querySelectorAll('a.fig')].find(a => %s.every(t => document.getElementById("
               "a.getAttribute('href').slice(1)).textContent.includes(t)))" % json.dumps(args.markup),
            "the document with markup", os.path.join(args.artifacts, "report-markup.png"))
        for text in args.markup:
            check(text in panel["shownText"], "markup %r is not shown as text in its panel" % text)
        check(b.evaluate("typeof window.__pwned") == "undefined", "a script from a document ran")
        check(b.evaluate("document.images.length") == 0, "an image element from a document exists")
        check(b.evaluate("document.scripts.length") == 1, "a script element from a document exists")
    finally:
        b.close()
        shutil.rmtree(profile, ignore_errors=True)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--chromium", required=True)
    p.add_argument("--report", required=True)
    p.add_argument("--artifacts", required=True)
    p.add_argument("--search", default="ty le do thi hoa")
    p.add_argument("--markup", action="append", required=True,
                   help="markup from the corpus that some figure's panel must show as text")
    args = p.parse_args()
    try:
        run(args)
    except Failure as e:
        print("FAIL: %s" % e, file=sys.stderr)
        return 1
    print("ok: report clicked in Chromium")
    return 0


if __name__ == "__main__":
    sys.exit(main())
