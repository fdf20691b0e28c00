import { execFileSync } from "node:child_process";
import fs from "node:fs";

/**
 * Finds Debian's Chromium for the browser tests, installing it with apt-get when we are root on a
 * Debian-like machine. Never downloads a browser build of its own.
 */
export function ensureChromium() {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!fs.existsSync(configured)) throw new Error(`CHROMIUM_PATH is set to ${configured}, but nothing is there.`);
    return configured;
  }
  const debianPath = "/usr/bin/chromium";
  if (fs.existsSync(debianPath)) return debianPath;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = fs.existsSync("/usr/bin/apt-get");
  if (!isRoot || !hasApt) {
    throw new Error(
      "Chromium is needed for the end-to-end tests and was not found at /usr/bin/chromium.\n" +
        "Install Debian's package (sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.",
    );
  }
  process.stdout.write("Installing Debian's chromium package for the browser tests…\n");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
  if (!fs.existsSync(debianPath)) throw new Error("apt-get finished but /usr/bin/chromium is still missing.");
  return debianPath;
}
