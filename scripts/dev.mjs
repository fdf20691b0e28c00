import { spawn } from "node:child_process";

// `npm run dev`: rebuild the tab and the simulator on change, restart the server on change.
const children = [
  spawn("npx", ["vite", "build", "--watch"], { stdio: "inherit" }),
  spawn("npx", ["vite", "build", "--mode", "simulator", "--watch"], { stdio: "inherit" }),
  spawn("npx", ["tsx", "watch", "--clear-screen=false", "server/main.ts"], { stdio: "inherit" }),
];
const stop = () => {
  for (const child of children) child.kill("SIGTERM");
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
