#!/usr/bin/env python3
"""Loads HTML reports in headless Chromium with the network blocked and says, for each, what a reader's browser
would see: console errors, requests that leave the file, horizontal overflow at 1000 px and whether it prints to
PDF. Drives Chromium over the DevTools protocol on --remote-debugging-pipe (standard library only).

    scripts/browser-check.py [--chromium PATH] FILE.html...

Prints one JSON object per file on stdout ({"file", "console_errors", "requests", "overflow_px", "offenders",
"pdf_bytes"}) and exits 0 when every file is clean, 1 when one is not, 2 when Chromium is missing or fails.
Screenshots are never taken; the PDF is checked in memory and not written.
"""
import base64
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

WIDTH = 1000

OVERFLOW_CHECK = r"""
(() => {
  const root = document.documentElement;
  const width = root.clientWidth;
  const overflow = Math.max(root.scrollWidth, document.body ? document.body.scrollWidth : 0) - width;
  const offenders = [];
  const scrolls = (el) => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p).overflowX;
      if (s !== 'visible') return true;
    }
    return false;
  };
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.right > width + 0.5 && !scrolls(el) && offenders.length < 5) {
      offenders.push(el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '') + ' right=' + Math.round(r.right));
    }
  }
  return JSON.stringify({overflow: overflow, offenders: offenders});
})()
"""


class Browser:
    """A headless Chromium talking DevTools protocol over fds 3 (commands in) and 4 (replies out)."""

    def __init__(self, chromium):
        self.profile = tempfile.mkdtemp(prefix="unroll-chromium-")
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()

        def wire():
            a, b = os.dup(to_chrome_r), os.dup(from_chrome_w)
            os.dup2(a, 3, inheritable=True)
            os.dup2(b, 4, inheritable=True)

        flags = [
            "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe", "--no-first-run",
            "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9",
            "--user-data-dir=" + self.profile, f"--window-size={WIDTH},800", "about:blank",
        ]
        self.process = subprocess.Popen([chromium] + flags, preexec_fn=wire, close_fds=False,
                                        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_chrome, json.dumps(message).encode() + b"\0")
        return self.next_id

    def read_message(self, deadline):
        while b"\0" not in self.buffer:
            if time.time() > deadline:
                raise TimeoutError("chromium did not answer in time")
            chunk = os.read(self.from_chrome, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method, params=None, session=None, timeout=60):
        wanted = self.send(method, params, session)
        deadline = time.time() + timeout
        while True:
            message = self.read_message(deadline)
            if message.get("id") == wanted:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.handle(message)

    def handle(self, message):
        self.events.append(message)

    def wait_for(self, method, timeout=60):
        deadline = time.time() + timeout
        for i, event in enumerate(self.events):
            if event.get("method") == method:
                return self.events.pop(i)
        while True:
            message = self.read_message(deadline)
            if message.get("method") == method:
                return message
            self.handle(message)

    def close(self):
        try:
            self.send("Browser.close")
            self.process.wait(timeout=10)
        except Exception:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def check(browser, path):
    """What loading and printing `path` shows."""
    url = pathlib.Path(path).resolve().as_uri()
    target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = browser.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    for domain in ("Page", "Runtime", "Log", "Network"):
        browser.call(domain + ".enable", session=session)
    browser.call("Fetch.enable", {"patterns": [{"urlPattern": "*"}]}, session=session)
    browser.call("Emulation.setDeviceMetricsOverride",
                 {"width": WIDTH, "height": 800, "deviceScaleFactor": 1, "mobile": False}, session=session)
    browser.events.clear()
    errors, requests = [], []

    def observe(message):
        method, params = message.get("method"), message.get("params", {})
        if message.get("sessionId") != session:
            browser.events.append(message)
            return
        if method == "Fetch.requestPaused":
            request_url = params["request"]["url"]
            if request_url == url:
                browser.send("Fetch.continueRequest", {"requestId": params["requestId"]}, session)
            else:
                if request_url not in requests:
                    requests.append(request_url)
                browser.send("Fetch.failRequest", {"requestId": params["requestId"], "errorReason": "BlockedByClient"},
                             session)
        elif method == "Network.requestWillBeSent":
            request_url = params["request"]["url"]
            if request_url != url and not request_url.startswith("data:") and request_url not in requests:
                requests.append(request_url)
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            errors.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            errors.append(params["exceptionDetails"].get("text", "exception"))
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            errors.append(params["entry"].get("text", ""))
        browser.events.append(message)

    browser.handle = observe
    browser.call("Page.navigate", {"url": url}, session=session)
    browser.wait_for("Page.loadEventFired")
    browser.call("Runtime.evaluate", {"expression": "document.fonts.ready.then(() => true)", "awaitPromise": True},
                 session=session)
    result = browser.call("Runtime.evaluate", {"expression": OVERFLOW_CHECK, "returnByValue": True}, session=session)
    layout = json.loads(result["result"]["value"])
    pdf = base64.b64decode(browser.call("Page.printToPDF", {"printBackground": True}, session=session)["data"])
    # Late console messages (after printing) still count.
    browser.call("Runtime.evaluate", {"expression": "1"}, session=session)
    browser.handle = Browser.handle.__get__(browser)
    browser.call("Target.closeTarget", {"targetId": target})
    return {
        "file": path, "console_errors": errors, "requests": requests, "overflow_px": layout["overflow"],
        "offenders": layout["offenders"], "pdf_bytes": len(pdf) if pdf.startswith(b"%PDF-") else 0,
    }


def main(argv):
    chromium = None
    if len(argv) > 2 and argv[1] == "--chromium":
        chromium, argv = argv[2], argv[:1] + argv[3:]
    chromium = chromium or shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("error: chromium is not installed (Debian: apt-get install chromium)", file=sys.stderr)
        return 2
    files = argv[1:]
    if not files:
        print(__doc__.strip().splitlines()[3].strip(), file=sys.stderr)
        return 2
    browser = Browser(chromium)
    clean = True
    try:
        browser.call("Target.setDiscoverTargets", {"discover": False})
        for path in files:
            report = check(browser, path)
            print(json.dumps(report, ensure_ascii=False), flush=True)
            clean &= not report["console_errors"] and not report["requests"] and report["overflow_px"] <= 0 \
                and report["pdf_bytes"] > 0
    except (RuntimeError, TimeoutError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    finally:
        browser.close()
    return 0 if clean else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
