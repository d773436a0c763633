"""Helpers for scripts/bench-startup (standard library only).

seed SANDBOX_BINARY DATA_FILE COUNT
    starts the stand-in on DATA_FILE and creates COUNT contractors for the app's key.
show APP_BINARY SCREENSHOT DRIVER_PID
    through tauri-driver (port 4444): starts the app, clicks Refresh on the contractors
    page, waits until the list holds every row (its count: only the rows in sight are
    drawn), saves a screenshot, waits 3 s, and prints "ROWS SECONDS PSS_KB RSS_KB" for the app and its WebKit processes.
"""
import concurrent.futures, json, os, subprocess, sys, time, urllib.request

KEY = "t9sk_test_coverdesk-local"  # src-tauri/src/state.rs LOCAL_KEY
STATES = ["CA", "TX", "NY", "IL", "FL", "CO", "GA", "AZ", "MA", "OR"]


def seed(binary, data, count):
    os.makedirs(os.path.dirname(data), exist_ok=True)
    server = subprocess.Popen([binary, "--listen", "127.0.0.1:0", "--data", data],
                              stdout=subprocess.PIPE, text=True)
    base = server.stdout.readline().split()[-1]
    auth = "Bearer " + KEY

    def create(i):
        body = json.dumps({
            "first_name": f"Bench{i}", "last_name": f"Contractor{i:05d}",
            "email": f"bench{i}@example.com", "phone": "312-555-0100",
            "address": {"line1": f"{i} Main St", "locality": "Springfield",
                        "region": STATES[i % len(STATES)], "postalcode": "62701"},
        }).encode()
        request = urllib.request.Request(base + "/api/v1/contractors", body, method="POST",
                                         headers={"Authorization": auth, "Content-Type": "application/json"})
        urllib.request.urlopen(request).read()

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        list(pool.map(create, range(count)))
    server.terminate()
    server.wait()


def webdriver(method, path, body=None):
    request = urllib.request.Request("http://127.0.0.1:4444" + path, method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(request, timeout=300))["value"]


def tree(pid):
    pids = [pid]
    children = f"/proc/{pid}/task/{pid}/children"
    if os.path.exists(children):
        for child in open(children).read().split():
            pids += tree(int(child))
    return pids


def memory(pids):
    pss = rss = 0
    for pid in pids:
        try:
            for line in open(f"/proc/{pid}/smaps_rollup"):
                if line.startswith("Pss:"):
                    pss += int(line.split()[1])
                elif line.startswith("Rss:"):
                    rss += int(line.split()[1])
        except OSError:
            pass
    return pss, rss


def show(binary, screenshot, driver_pid):
    caps = {"capabilities": {"alwaysMatch": {"tauri:options": {"application": binary}}}}
    session = webdriver("POST", "/session", caps)["sessionId"]
    try:
        run = lambda script: webdriver("POST", f"/session/{session}/execute/sync",
                                       {"script": script, "args": []})
        while not run("return !!document.getElementById('contractor-refresh')"):
            time.sleep(0.2)
        started = time.time()
        run("document.getElementById('contractor-refresh').click()")
        # The list is virtualised: it draws only the rows in sight, and its count says
        # how many it holds. Done when that count reaches the rows seeded.
        rows, last_change = 0, started
        while time.time() - started < 600 and rows < 10000:
            time.sleep(0.5)
            text = run("return (document.getElementById('contractor-count') || {}).textContent || ''")
            now = int(text.split()[0]) if text[:1].isdigit() else 0
            if now != rows:
                rows, last_change = now, time.time()
        seconds = last_change - started
        time.sleep(3)
        subprocess.run(["import", "-window", "root", screenshot], check=False)
        app = [p for p in tree(driver_pid)
               if open(f"/proc/{p}/comm").read().strip() not in ("tauri-driver", "WebKitWebDriver")]
        pss, rss = memory(app)
        print(rows, f"{seconds:.1f}", pss, rss)
    finally:
        try:
            webdriver("DELETE", f"/session/{session}")
        except OSError:
            pass  # the driver may hang up as the app closes; the figures are out already


if __name__ == "__main__":
    if sys.argv[1] == "seed":
        seed(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        show(sys.argv[2], sys.argv[3], int(sys.argv[4]))
